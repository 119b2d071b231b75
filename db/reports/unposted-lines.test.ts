import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import { openLedgerDatabase, type LedgerDatabase } from '../storage/open';
import { tempDatabase } from '../testing/temp-db';
import { EXPORT_REPORTS, type ExportReportInput, type ReportExport } from '../../shared/operations/exports';

// "No report ever counts a line of an unposted entry." Inside Khipu the deferred key
// (entry_id, entry_posted) -> journal_entries (id, posted) refuses such a line at commit, but a tool
// that leaves foreign keys off (Debian's sqlite3, Python) can leave a draft entry with lines behind.
// Every report, export and listing must read exactly what it read before that draft was written.

const NOW = new Date('2026-07-15T12:00:00Z');
const FROM = '2026-01-15';
const TO = '2026-06-20';

let cleanup: (() => void) | undefined;
let reopened: LedgerDatabase | undefined;
afterEach(() => {
  reopened?.close();
  reopened = undefined;
  cleanup?.();
});

interface Example {
  api: LedgerApi; associationId: number; accounts: Record<string, number>; memberId: number; partyId: number; contractId: number;
}

function example(db: LedgerDatabase): Example {
  const api = createLedgerApi(db, { actor: 'prueba', now: () => NOW });
  const { id: associationId } = api.openExampleAssociation({});
  const byRole = new Map(api.listAccounts({ associationId }).map((a) => [a.role, a.id]));
  const accounts = Object.fromEntries(
    ['cash', 'bank', 'sales_products', 'receivable_customers', 'receivable_members', 'purchases_supplies', 'transport_expense']
      .map((role) => [role, byRole.get(role)!]),
  );
  const memberId = api.listMembers({ associationId }).members[0]!.id;
  // A buyer of its own (the example's parties have their documents) and a contract, which the example
  // has none of: the draft's lines carry both dimensions.
  const partyId = Number(db.prepare("INSERT INTO parties (association_id, name, kind) VALUES (?, 'Lácteos Andinos SAC', 'buyer')")
    .run(associationId).lastInsertRowid);
  const contractId = Number(db.prepare("INSERT INTO contracts (association_id, party_id, number) VALUES (?, ?, 'C-001')")
    .run(associationId, partyId).lastInsertRowid);
  return { api, associationId, accounts, memberId, partyId, contractId };
}

/** Every XLSX cell value, row by row (the file's own creation time left out). */
async function xlsxCells(file: ReportExport): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(file.contentBase64, 'base64')).buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push(row.values as unknown[]));
  return rows;
}

/** Every report, export and listing over the example's books, with boundary months mid-month. */
async function everyFigure(api: LedgerApi, x: Example): Promise<Record<string, unknown>> {
  const { associationId, memberId } = x;
  const ledgerAccount = api.listAccounts({ associationId }).find((a) => a.code === '7')!.id;
  const params: Record<(typeof EXPORT_REPORTS)[number], Record<string, unknown>> = {
    balanceSheet: { associationId, date: TO },
    incomeStatement: { associationId, from: FROM, to: TO },
    cashBook: { associationId, from: FROM, to: TO },
    generalLedger: { associationId, accountId: ledgerAccount, from: FROM, to: TO },
    trialBalance: { associationId, from: FROM, to: TO },
    contributionsByMember: { associationId, from: FROM, to: TO },
    membersBySex: { associationId, asOf: TO },
    odelSummary: { from: FROM, to: TO },
    purchasesBook: { associationId, from: FROM, to: TO, groupBy: 'product' },
    salesBook: { associationId, from: FROM, to: TO, groupBy: 'party' },
    agingReport: { associationId, side: 'payable', asOf: TO },
  };
  const figures: Record<string, unknown> = {
    balanceSheet: api.balanceSheet({ associationId, date: TO, comparative: true }),
    incomeStatement: api.incomeStatement({ associationId, from: FROM, to: TO }),
    cashBook: api.cashBook({ associationId, from: FROM, to: TO }),
    generalLedger: api.generalLedger({ associationId, accountId: ledgerAccount, from: FROM, to: TO }),
    generalLedgerCash: api.generalLedger({ associationId, accountId: x.accounts.cash!, from: FROM, to: TO }),
    trialBalance: api.trialBalance({ associationId, from: FROM, to: TO }),
    trialBalanceAllTime: api.trialBalance({ associationId, to: TO }),
    accountBalances: api.accountBalances({ associationId, date: TO }),
    accountActivity: api.accountActivity({ associationId, from: FROM, to: TO }),
    dashboard: api.dashboard({ associationId, today: TO }),
    odelSummary: api.odelSummary({ from: FROM, to: TO }),
    odelSummaryAsOf: api.odelSummary({ from: FROM, to: TO, asOf: '2026-03-15' }),
    associationSheet: api.associationSheet({ associationId, from: FROM, to: TO }),
    hledger: api.exportHledgerJournal({ associationId, from: FROM, to: TO }),
    hledgerAll: api.exportHledgerJournal({ associationId }),
    journal: api.listJournal({ associationId, limit: 1000 }),
    journalOfMember: api.listJournal({ associationId, memberId, limit: 1000 }),
    journalOfCash: api.listJournal({ associationId, accountId: x.accounts.cash!, limit: 1000 }),
    memberStatement: api.memberStatement({ associationId, memberId, from: FROM, to: TO }),
    memberPositions: api.memberPositions({ associationId, asOf: TO }),
  };
  for (const report of EXPORT_REPORTS) {
    const input = (format: 'csv' | 'xlsx') => ({ associationId, report, params: params[report], format }) as ExportReportInput;
    const csv = await api.exportReport(input('csv'));
    figures[`${report}.csv`] = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    figures[`${report}.xlsx`] = await xlsxCells(await api.exportReport(input('xlsx')));
  }
  return figures;
}

/** A draft entry and its lines, one per date: boundary months of the periods, a whole month, the prior year. */
function draftStatements(x: Example): string[] {
  const { associationId, accounts: a, memberId, partyId, contractId } = x;
  const dates = ['2026-01-10', '2026-01-20', '2026-03-15', '2026-06-05', '2026-06-20', '2025-06-18', '2025-07-20'];
  return dates.flatMap((date) => {
    const year = Number(date.slice(0, 4));
    const entry = `(SELECT id FROM journal_entries WHERE association_id = ${associationId} AND date = '${date}' AND posted = 0)`;
    const line = (no: number, account: number, amount: number, dims = 'NULL, NULL, NULL') =>
      `INSERT INTO journal_lines (entry_id, line_no, account_id, date, amount, member_id, party_id, contract_id)
       VALUES (${entry}, ${no}, ${account}, '${date}', ${amount}, ${dims});`;
    return [
      `INSERT INTO journal_entries (association_id, fiscal_year, number, date, description, posted, created_at, created_by)
       SELECT ${associationId}, ${year}, COALESCE(MAX(number), 0) + 1, '${date}', 'Venta no registrada', 0, '${date}T10:00:00Z', 'sqlite3'
         FROM journal_entries WHERE association_id = ${associationId} AND fiscal_year = ${year};`,
      line(1, a.cash!, 123_456),
      line(2, a.sales_products!, -100_000, `NULL, ${partyId}, ${contractId}`),
      line(3, a.receivable_members!, 7_001, `${memberId}, NULL, NULL`),
      line(4, a.receivable_customers!, -7_001, `NULL, ${partyId}, NULL`),
      line(5, a.bank!, 50_050),
      line(6, a.transport_expense!, 1_111),
      line(7, a.purchases_supplies!, -74_617),
    ];
  });
}

const writers: Record<string, (path: string, statements: string[]) => void> = {
  'better-sqlite3 with foreign keys off': (path, statements) => {
    const raw = new Database(path);
    try {
      raw.pragma('foreign_keys = OFF');
      raw.exec(statements.join('\n'));
    } finally { raw.close(); }
  },
  "Debian's sqlite3 CLI": (path, statements) => {
    execFileSync('/usr/bin/sqlite3', [path], { input: `PRAGMA foreign_keys = OFF;\n${statements.join('\n')}\n` });
  },
};

describe('a draft entry left in the file by another tool', () => {
  it.each(Object.keys(writers))('changes no report, export or listing (%s)', async (writer) => {
    const env = tempDatabase();
    cleanup = env.cleanup;
    const x = example(env.db);
    const before = await everyFigure(x.api, x);
    env.db.close();

    writers[writer]!(env.path, draftStatements(x));
    const check = new Database(env.path, { readonly: true });
    const drafts = check.prepare(
      'SELECT COUNT(DISTINCT e.id) AS entries, COUNT(*) AS lines FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id WHERE e.posted = 0',
    ).get() as { entries: number; lines: number };
    check.close();
    expect(drafts).toEqual({ entries: 7, lines: 49 }); // the tool really left them there

    reopened = openLedgerDatabase(env.path);
    const api = createLedgerApi(reopened, { actor: 'prueba', now: () => NOW });
    const after = await everyFigure(api, { ...x, api });
    const changed = Object.keys(before).filter((name) => !isDeepStrictEqual(after[name], before[name]));
    expect(changed).toEqual([]);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const journal = after.journal as { entries: { description: string }[] };
    expect(journal.entries.some((e) => e.description === 'Venta no registrada')).toBe(false);
  });
});
