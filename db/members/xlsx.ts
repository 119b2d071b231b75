import ExcelJS from 'exceljs';
import { KhipuError } from '../../shared/errors';

// The padrón's .xlsx files through ExcelJS, reduced to what the import and export use:
// cells as text, numbers or days in; sheets of text, numbers and dates out.
// ExcelJS reads and writes with promises: callers parse or build a workbook before or after
// their SQLite work, never inside a transaction.

export type Cell = string | number | { date: string } | null;

const DAY_MS = 86_400_000;
/** Excel's day number of 1970-01-01 (1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;
/** 31/12/9999, the last day Excel shows. */
const LAST_SERIAL = 2_958_465;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function badFile(): KhipuError {
  return new KhipuError('member.importUnreadable', { field: 'contentBase64' });
}

/** Excel's day number (1900 system) as yyyy-mm-dd; 60 is the phantom 29/02/1900. */
export function excelSerialToIso(serial: number): string {
  const days = Math.floor(serial);
  const epoch = Date.UTC(1899, 11, days < 60 ? 31 : 30);
  return new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * ExcelJS turns a date cell into the Date at UTC midnight of the day Excel shows (plus the time
 * of day, if any). Back to Excel's day number and from there to the day: never through the local
 * time zone, and 1900's phantom leap day handled as Excel does. Days Excel cannot show stay numbers,
 * which the import then refuses as dates.
 */
function dateCell(date: Date): Cell {
  const serial = date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
  if (!Number.isFinite(serial)) return null;
  return serial >= 1 && serial < LAST_SERIAL + 1 ? { date: excelSerialToIso(serial) } : serial;
}

/** A cell's value as the user sees it: rich text and hyperlinks as their text, formulas as their last result. */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateCell(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  // A hyperlink's text is rich text when the cell's string was.
  if ('hyperlink' in value) return toCell(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return toCell(value.result ?? null);
  if ('error' in value) return value.error;
  return null;
}

/** Every worksheet, in the workbook's order, as rows of cells indexed by the sheet's own row numbers (row 1 is index 0). */
export async function readWorksheets(bytes: Uint8Array): Promise<Cell[][][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy in its own ArrayBuffer: what ExcelJS's types ask for (its `Buffer` is an ArrayBuffer), and JSZip reads.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw badFile();
  }
  // A ZIP that is not a workbook (a .docx, a folder of photos) loads with no worksheet.
  if (workbook.worksheets.length === 0) throw badFile();
  return workbook.worksheets.map((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // Only the first cell of a merged range holds its value, as Excel stores it.
        cells[column - 1] = cell.master === cell ? toCell(cell.value) : null;
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
    });
    return Array.from(rows, (r) => r ?? []);
  });
}

export interface SheetSpec {
  name: string;
  rows: readonly (readonly Cell[])[];
  /** Width in characters per column. */
  widths?: readonly number[];
  /** Row 1 in bold, and frozen so it stays in view while scrolling. */
  header?: boolean;
}

/** yyyy-mm-dd as the Date ExcelJS writes as that day's number: UTC midnight. */
function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A workbook with text cells (a DNI keeps its leading zero), numbers, and date cells shown dd/mm/yyyy. */
export async function writeWorkbook(sheets: readonly SheetSpec[], created?: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Khipu';
  if (created) {
    workbook.created = created;
    workbook.modified = created;
  }
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31), spec.header ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    spec.widths?.forEach((width, i) => { sheet.getColumn(i + 1).width = width; });
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        const cell = sheet.getCell(r + 1, c + 1);
        if (typeof value === 'object') {
          cell.value = isoToDate(value.date);
          cell.numFmt = 'dd/mm/yyyy';
        } else {
          cell.value = value;
        }
        if (spec.header === true && r === 0) cell.font = { bold: true };
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
