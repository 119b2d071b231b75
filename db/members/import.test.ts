import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dispatchAsync } from '../api';
import { expectCataloguedError } from '../../shared/testing/errors';
import { csvBase64, fixtureBase64, fixturePath, khipuRejection, membersEnv, socia, type MembersEnv } from './testing';
import { parseCsv } from './csv';
import { readWorksheets, writeWorkbook } from './xlsx';

let t: MembersEnv;
beforeEach(() => { t = membersEnv(); });
afterEach(() => t.env.cleanup());

const file = (contentBase64: string, fileName = 'padron.csv') => ({ associationId: t.associationId, fileName, contentBase64 });
const comparable = (associationId: number) =>
  t.api.listMembers({ associationId }).members.map(({ dni, givenNames, surnames, fullName, sex, birthDate, community, phone, active, joinedOn, leftOn }) =>
    ({ dni, givenNames, surnames, fullName, sex, birthDate, community, phone, active, joinedOn, leftOn }));

describe('previewMemberImport', () => {
  it('reads a ";" CSV with a BOM, Spanish headers in any case, and reports each row', async () => {
    const csv = '\ufeffdni;NOMBRES;apellidos;SEXO;Fecha de Nacimiento;Anexo;Teléfono/Celular;FECHA DE INGRESO;Observación\r\n'
      + "41234567;Sumaq Q'oy;Mamani Quispe;Mujer;03/11/1985;Ccochaccasa;987654321;15/03/2015;pagó cuota\r\n"
      + '\r\n'
      + '41234568;Wayra;Cusi Yupanqui;masculino;;Huayllabamba;;2016-06-02;\r\n';
    const preview = await t.api.previewMemberImport(file(csvBase64(csv)));
    expect(preview.format).toBe('csv');
    expect(preview.columns.map((c) => c.field)).toEqual(['dni', 'givenNames', 'surnames', 'sex', 'birthDate', 'community', 'phone', 'joinedOn']);
    expect(preview.ignoredColumns).toEqual(['Observación']);
    expect(preview).toMatchObject({ validRows: 2, errorRows: 0 });
    expect(preview.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(preview.rows[0]!.values).toEqual({
      dni: '41234567', givenNames: "Sumaq Q'oy", surnames: 'Mamani Quispe', sex: 'F', birthDate: '1985-11-03',
      community: 'Ccochaccasa', phone: '987654321', joinedOn: '2015-03-15', leftOn: null,
    });
    expect(preview.rows[1]!.values).toMatchObject({ sex: 'M', birthDate: null, joinedOn: '2016-06-02' });
    expect(t.api.listMembers({ associationId: t.associationId }).counts.total).toBe(0);
  });

  it('falls back to Latin-1 (Windows-1252) and joins Apellido paterno + materno', async () => {
    const csv = 'DNI,Nombres,Apellido paterno,Apellido materno,Sexo,Comunidad,Fecha de ingreso\n'
      + '41234567,Tika Pallana,Núñez,Ñahui,F,Señor de Exaltación,1/2/2019\n';
    const latin1 = csvBase64(csv, 'latin1');
    expect(Buffer.from(latin1, 'base64').includes(Buffer.from('Núñez', 'utf8'))).toBe(false);
    const preview = await t.api.previewMemberImport(file(latin1));
    expect(preview.rows[0]!.values).toMatchObject({
      givenNames: 'Tika Pallana', surnames: 'Núñez Ñahui', community: 'Señor de Exaltación', joinedOn: '2019-02-01',
    });
    expect(preview.errorRows).toBe(0);
  });

  it('shows each row\'s errors in the user\'s language: bad DNI, duplicates, names, sex, dates', async () => {
    t.api.createMember(socia(t.associationId, { dni: '41234500', givenNames: 'Rosa', surnames: 'Quispe' }));
    const csv = 'DNI;Nombres;Apellidos;Sexo;Fecha de nacimiento;Fecha de ingreso\n'
      + '4567890;Ana;Rojas;F;;01/01/2020\n' // row 2: 7 digits
      + '41234500;Eva;Soto;F;;01/01/2020\n' // row 3: DNI of an existing member
      + '41234501;Luz;Ayala;F;;01/01/2020\n'
      + '41234501;;Ayala;X;31/02/1990;\n' // row 5: repeated DNI, no name, bad sex, bad date, no joining date
      + '41234502;Killa;Taipe;F;01/01/2030;01/01/2020\n'; // row 6: born in the future
    const preview = await t.api.previewMemberImport(file(csvBase64(csv)));
    expect(preview).toMatchObject({ validRows: 1, errorRows: 4 });
    const errors = Object.fromEntries(preview.rows.map((r) => [r.rowNumber, r.errors]));
    expect(errors[2]).toEqual([{
      field: 'dni', code: 'peru.dni.format',
      message: 'El DNI debe tener exactamente 8 dígitos, sin letras ni espacios; «4567890» no los tiene. Si empieza con 0, escriba también el 0.',
    }]);
    expect(errors[3]!.map((e) => e.message)).toEqual(['El DNI 41234500 ya está registrado para el socio «Rosa Quispe» en esta asociación.']);
    expect(errors[4]).toEqual([]);
    expect(errors[5]!.map((e) => [e.field, e.code])).toEqual([
      ['dni', 'member.importDuplicateDni'], ['givenNames', 'member.givenNamesRequired'], ['sex', 'member.sexInvalid'],
      ['joinedOn', 'member.joinedOnRequired'], ['birthDate', 'member.dateInvalid'],
    ]);
    expect(errors[5]![0]!.message).toBe('El DNI 41234501 ya aparece en la fila 4 de este archivo.');
    expect(errors[6]!.map((e) => e.code)).toEqual(['member.birthDateFuture']);
    const english = await t.api.previewMemberImport({ ...file(csvBase64(csv)), locale: 'en' });
    expect(english.rows[0]!.errors[0]!.message).toContain('The DNI must have exactly 8 digits');
  });

  it('refuses files it cannot use with a clear message', async () => {
    const refuse = async (content: string, code: string) =>
      expectCataloguedError(await khipuRejection(t.api.previewMemberImport(file(content))), code, 'contentBase64');
    await refuse(csvBase64('DNI;Nombres;Apellidos\n41234567;Ana;Rojas\n'), 'member.importMissingColumns');
    expect((await khipuRejection(t.api.previewMemberImport(file(csvBase64('DNI;Nombres;Apellidos\n41234567;Ana;Rojas\n'))))).message)
      .toBe('Al archivo le faltan columnas obligatorias: Sexo, Fecha de ingreso. La primera fila debe tener los títulos de las columnas.');
    await refuse(csvBase64('DNI;Nombres;Apellidos;Sexo;Fecha de ingreso\n'), 'member.importEmpty');
    await refuse(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41).toString('base64'), 'member.importTooLarge');
    const many = 'DNI;Nombres;Apellidos;Sexo;Fecha de ingreso\n' + '41234567;Ana;Rojas;F;01/01/2020\n'.repeat(5001);
    await refuse(csvBase64(many), 'member.importTooManyRows');
    await refuse(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).toString('base64'), 'member.importOldExcel');
    await refuse(Buffer.from('PK\u0003\u0004 not really a zip').toString('base64'), 'member.importUnreadable');
  });
});

describe('importMembers', () => {
  it('imports the 14-member padrón in one go', async () => {
    const before = t.auditCount();
    const result = await t.api.importMembers(file(fixtureBase64('padron-14-socios.csv'), 'padron-14-socios.csv'));
    expect(result.imported).toBe(14);
    expect(t.auditCount()).toBe(before + 1);
    const list = t.api.listMembers({ associationId: t.associationId });
    expect(list.counts).toEqual({ total: 14, women: 8, men: 6, active: 14 });
    expect(t.api.listCommunities({ associationId: t.associationId })).toEqual(['Ccochaccasa', 'Huayllabamba']);
    const juan = list.members.find((m) => m.dni === '04123450')!;
    expect(juan).toMatchObject({ givenNames: 'Juan de Dios', surnames: 'Huamaní Ayme', birthDate: '1975-06-30', joinedOn: '2015-03-15' });
    expect(t.api.listMembers({ associationId: t.associationId, search: 'qoy' }).members.map((m) => m.fullName)).toEqual(["Sumaq Q'oy Mamani"]);
    // Importing the same file again: every DNI is taken, nothing is written.
    expect(await dispatchAsync(t.api, 'importMembers', file(fixtureBase64('padron-14-socios.csv'))))
      .toMatchObject({ ok: false, error: { code: 'member.importHasErrors', field: 'contentBase64' } });
    expect(t.api.listMembers({ associationId: t.associationId }).counts.total).toBe(14);
  });

  it('writes nothing when one row has a bad DNI, and the preview shows it on that row in Spanish', async () => {
    const content = fixtureBase64('padron-con-error.csv');
    const preview = await t.api.previewMemberImport(file(content));
    expect(preview).toMatchObject({ validRows: 13, errorRows: 1 });
    const bad = preview.rows.find((r) => r.errors.length > 0)!;
    expect(bad.rowNumber).toBe(6);
    expect(bad.values.dni).toBe('4567890');
    expect(bad.errors[0]!.message).toContain('El DNI debe tener exactamente 8 dígitos');
    const before = t.auditCount();
    const refused = await dispatchAsync(t.api, 'importMembers', file(content));
    expect(refused).toMatchObject({ ok: false, error: { code: 'member.importHasErrors', field: 'contentBase64' } });
    if (!refused.ok) expect(refused.error.message).toBe('No se importó ningún socio: 1 fila tiene errores (la fila 6). Corrija el archivo y vuelva a intentarlo.');
    expect(t.auditCount()).toBe(before);
    expect(t.env.db.prepare('SELECT COUNT(*) AS n FROM members').get()).toEqual({ n: 0 });
    expect(t.env.db.prepare('SELECT COUNT(*) AS n FROM member_memberships').get()).toEqual({ n: 0 });
  });
});

describe('exportMembers', () => {
  async function padronWithHistory() {
    const { associationId } = t;
    await t.api.importMembers(file(fixtureBase64('padron-14-socios.csv')));
    const inti = t.api.listMembers({ associationId, search: 'inti' }).members[0]!;
    t.api.memberLeaves({ associationId, memberId: inti.id, leftOn: '2025-08-31', reason: 'Migró a Lima' });
    const rosa = t.api.listMembers({ associationId, search: '41234501' }).members[0]!;
    t.api.assignOfficerPost({ associationId, memberId: rosa.id, post: 'presidente', termStart: '2025-01-01' });
  }

  it('writes an XLSX padrón with a Resumen sheet that imports back as the same members', async () => {
    await padronWithHistory();
    const exported = await t.api.exportMembers({ associationId: t.associationId, format: 'xlsx' });
    expect(exported.fileName).toBe('socios-asociacion-misky-llankaq-de-ccochaccasa-2026-03-15.xlsx');
    expect(exported.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(exported.contentBase64, 'base64');
    const [sheet, resumen] = (await readWorksheets(bytes)) as [unknown[][], unknown[][]];
    expect(sheet[0]).toEqual(['N°', 'DNI', 'Apellidos', 'Nombres', 'Sexo', 'Fecha de nacimiento', 'Comunidad', 'Teléfono',
      'Fecha de ingreso', 'Fecha de retiro', 'Estado', 'Cargo']);
    const juan = sheet.find((row) => row[1] === '04123450')!; // text cell: the leading zero survives
    expect(juan.slice(2, 9)).toEqual(['Huamaní Ayme', 'Juan de Dios', 'M', { date: '1975-06-30' }, 'Ccochaccasa', null, { date: '2015-03-15' }]);
    expect(sheet.find((row) => row[3] === 'Inti')!.slice(9, 11)).toEqual([{ date: '2025-08-31' }, 'Retirado']);
    expect(sheet.find((row) => row[1] === '41234501')![11]).toBe('Presidente');
    expect(resumen.slice(4)).toEqual([
      [null, 'Mujeres', 'Hombres', 'Total'], ['Activos', 8, 5, 13], ['Retirados', 0, 1, 1], ['Total', 8, 6, 14],
    ]);

    // As Excel shows it: bold, frozen headers; the DNI a text cell; real date cells shown dd/mm/yyyy; the widths set.
    const workbook = await new ExcelJS.Workbook().xlsx.load(new Uint8Array(bytes).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Padrón', 'Resumen']);
    const padron = workbook.getWorksheet('Padrón')!;
    expect(padron.getCell('A1').font?.bold).toBe(true);
    expect(padron.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const juanRow = padron.getRows(2, padron.rowCount - 1)!.find((row) => row.getCell(2).value === '04123450')!;
    expect(juanRow.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(juanRow.getCell(6).value).toEqual(new Date(Date.UTC(1975, 5, 30)));
    expect(juanRow.getCell(6).numFmt).toBe('dd/mm/yyyy');
    expect(juanRow.getCell(3).font?.bold).toBeFalsy();
    expect([1, 2, 3, 12].map((c) => padron.getColumn(c).width)).toEqual([5, 11, 24, 18]);
    expect(workbook.getWorksheet('Resumen')!.getCell('B3').value).toEqual(new Date(Date.UTC(2026, 2, 15)));

    const copy = t.newAssociation('Asociación Copia');
    const before = t.auditCount();
    const result = await t.api.importMembers({ associationId: copy, fileName: exported.fileName, contentBase64: exported.contentBase64 });
    expect(result.imported).toBe(14);
    expect(t.auditCount()).toBe(before + 1);
    expect(comparable(copy)).toEqual(comparable(t.associationId));
    expect(t.api.listMembers({ associationId: copy }).counts).toEqual({ total: 14, women: 8, men: 6, active: 13 });
  });

  it('writes a CSV (UTF-8 with BOM, ";") that also round-trips, and can export only active members', async () => {
    await padronWithHistory();
    const exported = await t.api.exportMembers({ associationId: t.associationId, format: 'csv' });
    expect(exported.fileName).toMatch(/^socios-asociacion-misky-llankaq-de-ccochaccasa-2026-03-15\.csv$/);
    const bytes = Buffer.from(exported.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[1]!.slice(0, 6)).toEqual(['1', '41234510', 'Ccente Ramos', 'Alejandro', 'M', '05/07/1971']);
    const copy = t.newAssociation('Asociación Copia CSV');
    await t.api.importMembers({ associationId: copy, fileName: exported.fileName, contentBase64: exported.contentBase64 });
    expect(comparable(copy)).toEqual(comparable(t.associationId));
    const onlyActive = await t.api.exportMembers({ associationId: t.associationId, format: 'csv', active: true });
    expect(parseCsv(Buffer.from(onlyActive.contentBase64, 'base64').toString('utf8')).filter((r) => r.length > 1)).toHaveLength(14);
  });
});

describe('xlsx reader', () => {
  it('reads text, numbers as DNI, and date cells of a workbook', async () => {
    const bytes = await writeWorkbook([{ name: 'Hoja1', rows: [
      ['DNI', 'Nombres', 'Apellidos', 'Sexo', 'Fecha de ingreso'],
      [41234567, 'Ana', 'Rojas', 'F', { date: '2020-02-29' }],
      [41234568, 'Luis', 'Soto', 'Hombre', 43890], // a date typed into a General cell: Excel's day number
    ] }]);
    const preview = await t.api.previewMemberImport(file(bytes.toString('base64'), 'padron.xlsx'));
    expect(preview.format).toBe('xlsx');
    expect(preview.rows.map((r) => [r.values.dni, r.values.sex, r.values.joinedOn, r.errors.length])).toEqual([
      ['41234567', 'F', '2020-02-29', 0], ['41234568', 'M', '2020-02-29', 0],
    ]);
    expect(readFileSync(fixturePath('padron-14-socios.csv'), 'utf8').split('\n')[0]).toContain('Fecha de ingreso');
  });
});

describe('xlsx reader on a workbook typed in Excel', () => {
  /** A cover sheet, then the padrón under a merged title: rich text, a hyperlink, formulas and several date formats. */
  async function officeWorkbook(date1904 = false): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = date1904;
    workbook.addWorksheet('Instrucciones').getCell('A1').value = 'Llene la hoja «Socios». No cambie los títulos.';
    const sheet = workbook.addWorksheet('Socios');
    sheet.mergeCells('A1:F1');
    sheet.getCell('A1').value = 'PADRÓN DE SOCIOS 2025';
    sheet.getRow(3).values = ['DNI', { richText: [{ font: { bold: true }, text: 'Nombres' }] }, 'Apellidos', 'Sexo',
      'Fecha de nacimiento', 'Fecha de ingreso'];
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    // Row 4: the DNI typed as a number, so Excel dropped its leading zero.
    sheet.getRow(4).values = [1234567, 'Sumaq', { richText: [{ font: { bold: true }, text: "Q'oy " }, { text: 'Ñahui' }] }, 'Femenino',
      null, day(2023, 3, 15)];
    sheet.getCell('F4').numFmt = 'mm-dd-yy'; // Excel's built-in short date (format 14)
    // Row 6, after an empty row: values computed by formulas, and a name that is a link.
    sheet.getRow(6).values = [{ formula: 'TEXT(4123450,"00000000")', result: '04123450' },
      { text: 'Wayra', hyperlink: 'mailto:wayra@example.pe' }, 'Cusi Yupanqui', { formula: 'IF(1,"M","F")', result: 'M' },
      { formula: 'DATE(1985,11,3)', result: day(1985, 11, 3) }, day(2020, 2, 29)];
    sheet.getCell('E6').numFmt = 'dd/mm/yyyy';
    sheet.getCell('F6').numFmt = 'd" de "mmmm" de "yyyy';
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  }

  for (const date1904 of [false, true]) {
    it(`finds the padrón's sheet and header row and reads what Excel stores${date1904 ? ' (1904 date system)' : ''}`, async () => {
      const preview = await t.api.previewMemberImport(file(await officeWorkbook(date1904), 'socios.xlsx'));
      expect(preview.format).toBe('xlsx');
      expect(preview.columns.map((c) => c.header)).toEqual(['DNI', 'Nombres', 'Apellidos', 'Sexo', 'Fecha de nacimiento', 'Fecha de ingreso']);
      expect(preview.rows.map((r) => r.rowNumber)).toEqual([4, 6]);
      expect(preview.rows[0]!.values).toMatchObject({ dni: '1234567', givenNames: 'Sumaq', surnames: "Q'oy Ñahui", sex: 'F', joinedOn: '2023-03-15' });
      // Excel dropped the DNI's leading zero (a number cell): the row says so instead of guessing.
      expect(preview.rows[0]!.errors.map((e) => e.code)).toEqual(['peru.dni.format']);
      expect(preview.rows[1]).toMatchObject({
        errors: [],
        values: { dni: '04123450', givenNames: 'Wayra', surnames: 'Cusi Yupanqui', sex: 'M', birthDate: '1985-11-03', joinedOn: '2020-02-29' },
      });
    });
  }

  it('refuses a ZIP that holds no worksheet', async () => {
    const empty = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()).toString('base64');
    expectCataloguedError(await khipuRejection(t.api.previewMemberImport(file(empty, 'vacio.xlsx'))), 'member.importUnreadable', 'contentBase64');
  });
});

describe('header row', () => {
  it('skips a title above the headers and honours Excel\'s "sep=" line', async () => {
    const titled = 'PADRÓN DE SOCIOS 2025;;;;\n;;;;\nDNI;Nombres;Apellidos;Sexo;Fecha de ingreso\n41234567;Ana;Rojas;F;01/01/2020\n';
    const preview = await t.api.previewMemberImport(file(csvBase64(titled)));
    expect(preview.rows.map((r) => [r.rowNumber, r.values.givenNames, r.errors.length])).toEqual([[4, 'Ana', 0]]);
    const hinted = 'sep=,\r\nDNI,Nombres,Apellidos,Sexo,Fecha de ingreso\r\n41234567,"Rojas, Ana",Rojas,F,01/01/2020\r\n';
    expect((await t.api.previewMemberImport(file(csvBase64(hinted)))).rows[0]).toMatchObject({ rowNumber: 2, values: { givenNames: 'Rojas, Ana' } });
  });
});
