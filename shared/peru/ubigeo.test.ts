import { describe, expect, it } from 'vitest';
import {
  assertUbigeo,
  findUbigeo,
  fold,
  listDepartments,
  listDistricts,
  listProvinces,
  searchDistricts,
} from './ubigeo';
import { UBIGEO_DATA } from './ubigeo-data';
import { khipuError, expectCataloguedError } from '../testing/errors';



const lines = UBIGEO_DATA.trim().split('\n').map((line) => line.split('|') as [string, string]);
const districtCodes = lines.filter(([code]) => code.length === 6).map(([code]) => code);

describe('ubigeo data', () => {
  it('has the source counts: 25 departments, 196 provinces, 1,891 districts', () => {
    expect(listDepartments()).toHaveLength(25);
    expect(lines.filter(([code]) => code.length === 4)).toHaveLength(196);
    expect(districtCodes).toHaveLength(1891);
    const provinces = listDepartments().flatMap((d) => listProvinces(d.code));
    expect(provinces).toHaveLength(196);
    expect(provinces.flatMap((p) => listDistricts(p.code))).toHaveLength(1891);
  });

  it('is well formed: codes of 2, 4 or 6 digits, sorted, unique, names trimmed', () => {
    for (const [code, name] of lines) {
      expect(code).toMatch(/^(\d{2}|\d{4}|\d{6})$/);
      expect(name).toBe(name.trim());
      expect(name).not.toBe('');
    }
    const codes = lines.map(([code]) => code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("gives every district an existing department and province, and every province districts", () => {
    const codes = new Set(lines.map(([code]) => code));
    for (const code of districtCodes) {
      expect(codes.has(code.slice(0, 2)), code).toBe(true);
      expect(codes.has(code.slice(0, 4)), code).toBe(true);
      const found = findUbigeo(code);
      expect(found?.department, code).toBeTruthy();
      expect(found?.province, code).toBeTruthy();
    }
    for (const [code] of lines.filter(([c]) => c.length === 4)) {
      expect(listDistricts(code).length, code).toBeGreaterThan(0);
    }
  });

  it('follows INEI codes, not RENIEC ones', () => {
    // Callao is 07 in INEI (24 in RENIEC); Cusco 08 (07); Chincheros 0306 (0307).
    expect(listDepartments().find((d) => d.code === '07')?.name).toBe('Callao');
    expect(listDepartments().find((d) => d.code === '08')?.name).toBe('Cusco');
    expect(listProvinces('03').find((p) => p.code === '0306')?.name).toBe('Chincheros');
    expect(findUbigeo('010201')?.district).toBe('Bagua'); // RENIEC 010205
  });

  it('leaves out the source duplicates 090708 and 090712', () => {
    expect(findUbigeo('090708')).toBeUndefined();
    expect(findUbigeo('090712')).toBeUndefined();
    expect(findUbigeo('090709')?.district).toBe('Huaribamba');
    expect(findUbigeo('090714')?.district).toBe('Salcabamba');
  });
});

describe('findUbigeo', () => {
  it.each([
    ['030601', 'Apurímac', 'Chincheros', 'Chincheros'],
    ['030605', 'Apurímac', 'Chincheros', 'Ocobamba'],
    ['030201', 'Apurímac', 'Andahuaylas', 'Andahuaylas'],
    ['030101', 'Apurímac', 'Abancay', 'Abancay'],
    ['150101', 'Lima', 'Lima', 'Lima'],
    ['080101', 'Cusco', 'Cusco', 'Cusco'],
    ['050101', 'Ayacucho', 'Huamanga', 'Ayacucho'],
    ['090101', 'Huancavelica', 'Huancavelica', 'Huancavelica'],
    ['070101', 'Callao', 'Callao', 'Callao'],
    ['021201', 'Áncash', 'Huaylas', 'Caraz'],
    ['060506', 'Cajamarca', 'Contumazá', 'Santa Cruz de Toledo'],
    ['250401', 'Ucayali', 'Purús', 'Purús'],
  ])('%s is %s / %s / %s', (code, department, province, district) => {
    expect(findUbigeo(code)).toEqual({ code, department, province, district });
    expect(findUbigeo(` ${code} `)?.code).toBe(code);
  });

  it('finds no district for department or province codes, or unknown ones', () => {
    for (const code of ['030000', '030600', '03', '0306', '000000', '999999', '260101', '030699', '']) {
      expect(findUbigeo(code)).toBeUndefined();
    }
  });

  it('returns frozen records', () => {
    expect(Object.isFrozen(findUbigeo('030601'))).toBe(true);
  });
});

describe('assertUbigeo', () => {
  it('returns the district', () => {
    expect(assertUbigeo('030601')).toEqual({
      code: '030601',
      department: 'Apurímac',
      province: 'Chincheros',
      district: 'Chincheros',
    });
    expect(assertUbigeo(' 090101 ').district).toBe('Huancavelica');
  });

  it('asks for it when empty', () => {
    for (const empty of ['', '  ', null, undefined]) {
      expectCataloguedError(khipuError(() => assertUbigeo(empty)), 'peru.ubigeo.required', 'ubigeo');
    }
  });

  it.each(['03060', '0306011', '03-06-01', '0306O1', 'Chincheros', '030 601'])('refuses the format of %s', (bad) => {
    const error = khipuError(() => assertUbigeo(bad, 'districtUbigeo'));
    expectCataloguedError(error, 'peru.ubigeo.format', 'districtUbigeo');
    expect(error.params).toEqual({ value: bad.trim() });
  });

  it('refuses numbers, which lose the leading zero', () => {
    expectCataloguedError(khipuError(() => assertUbigeo(30601)), 'peru.ubigeo.format', 'ubigeo');
    expectCataloguedError(khipuError(() => assertUbigeo(150101)), 'peru.ubigeo.format', 'ubigeo');
  });

  it.each(['030000', '030600', '000000', '999999', '030699', '260101'])('refuses %s as no district', (bad) => {
    const error = khipuError(() => assertUbigeo(bad));
    expectCataloguedError(error, 'peru.ubigeo.unknown', 'ubigeo');
    expect(error.message).toContain(bad);
  });
});

describe('lists', () => {
  it('lists departments in code order with accents', () => {
    const departments = listDepartments();
    expect(departments[0]).toEqual({ code: '01', name: 'Amazonas' });
    expect(departments.map((d) => d.name)).toContain('Apurímac');
    expect(departments.map((d) => d.code)).toEqual(
      Array.from({ length: 25 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('lists the provinces of Apurímac and the districts of Chincheros', () => {
    expect(listProvinces('03').map((p) => p.name)).toEqual([
      'Abancay',
      'Andahuaylas',
      'Antabamba',
      'Aymaraes',
      'Cotabambas',
      'Chincheros',
      'Grau',
    ]);
    const chincheros = listDistricts('0306');
    expect(chincheros[0]).toEqual({ code: '030601', name: 'Chincheros' });
    expect(chincheros.map((d) => d.name)).toContain('Ocobamba');
    expect(chincheros.every((d) => d.code.startsWith('0306'))).toBe(true);
  });

  it('returns [] for unknown codes, and copies the caller may change', () => {
    expect(listProvinces('26')).toEqual([]);
    expect(listProvinces('030000')).toEqual([]);
    expect(listDistricts('0399')).toEqual([]);
    listDepartments().pop();
    expect(listDepartments()).toHaveLength(25);
  });
});

describe('fold', () => {
  it('drops accents, case, apostrophes and hyphens', () => {
    expect(fold('Apurímac')).toBe('apurimac');
    expect(fold('  CAÑETE ')).toBe('canete');
    expect(fold("Sumaq Q'oy")).toBe('sumaq qoy');
    expect(fold('Anco-Huallo')).toBe('anco huallo');
    expect(fold('Ñahuimpuquio')).toBe('nahuimpuquio');
  });
});

describe('searchDistricts', () => {
  it('finds the districts of a department without accents', () => {
    const found = searchDistricts('apurimac', 1000);
    expect(found.length).toBe(listProvinces('03').flatMap((p) => listDistricts(p.code)).length);
    expect(found.every((u) => u.department === 'Apurímac')).toBe(true);
  });

  it('puts the district of that exact name first', () => {
    const found = searchDistricts('chincheros', 50);
    expect(found[0]?.code).toBe('030601');
    // The rest of Chincheros province follows; Cusco's Chinchero does not match.
    expect(found.map((u) => u.code)).toContain('030605');
    expect(found.map((u) => u.code)).not.toContain('081302');
    expect(searchDistricts('CHINCHERO')[0]?.code).toBe('081302');
  });

  it('narrows with several words, in any field', () => {
    expect(searchDistricts('ocobamba apurimac').map((u) => u.code)).toEqual(['030605']);
    expect(searchDistricts('ocobamba cusco').map((u) => u.code)).toEqual(['080905']);
    expect(searchDistricts('anco huallo')[0]?.code).toBe('030602');
    expect(searchDistricts('Huancavelica')[0]?.code).toBe('090101');
  });

  it('searches by the start of a code', () => {
    expect(searchDistricts('0306', 100).map((u) => u.code)).toEqual(listDistricts('0306').map((d) => d.code));
    expect(searchDistricts('150101')).toEqual([findUbigeo('150101')]);
  });

  it('respects the limit and ignores empty text', () => {
    expect(searchDistricts('lima', 5)).toHaveLength(5);
    expect(searchDistricts('a')).toHaveLength(20);
    expect(searchDistricts('')).toEqual([]);
    expect(searchDistricts('   ')).toEqual([]);
    expect(searchDistricts('apurimac', 0)).toEqual([]);
    expect(searchDistricts('xyzzy')).toEqual([]);
  });
});
