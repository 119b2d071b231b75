import { KhipuError } from '../../shared/errors';
import type { Locale } from '../../shared/i18n';
import type { ExportReportInput, ReportExport } from '../../shared/operations/exports';
import { findUbigeo } from '../../shared/peru/ubigeo';
import { getAssociation } from '../associations/service';
import { slug } from '../members/export';
import { limaToday } from '../members/rules';
import { cashBook, generalLedger } from '../reports/books';
import { trialBalance } from '../reports/balances';
import { contributionsByMember, membersBySex } from '../reports/members';
import { balanceSheet, incomeStatement } from '../reports/statements';
import { odelSummary } from '../odel/summary';
import type { LedgerDatabase } from '../storage/open';
import { agingReport } from '../trade/aging';
import { purchasesBook, salesBook } from '../trade/books';
import { documentToCsv, documentToXlsx, type ExportDocument } from './document';
import { EXPORT_LABELS, fill } from './labels';
import {
  accountBookDocument, balanceSheetDocument, contributionsDocument, incomeStatementDocument, membersBySexDocument,
  odelSummaryDocument, trialBalanceDocument, type LayoutContext,
} from './layouts';
import { agingDocument, tradeBookDocument } from './trade-layouts';

// exportReport: the report computed by the very engine functions its own operation
// calls, read in one SQLite read transaction (header and figures see the same data),
// then laid out and written (ExcelJS is asynchronous) outside any transaction.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';

type AssociationReport = Exclude<ExportReportInput, { report: 'odelSummary' }>;

/** `params.associationId`, or the export's own `associationId`; both given, they must be the same association. */
function associationOf(input: AssociationReport): number {
  const own = input.params.associationId;
  const outer = input.associationId;
  if (own !== undefined && outer !== undefined && own !== outer) {
    throw new KhipuError('export.associationMismatch', { field: 'params.associationId', params: { params: own, export: outer } });
  }
  const associationId = own ?? outer;
  if (associationId === undefined) {
    throw new KhipuError('input.required', { field: 'params.associationId', params: { field: 'params.associationId' } });
  }
  return associationId;
}

interface Prepared { doc: ExportDocument; base: string }

function prepare(db: LedgerDatabase, input: ExportReportInput, ctx: LayoutContext): Prepared {
  const stem = ctx.labels.file[input.report];
  if (input.report === 'odelSummary') {
    const summary = odelSummary(db, input.params);
    const place = summary.ubigeo === null ? undefined : findUbigeo(summary.ubigeo);
    const scope = place === undefined ? null : fill(ctx.labels.odelScopeDistrict, {
      district: place.district, province: place.province, department: place.department, ubigeo: summary.ubigeo ?? '',
    });
    return { doc: odelSummaryDocument(ctx, summary, scope), base: `${stem}-${summary.ubigeo ?? 'todas'}-${summary.to}` };
  }
  const associationId = associationOf(input);
  const association = getAssociation(db, associationId); // association.notFound before any figure
  const named = (date: string) => `${stem}-${slug(association.name)}-${date}`;
  switch (input.report) {
    case 'balanceSheet': {
      const sheet = balanceSheet(db, { ...input.params, associationId });
      return { doc: balanceSheetDocument(ctx, association, sheet), base: named(sheet.date) };
    }
    case 'incomeStatement': {
      const statement = incomeStatement(db, { ...input.params, associationId });
      return { doc: incomeStatementDocument(ctx, association, statement), base: named(statement.to) };
    }
    case 'cashBook': {
      const book = cashBook(db, { ...input.params, associationId });
      return { doc: accountBookDocument(ctx, 'cashBook', association, book), base: named(book.to) };
    }
    case 'generalLedger': {
      const book = generalLedger(db, { ...input.params, associationId });
      return { doc: accountBookDocument(ctx, 'generalLedger', association, book), base: named(book.to) };
    }
    case 'trialBalance': {
      const period = { from: input.params.from ?? null, to: input.params.to };
      const balance = trialBalance(db, { ...period, associationId });
      return { doc: trialBalanceDocument(ctx, association, balance, period), base: named(period.to) };
    }
    case 'contributionsByMember': {
      const report = contributionsByMember(db, { ...input.params, associationId });
      return { doc: contributionsDocument(ctx, association, report), base: named(report.to) };
    }
    case 'membersBySex': {
      const report = membersBySex(db, { ...input.params, associationId });
      return { doc: membersBySexDocument(ctx, association, report), base: named(report.asOf) };
    }
    case 'purchasesBook': {
      const book = purchasesBook(db, { ...input.params, associationId });
      return { doc: tradeBookDocument(ctx, association, book), base: named(book.to) };
    }
    case 'salesBook': {
      const book = salesBook(db, { ...input.params, associationId });
      return { doc: tradeBookDocument(ctx, association, book), base: named(book.to) };
    }
    case 'agingReport': {
      // The day of the figures is the export's own day (Lima) when the params leave it out, as on screen.
      const report = agingReport(db, { ...input.params, associationId, asOf: input.params.asOf ?? ctx.printedOn });
      return { doc: agingDocument(ctx, association, report), base: named(report.asOf) };
    }
  }
}

/** The report's own refusals name its input's fields (`from`); here they live under `params` (`params.from`). */
function withParamsField<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof KhipuError && error.field !== undefined && !error.field.startsWith('params.')) {
      const field = `params.${error.field}`;
      const params = 'field' in error.params ? { ...error.params, field } : error.params;
      throw new KhipuError(error.code, { field, params });
    }
    throw error;
  }
}

export async function exportReport(db: LedgerDatabase, now: Date, input: ExportReportInput): Promise<ReportExport> {
  const locale: Locale = input.locale ?? 'es';
  const ctx: LayoutContext = { labels: EXPORT_LABELS[locale], printedOn: limaToday(now) };
  const { doc, base } = db.transaction(() => withParamsField(() => prepare(db, input, ctx))).deferred();
  if (input.format === 'csv') {
    return { fileName: `${base}.csv`, mimeType: CSV_MIME, contentBase64: Buffer.from(documentToCsv(doc)).toString('base64') };
  }
  const bytes = await documentToXlsx(doc, now);
  return { fileName: `${base}.xlsx`, mimeType: XLSX_MIME, contentBase64: bytes.toString('base64') };
}
