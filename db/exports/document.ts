import ExcelJS from 'exceljs';
import { displayDate } from '../../shared/dates';
import { assertCentimos, formatAmount } from '../../shared/money';
import { writeCsv } from '../members/csv';

// A report laid out for a file: a header block, one row of column titles, the
// table (headings, detail rows, totals). One model, two writers (XLSX, CSV),
// so both files always carry the same rows in the same order.

export type ExportCell =
  | { kind: 'text'; text: string }
  | { kind: 'money'; centimos: number }
  | { kind: 'count'; value: number }
  /** A share in basis points (1 % = 100). */
  | { kind: 'percent'; basisPoints: number }
  /** A quantity in thousandths of its unit (1 kg = 1000). */
  | { kind: 'quantity'; thousandths: number }
  /** yyyy-mm-dd */
  | { kind: 'date'; iso: string }
  | null;

export const text = (value: string | null | undefined): ExportCell => (value ? { kind: 'text', text: value } : null);
export const money = (centimos: number): ExportCell => ({ kind: 'money', centimos });
export const count = (value: number): ExportCell => ({ kind: 'count', value });
export const percent = (basisPoints: number): ExportCell => ({ kind: 'percent', basisPoints });
export const date = (iso: string): ExportCell => ({ kind: 'date', iso });
export const quantity = (thousandths: number | null): ExportCell => (thousandths === null ? null : { kind: 'quantity', thousandths });

/** heading: a section title (bold); total: a subtotal or total (bold, line above). */
export interface ExportRow { cells: ExportCell[]; style?: 'heading' | 'total' }

export interface ExportColumn { title: string; width: number }

export interface ExportDocument {
  sheetName: string;
  /** Header block lines, in order: association, RUC, place, title, period, printing date… The first is emphasised. */
  header: string[];
  /** Index in `header` of the report's title (bold). */
  titleLine: number;
  columns: ExportColumn[];
  rows: ExportRow[];
}

// ------------------------------------------------------------------- CSV

/**
 * Exact text from the integer: 123456 → "1234.56", -5 → "-0.05". No float on the way
 * (formatAmount groups the BigInt digits by hand; the grouping commas are dropped).
 */
export function csvAmount(centimos: number): string {
  assertCentimos(centimos);
  return formatAmount(centimos).replaceAll(',', '');
}

/** Basis points as a percentage with two decimals, from the integer: 4444 → "44.44". */
export function csvPercent(basisPoints: number): string {
  return csvAmount(basisPoints);
}

/** Thousandths as exact text with three decimals: 1234500 → "1234.500", -5 → "-0.005". */
export function csvQuantity(thousandths: number): string {
  assertCentimos(thousandths); // a safe integer, like an amount
  const digits = String(Math.abs(thousandths)).padStart(4, '0');
  return `${thousandths < 0 ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
}

function csvCell(cell: ExportCell): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text': return cell.text;
    case 'money': return csvAmount(cell.centimos);
    case 'count': return String(cell.value);
    case 'percent': return csvPercent(cell.basisPoints);
    case 'quantity': return csvQuantity(cell.thousandths);
    case 'date': return displayDate(cell.iso);
  }
}

/** UTF-8 with BOM, ';' separated (Excel in Peru): the header block, a blank line, the column titles, the rows. */
export function documentToCsv(doc: ExportDocument): Uint8Array {
  const rows: string[][] = [
    ...doc.header.map((line) => [line]),
    [],
    doc.columns.map((c) => c.title),
    // Every row as wide as the table (a blank separator row stays empty), so columns line up in any reader.
    ...doc.rows.map((row) => (row.cells.length === 0 ? [] : doc.columns.map((_, c) => csvCell(row.cells[c] ?? null)))),
  ];
  return writeCsv(rows);
}

// ------------------------------------------------------------------ XLSX

const MONEY_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0.00%';
const QUANTITY_FORMAT = '#,##0.000';
const DATE_FORMAT = 'dd/mm/yyyy';

/** yyyy-mm-dd as the Date ExcelJS writes as that day's serial number: UTC midnight, no time zone. */
function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * THE one place a float appears: a spreadsheet number is a binary double, so the cell holds
 * céntimos / 100 — the double nearest the exact amount (IEEE division is correctly rounded), the same
 * value Excel stores when someone types 1234.56. It is for display and spreadsheet sums only;
 * Math.round(value * 100) gives the céntimos back, and the CSV carries the exact text.
 */
export function xlsxSoles(centimos: number): number {
  assertCentimos(centimos);
  return centimos / 100;
}

function writeCell(cell: ExcelJS.Cell, value: Exclude<ExportCell, null>): void {
  switch (value.kind) {
    case 'text':
      cell.value = value.text;
      return;
    case 'money':
      cell.value = xlsxSoles(value.centimos);
      cell.numFmt = MONEY_FORMAT;
      return;
    case 'count':
      cell.value = value.value;
      return;
    case 'percent':
      cell.value = value.basisPoints / 10_000; // display only, like the amounts
      cell.numFmt = PERCENT_FORMAT;
      return;
    case 'quantity':
      cell.value = value.thousandths / 1000; // display only, like the amounts; the CSV carries the exact text
      cell.numFmt = QUANTITY_FORMAT;
      return;
    case 'date':
      cell.value = isoToDate(value.iso);
      cell.numFmt = DATE_FORMAT;
      return;
  }
}

/** One worksheet: the header block on top, the column titles bold and frozen, amounts #,##0.00, dates dd/mm/yyyy. */
export async function documentToXlsx(doc: ExportDocument, created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Khipu';
  workbook.created = created;
  workbook.modified = created;
  const titleRow = doc.header.length + 2; // header block, one blank row, then the column titles
  const sheet = workbook.addWorksheet(doc.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: titleRow, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: doc.columns.length > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  doc.columns.forEach((column, i) => { sheet.getColumn(i + 1).width = column.width; });
  doc.header.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: 13 };
    else if (i === doc.titleLine) cell.font = { bold: true, size: 12 };
  });
  doc.columns.forEach((column, i) => {
    const cell = sheet.getCell(titleRow, i + 1);
    cell.value = column.title;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.border = { bottom: { style: 'thin' } };
  });
  doc.rows.forEach((row, r) => {
    row.cells.forEach((value, c) => {
      const cell = sheet.getCell(titleRow + 1 + r, c + 1);
      if (value !== null) writeCell(cell, value);
      if (row.style !== undefined) cell.font = { bold: true };
      if (row.style === 'total') cell.border = { top: { style: 'thin' } };
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
