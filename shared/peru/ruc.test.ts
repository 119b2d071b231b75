import { describe, expect, it } from 'vitest';
import { errorCodes } from '../i18n';
import { assertRuc, isLegalEntityRuc, isValidRuc, legalEntityRucFor, rucCheckDigit, RUC_PREFIXES } from './ruc';
import { assertDni, isValidDni } from './dni';
import { khipuError, expectCataloguedError } from '../testing/errors';



// Published RUCs of well-known entities; each one's last digit is its check digit.
const REAL_RUCS = [
  '20131312955', // SUNAT
  '20100047218', // Banco de Crédito del Perú
  '20100017491', // Telefónica del Perú
  '20100070970', // Supermercados Peruanos (r = 10 → check digit 0)
];

describe('rucCheckDigit', () => {
  it('computes the SUNAT modulus-11 digit', () => {
    // 2·5+0·4+1·3+3·2+1·7+3·6+1·5+2·4+9·3+5·2 = 94; 94 mod 11 = 6; 11 − 6 = 5
    expect(rucCheckDigit('2013131295')).toBe(5);
    for (const ruc of REAL_RUCS) expect(rucCheckDigit(ruc.slice(0, 10))).toBe(Number(ruc[10]));
  });

  it('maps r = 10 to 0 and r = 11 to 1', () => {
    expect(rucCheckDigit('1000000009')).toBe(0); // sum 45, 45 mod 11 = 1, r = 10
    expect(rucCheckDigit('2000000006')).toBe(1); // sum 22, 22 mod 11 = 0, r = 11
    expect(rucCheckDigit('2000000000')).toBe(1); // sum 10, r = 1: a plain 1, not the r = 11 rule
  });

  it('refuses anything but 10 digits', () => {
    for (const bad of ['', '201313129', '20131312955', '201313129a', ' 2013131295']) {
      expectCataloguedError(khipuError(() => rucCheckDigit(bad)), 'peru.ruc.format', 'ruc');
    }
  });
});

describe('isValidRuc / assertRuc', () => {
  it.each(REAL_RUCS)('accepts %s', (ruc) => {
    expect(isValidRuc(ruc)).toBe(true);
    expect(assertRuc(ruc)).toBe(ruc);
  });

  it('accepts every prefix SUNAT issues, with a computed check digit', () => {
    expect(RUC_PREFIXES).toEqual(['10', '15', '16', '17', '20']);
    for (const prefix of RUC_PREFIXES) {
      const first10 = `${prefix}12345678`;
      const ruc = first10 + String(rucCheckDigit(first10));
      expect(isValidRuc(ruc)).toBe(true);
    }
    expect(isValidRuc('10000000090')).toBe(true);
    expect(isValidRuc('20000000061')).toBe(true);
  });

  it('trims surrounding spaces and returns the bare RUC', () => {
    expect(isValidRuc('  20131312955\t')).toBe(true);
    expect(assertRuc(' 20131312955 ')).toBe('20131312955');
  });

  it('asks for the RUC when it is empty', () => {
    for (const empty of ['', '   ', null, undefined]) {
      expect(isValidRuc(empty)).toBe(false);
      expectCataloguedError(khipuError(() => assertRuc(empty)), 'peru.ruc.required', 'ruc');
    }
  });

  it.each([
    '2013131295', // 10 digits
    '201313129550', // 12 digits
    '2013131295a',
    '20131312 955', // inner space
    '20-131312955', // dash
    '2O131312955', // letter O for zero
    '２０１３１３１２９５５', // full-width digits
  ])('refuses %s as not 11 digits', (bad) => {
    expect(isValidRuc(bad)).toBe(false);
    const error = khipuError(() => assertRuc(bad, 'supplierRuc'));
    expectCataloguedError(error, 'peru.ruc.format', 'supplierRuc');
    expect(error.message).toContain('El RUC debe tener 11 dígitos');
  });

  it('refuses non-strings, numbers included', () => {
    for (const bad of [20131312955, {}, ['20131312955'], true]) {
      expect(isValidRuc(bad)).toBe(false);
      expectCataloguedError(khipuError(() => assertRuc(bad)), 'peru.ruc.format', 'ruc');
    }
  });

  it.each(['00131312955', '11131312955', '12131312955', '18131312955', '30131312955', '99131312955'])(
    'refuses prefix of %s',
    (bad) => {
      // Give each its correct check digit so only the prefix is wrong.
      const ruc = bad.slice(0, 10) + String(rucCheckDigit(bad.slice(0, 10)));
      expect(isValidRuc(ruc)).toBe(false);
      const error = khipuError(() => assertRuc(ruc));
      expectCataloguedError(error, 'peru.ruc.prefix', 'ruc');
      expect(error.params).toEqual({ value: ruc });
    },
  );

  it('refuses every wrong check digit', () => {
    for (const ruc of REAL_RUCS) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === ruc[10]) continue;
        const bad = ruc.slice(0, 10) + String(d);
        expect(isValidRuc(bad)).toBe(false);
        const error = khipuError(() => assertRuc(bad));
        expectCataloguedError(error, 'peru.ruc.checkDigit', 'ruc');
        expect(error.message).toContain('El dígito verificador del RUC');
      }
    }
  });

  it('catches two swapped digits', () => {
    expect(isValidRuc('21031312955')).toBe(false);
    expect(isValidRuc('20133112955')).toBe(false);
  });
});

describe('isLegalEntityRuc', () => {
  it('is true only for valid RUCs starting with 20', () => {
    expect(isLegalEntityRuc('20131312955')).toBe(true);
    expect(isLegalEntityRuc(' 20131312955 ')).toBe(true);
    const person = `1012345678${rucCheckDigit('1012345678')}`;
    expect(isValidRuc(person)).toBe(true);
    expect(isLegalEntityRuc(person)).toBe(false);
    expect(isLegalEntityRuc('20131312954')).toBe(false);
    expect(isLegalEntityRuc(20131312955)).toBe(false);
  });
});

describe('isValidDni / assertDni', () => {
  it.each(['12345678', '00123456', ' 40506070 '])('accepts %s', (dni) => {
    expect(isValidDni(dni)).toBe(true);
    expect(assertDni(dni)).toBe(dni.trim());
  });

  it('asks for the DNI when it is empty', () => {
    for (const empty of ['', '  ', null, undefined]) {
      expect(isValidDni(empty)).toBe(false);
      expectCataloguedError(khipuError(() => assertDni(empty, 'memberDni')), 'peru.dni.required', 'memberDni');
    }
  });

  it.each(['1234567', '123456789', '1234567a', '1234 5678', '12-345678', '١٢٣٤٥٦٧٨'])('refuses %s', (bad) => {
    expect(isValidDni(bad)).toBe(false);
    const error = khipuError(() => assertDni(bad));
    expectCataloguedError(error, 'peru.dni.format', 'dni');
    expect(error.message).toContain('El DNI debe tener exactamente 8 dígitos');
  });

  it('refuses numbers, which would lose leading zeros', () => {
    expect(isValidDni(12345678)).toBe(false);
    expectCataloguedError(khipuError(() => assertDni(12345678)), 'peru.dni.format', 'dni');
  });
});

describe('catalogs', () => {
  it('has every peru code in Spanish and English, and only peru codes under peru.', () => {
    const es = errorCodes('es').filter((c) => c.startsWith('peru.')).sort();
    const en = errorCodes('en').filter((c) => c.startsWith('peru.')).sort();
    expect(es).toEqual(en);
    expect(es).toEqual([
      'peru.dni.format',
      'peru.dni.required',
      'peru.ruc.checkDigit',
      'peru.ruc.format',
      'peru.ruc.prefix',
      'peru.ruc.required',
      'peru.ubigeo.format',
      'peru.ubigeo.required',
      'peru.ubigeo.unknown',
    ]);
  });
});

describe('legalEntityRucFor', () => {
  it('makes a valid legal entity RUC from any serial', () => {
    for (const serial of [0, 1, 10_452_187, 99_999_999]) {
      const ruc = legalEntityRucFor(serial);
      expect(ruc).toMatch(/^20\d{9}$/);
      expect(isLegalEntityRuc(ruc)).toBe(true);
    }
    expect(legalEntityRucFor(13_131_295)).toBe('20131312955');
  });
});
