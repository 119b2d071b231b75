import { z } from 'zod';
import { ledgerOperations } from './ledger';
import { odelOperations } from './odel';
import { reportsOperations } from './reports';
import { id } from './schemas';
import { tradeOperations } from './trade';

// Any report as a spreadsheet (XLSX) or as text (CSV), laid out as on screen:
// a header block (association, RUC, district, title, period, printing date),
// the table with the screen's columns, and its totals. The figures come from
// the same engine functions as the report operations; only the layout is new.

export const EXPORT_REPORTS = [
  'balanceSheet', 'incomeStatement', 'cashBook', 'generalLedger', 'trialBalance', 'contributionsByMember',
  'membersBySex', 'odelSummary', 'purchasesBook', 'salesBook', 'agingReport',
] as const;
export type ExportReportName = (typeof EXPORT_REPORTS)[number];

const format = z.enum(['xlsx', 'csv']);
/** Language of the titles and column headings (errors follow the transport's locale). Spanish when left out. */
const locale = z.enum(['es', 'en']).optional();

/**
 * A report's own input schema, validated as its operation validates it. `params.associationId` may be
 * left out when the export's `associationId` says which association (giving both, they must agree).
 */
const optionalAssociation = { associationId: true } as const;

const variant = <R extends ExportReportName, P extends z.ZodType>(report: R, params: P) =>
  z.object({ associationId: id.optional(), report: z.literal(report), params, format, locale });

export const exportReportInput = z.discriminatedUnion('report', [
  variant('balanceSheet', reportsOperations.balanceSheet.input.partial(optionalAssociation)),
  variant('incomeStatement', reportsOperations.incomeStatement.input.partial(optionalAssociation)),
  variant('cashBook', reportsOperations.cashBook.input.partial(optionalAssociation)),
  variant('generalLedger', reportsOperations.generalLedger.input.partial(optionalAssociation)),
  variant('trialBalance', ledgerOperations.trialBalance.input.partial(optionalAssociation)),
  variant('contributionsByMember', reportsOperations.contributionsByMember.input.partial(optionalAssociation)),
  variant('membersBySex', reportsOperations.membersBySex.input.partial(optionalAssociation)),
  variant('purchasesBook', tradeOperations.purchasesBook.input.partial(optionalAssociation)),
  variant('salesBook', tradeOperations.salesBook.input.partial(optionalAssociation)),
  variant('agingReport', tradeOperations.agingReport.input.partial(optionalAssociation)),
  // Several associations: the header names the district (or the whole file); the export's associationId is not used.
  variant('odelSummary', odelOperations.odelSummary.input),
  // Every input is one JSON object (GET /api/operations says so for each operation): one object of several shapes.
]).meta({ type: 'object' });

export type ExportReportInput = z.output<typeof exportReportInput>;

export const exportsOperations = {
  /**
   * One report as a file: `{ report: 'balanceSheet', params: { associationId: 1, date: '2026-03-31' }, format: 'xlsx' }`.
   * XLSX amounts are numeric cells in soles (format #,##0.00) and dates real date cells; CSV is UTF-8 with BOM,
   * ';' separated, amounts as exact text (1234.56, from the integer céntimos) and dates dd/mm/yyyy.
   */
  exportReport: { input: exportReportInput },
} as const;

export interface ReportExport {
  /** e.g. balance-general-asociacion-misky-llankaq-2026-03-31.xlsx (the report's date, or the end of its period). */
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export interface ExportsResults {
  exportReport: ReportExport;
}
