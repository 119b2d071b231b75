import { KhipuError } from '../../shared/errors';
import { errorMessage, type Locale } from '../../shared/i18n';
import { displayDate, isIsoDate } from '../../shared/dates';
import { foldText } from '../../shared/text';
import { assertDni } from '../../shared/peru/dni';
import type {
  ImportField, ImportRowError, MemberImportPreview, MemberImportResult, MemberImportRow, Sex,
} from '../../shared/operations/members';
import { appendAudit, type WriteContext } from '../audit/log';
import type { LedgerDatabase } from '../storage/open';
import { writeTransaction } from '../storage/write';
import { decodeText, parseCsv } from './csv';
import { excelSerialToIso, isZip, readWorksheets, type Cell } from './xlsx';
import { insertMember } from './register';
import {
  assertAssociation, checkBirthDate, cleanPhone, limaToday, optionalClean, requireName, SEX_WORDS,
} from './rules';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

type Column = ImportField | 'surname1' | 'surname2';

/** Spanish headers as offices write them, folded (no case, accents, punctuation). */
const HEADERS: Record<string, Column> = {
  dni: 'dni', 'n dni': 'dni', 'no dni': 'dni', 'nro dni': 'dni', 'n de dni': 'dni', 'numero de dni': 'dni',
  'dni n': 'dni', documento: 'dni', 'documento de identidad': 'dni',
  nombres: 'givenNames', nombre: 'givenNames',
  apellidos: 'surnames', apellido: 'surnames',
  'apellido paterno': 'surname1', 'ap paterno': 'surname1', 'primer apellido': 'surname1',
  'apellido materno': 'surname2', 'ap materno': 'surname2', 'segundo apellido': 'surname2',
  sexo: 'sex', genero: 'sex',
  'fecha de nacimiento': 'birthDate', 'fecha nacimiento': 'birthDate', 'f nacimiento': 'birthDate',
  'fec nac': 'birthDate', nacimiento: 'birthDate',
  comunidad: 'community', anexo: 'community', 'comunidad o anexo': 'community', 'comunidad anexo': 'community',
  caserio: 'community', sector: 'community',
  telefono: 'phone', celular: 'phone', 'telefono celular': 'phone', 'telefono o celular': 'phone',
  'n celular': 'phone', 'nro celular': 'phone', 'n telefono': 'phone', movil: 'phone',
  'fecha de ingreso': 'joinedOn', 'fecha ingreso': 'joinedOn', 'f ingreso': 'joinedOn', ingreso: 'joinedOn',
  'fecha de afiliacion': 'joinedOn',
  'fecha de retiro': 'leftOn', 'fecha retiro': 'leftOn', retiro: 'leftOn', 'fecha de salida': 'leftOn',
};

/** Column names the user knows, for "missing column" messages. */
const REQUIRED: [ImportField, string][] = [
  ['dni', 'DNI'], ['givenNames', 'Nombres'], ['surnames', 'Apellidos'], ['sex', 'Sexo'], ['joinedOn', 'Fecha de ingreso'],
];

const headerKey = (header: string) => foldText(header).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();

interface Table {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: { rowNumber: number; cells: Cell[] }[];
}

const isBlank = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** Printed padrones often carry a title ("PADRÓN DE SOCIOS 2025") above the headers: the header row is
 * the first of the top rows where at least two cells are column names Khipu knows. */
function headerRowIndex(grid: Cell[][]): number {
  const known = (row: Cell[]) => row.filter((cell) => typeof cell === 'string' && HEADERS[headerKey(cell)] !== undefined).length;
  return grid.slice(0, 15).findIndex((row) => known(row) >= 2);
}

/** The file's bytes, refused early when too big or in the old .xls format; parsed before any SQLite work. */
async function readTable(contentBase64: string): Promise<Table> {
  // Refuse by the text's length first, so a huge upload is never decoded (base64 is 4 characters per 3 bytes).
  const bytes = contentBase64.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 8 ? undefined : Buffer.from(contentBase64, 'base64');
  if (bytes === undefined || bytes.length > MAX_IMPORT_BYTES) {
    throw new KhipuError('member.importTooLarge', { field: 'contentBase64', params: { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 } });
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new KhipuError('member.importOldExcel', { field: 'contentBase64' });
  }
  const format = isZip(bytes) ? 'xlsx' : 'csv';
  const grids: Cell[][][] = format === 'xlsx' ? await readWorksheets(bytes) : [csvGrid(decodeText(bytes))];
  // A workbook may open on instructions or a cover: the padrón is the first worksheet with column names
  // Khipu knows; when none has them, the first one with anything in it (its "missing columns" are then shown).
  const filled = (grid: Cell[][]) => grid.some((row) => row.some((cell) => !isBlank(cell)));
  const titled = grids.find((grid) => headerRowIndex(grid) >= 0);
  const grid = titled ?? grids.find(filled);
  if (grid === undefined) throw new KhipuError('member.importEmpty', { field: 'contentBase64' });
  const headerIndex = titled ? headerRowIndex(grid) : grid.findIndex((row) => row.some((cell) => !isBlank(cell)));
  const header = (grid[headerIndex] ?? []).map((cell) => (cell === null ? '' : typeof cell === 'object' ? cell.date : String(cell).trim()));
  const rows = grid.slice(headerIndex + 1)
    .map((cells, i) => ({ rowNumber: headerIndex + i + 2, cells }))
    .filter((row) => row.cells.some((cell) => !isBlank(cell)));
  if (rows.length === 0) throw new KhipuError('member.importEmpty', { field: 'contentBase64' });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new KhipuError('member.importTooManyRows', { field: 'contentBase64', params: { max: MAX_IMPORT_ROWS, count: rows.length } });
  }
  return { format, header, rows };
}

/** Excel's "sep=;" first line names the delimiter and is not shown as a row, so row numbers start after it. */
function csvGrid(text: string): Cell[][] {
  const hint = /^sep=(.)\r?\n/i.exec(text);
  return hint ? parseCsv(text.slice(hint[0].length), hint[1]) : parseCsv(text);
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell.date;
  return String(cell).trim();
}

/** dd/mm/aaaa (also d-m-aaaa, d.m.aaaa), aaaa-mm-dd, or a real date cell; `undefined` when it cannot be read. */
function readDate(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'object') return cell.date;
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 && cell < 2_958_466 ? excelSerialToIso(cell) : undefined;
  const text = cell.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  const peruvian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = peruvian ? `${peruvian[3]}-${peruvian[2]!.padStart(2, '0')}-${peruvian[1]!.padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : undefined;
}

interface CheckedRow extends MemberImportRow {
  member?: { dni: string; givenNames: string; surnames: string; sex: Sex; birthDate: string | null;
    community: string | null; phone: string | null; joinedOn: string; leftOn: string | null };
}

function checkRows(db: LedgerDatabase, associationId: number, table: Table, today: string, locale: Locale): {
  preview: MemberImportPreview; checked: CheckedRow[];
} {
  const columns: MemberImportPreview['columns'] = [];
  const ignoredColumns: string[] = [];
  const indexes = new Map<Column, number[]>();
  const headerText = new Map<Column, string>();
  table.header.forEach((header, index) => {
    const field = HEADERS[headerKey(header)];
    if (!field) {
      if (header !== '') ignoredColumns.push(header);
      return;
    }
    columns.push({ header, field });
    indexes.set(field, [...(indexes.get(field) ?? []), index]);
    if (!headerText.has(field)) headerText.set(field, header);
  });
  const missing = REQUIRED.filter(([field]) => !indexes.has(field) && !(field === 'surnames' && indexes.has('surname1')))
    .map(([, label]) => label);
  if (missing.length > 0) {
    throw new KhipuError('member.importMissingColumns', {
      field: 'contentBase64', params: { columns: missing.join(', '), count: missing.length },
    });
  }
  const existing = new Map(
    (db.prepare('SELECT dni, full_name AS name FROM members WHERE association_id = ? AND dni IS NOT NULL').all(associationId) as
      { dni: string; name: string }[]).map((m) => [m.dni, m.name]),
  );
  const seen = new Map<string, number>();
  const checked = table.rows.map(({ rowNumber, cells }): CheckedRow => {
    const get = (field: Column): Cell | undefined => {
      for (const index of indexes.get(field) ?? []) if (!isBlank(cells[index])) return cells[index];
      return undefined;
    };
    const errors: ImportRowError[] = [];
    const refuse = (field: ImportField, code: string, params: Record<string, string | number> = {}) =>
      errors.push({ field, code, message: errorMessage(code, params, locale) });
    const attempt = <T>(field: ImportField, fn: () => T): T | undefined => {
      try {
        return fn();
      } catch (error) {
        if (!(error instanceof KhipuError)) throw error;
        refuse(field, error.code, error.params);
        return undefined;
      }
    };
    const dniText = cellText(get('dni'));
    const dni = attempt('dni', () => assertDni(dniText));
    if (dni !== undefined) {
      const other = existing.get(dni);
      const earlier = seen.get(dni);
      if (other !== undefined) refuse('dni', 'member.dniTaken', { dni, name: other });
      else if (earlier !== undefined) refuse('dni', 'member.importDuplicateDni', { dni, row: earlier });
      else seen.set(dni, rowNumber);
    }
    const givenNames = attempt('givenNames', () => requireName(cellText(get('givenNames')), 'givenNames'));
    const surnameText = indexes.has('surnames')
      ? cellText(get('surnames'))
      : `${cellText(get('surname1'))} ${cellText(get('surname2'))}`;
    const surnames = attempt('surnames', () => requireName(surnameText, 'surnames'));
    const sexText = cellText(get('sex'));
    const sex = SEX_WORDS[foldText(sexText)];
    if (!sex) refuse('sex', sexText === '' ? 'member.sexRequired' : 'member.sexInvalid', { value: sexText });
    const date = (field: 'birthDate' | 'joinedOn' | 'leftOn'): { text: string; iso: string | null; ok: boolean } => {
      const cell = get(field);
      const text = cellText(cell);
      if (text === '') return { text, iso: null, ok: true };
      const iso = readDate(cell);
      if (iso === undefined) {
        refuse(field, 'member.dateInvalid', { column: headerText.get(field) ?? field, value: text });
        return { text, iso: null, ok: false };
      }
      return { text: iso, iso, ok: true };
    };
    const joined = date('joinedOn');
    if (joined.ok && joined.iso === null) refuse('joinedOn', 'member.joinedOnRequired');
    const birth = date('birthDate');
    if (birth.iso !== null) attempt('birthDate', () => checkBirthDate(birth.iso, joined.iso, today));
    const left = date('leftOn');
    if (left.iso !== null && joined.iso !== null && left.iso < joined.iso) {
      refuse('leftOn', 'member.leaveBeforeJoin', { leftOn: displayDate(left.iso), joinedOn: displayDate(joined.iso) });
    }
    const phone = attempt('phone', () => cleanPhone(cellText(get('phone'))));
    const community = attempt('community', () => optionalClean(cellText(get('community')), 'community')) ?? null;
    const values: Record<ImportField, string | null> = {
      dni: dniText || null,
      givenNames: givenNames ?? (optionalClean(cellText(get('givenNames')))),
      surnames: surnames ?? optionalClean(surnameText),
      sex: sex ?? (sexText || null),
      birthDate: birth.text || null,
      community: community ?? optionalClean(cellText(get('community'))),
      phone: phone ?? (cellText(get('phone')) || null),
      joinedOn: joined.text || null,
      leftOn: left.text || null,
    };
    const row: CheckedRow = { rowNumber, values, errors };
    if (errors.length === 0) {
      row.member = {
        dni: dni!, givenNames: givenNames!, surnames: surnames!, sex: sex!, birthDate: birth.iso, community,
        phone: phone ?? null, joinedOn: joined.iso!, leftOn: left.iso,
      };
    }
    return row;
  });
  const errorRows = checked.filter((r) => r.errors.length > 0).length;
  const preview: MemberImportPreview = {
    format: table.format,
    columns,
    ignoredColumns,
    rows: checked.map(({ rowNumber, values, errors }) => ({ rowNumber, values, errors })),
    validRows: checked.length - errorRows,
    errorRows,
  };
  return { preview, checked };
}

export interface ImportInput {
  associationId: number;
  fileName: string;
  contentBase64: string;
  locale?: Locale | undefined;
}

/**
 * What importMembers would do, row by row, in the user's language; writes nothing.
 * The file is parsed first (asynchronously, for XLSX); the rows are then checked against the padrón in one go.
 */
export async function previewMemberImport(db: LedgerDatabase, context: WriteContext, input: ImportInput): Promise<MemberImportPreview> {
  assertAssociation(db, input.associationId);
  const table = await readTable(input.contentBase64);
  return checkRows(db, input.associationId, table, limaToday(context.now()), input.locale ?? 'es').preview;
}

/**
 * Every row or none. The file is parsed before the write transaction (ExcelJS is asynchronous, and
 * nothing may be awaited inside a better-sqlite3 transaction); it is checked again, and written,
 * synchronously inside one immediate transaction.
 */
export async function importMembers(db: LedgerDatabase, context: WriteContext, input: ImportInput): Promise<MemberImportResult> {
  const table = await readTable(input.contentBase64);
  return writeTransaction(db, () => {
    assertAssociation(db, input.associationId);
    const { checked, preview } = checkRows(db, input.associationId, table, limaToday(context.now()), input.locale ?? 'es');
    const firstError = checked.find((r) => r.errors.length > 0);
    if (firstError) {
      throw new KhipuError('member.importHasErrors', {
        field: 'contentBase64', params: { count: preview.errorRows, row: firstError.rowNumber },
      });
    }
    const memberIds = checked.map((row) => insertMember(db, context, { associationId: input.associationId, ...row.member! }).id);
    appendAudit(db, context, 'importMembers', input.associationId, {
      fileName: input.fileName, format: table.format, count: memberIds.length, memberIds,
    });
    return { imported: memberIds.length, memberIds };
  });
}
