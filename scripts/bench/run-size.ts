import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedgerApi } from '../../db/api';
import { recordMilkContract } from '../../db/demo/contracts';
import { generateDistrict, type DistrictOptions } from '../../db/demo/generator';
import { addDays } from '../../shared/dates';
import { openLedgerDatabase } from '../../db/storage/open';
import { median, round, sample, timed, type Percentiles } from './measure';

// One size of the bench, run in its own process so its peak memory is its own.

export interface SizeSpec { name: string; district: DistrictOptions }

/** About 10k, 100k and 1M journal lines: ~12,000 lines per association and year at 22 members, 2 extra entries a day and the trade documents. */
export const SIZES: readonly SizeSpec[] = [
  { name: '10k', district: { associations: 1, membersPerAssociation: 22, years: 1, entriesPerDay: 2 } },
  // Multi-year files close each finished year (db/closing/): the reports run with closings present.
  { name: '100k', district: { associations: 2, membersPerAssociation: 22, years: 5, entriesPerDay: 2, closeYears: true } },
  { name: '1m', district: { associations: 10, membersPerAssociation: 22, years: 10, entriesPerDay: 2, closeYears: true } },
];

export const REPORTS = [
  'balanceSheet', 'incomeStatement', 'trialBalance', 'cashBook', 'memberStatement', 'odelSummary',
  // The journal screen over every year: the last page (OFFSET), and one member's entries.
  'journalLastPage', 'journalByMember',
  // Trade (issue 12): the busiest supplier's statement for the year, both aging lists, the year's purchases book.
  'partyStatement', 'agingPayable', 'agingReceivable', 'purchasesBook',
  // Configuración → Revisar el archivo over the whole file, the trade rules included.
  'checkIntegrity',
  // Issue 13: one contract's A4 sheet (a half year of deliveries, actas, invoices and collections).
  'contractSheet',
] as const;
export type ReportName = (typeof REPORTS)[number];

export interface HledgerFigures {
  available: boolean;
  version: string | null;
  journalTextLines: number | null;
  exportMs: number | null;
  /** Median wall time of `hledger -f <file> balancesheet`, process start included. */
  balanceSheetMs: number | null;
  khipuBalanceSheetMs: number | null;
  /** hledger's time over Khipu's: how many times faster Khipu is. */
  ratio: number | null;
  note: string;
}

export interface SizeResult {
  size: string;
  measuredAt: string;
  parameters: DistrictOptions;
  generation: { entries: number; lines: number; receipts: number; seconds: number; linesPerSecond: number; firstDate: string; lastDate: string };
  largestAssociation: { id: number; lines: number; periodLines: number; period: { from: string; to: string } };
  /**
   * recordPurchase and recordSale from issue 12 on; recordAcopioDay (a day's sheet of 40 members) and
   * settleAcopioPeriod (a fortnight of 40 members) from issue 13 (absent in sizes measured before).
   */
  writes: {
    recordPayment: Percentiles; postEntry: Percentiles; recordPurchase?: Percentiles; recordSale?: Percentiles;
    recordAcopioDay?: Percentiles; settleAcopioPeriod?: Percentiles;
  };
  /** Median milliseconds per report (a report added later is absent in sizes measured before it). */
  reports: Partial<Record<ReportName, number>>;
  fileBytes: number;
  peakRssMB: number;
  hledger: HledgerFigures | null;
}

const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

export function runSize(spec: SizeSpec, folder: string, withHledger: boolean): SizeResult {
  const path = join(folder, `khipu-${spec.name}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) rmSync(path + suffix);
  const db = openLedgerDatabase(path);
  try {
    const api = createLedgerApi(db, { actor: 'bench' });
    log(`${spec.name}: generating ${JSON.stringify(spec.district)} into ${path}`);
    const generated = timed(() => generateDistrict(api, db, spec.district));
    const counts = generated.result;
    const seconds = generated.ms / 1000;
    log(`${spec.name}: ${counts.lines} lines, ${counts.entries} entries in ${seconds.toFixed(1)} s`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const fileBytes = statSync(path).size;

    // The association with the most lines; its last fiscal year is the period of the reports.
    const largest = db
      .prepare(
        `SELECT e.association_id AS id, COUNT(*) AS lines FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
          GROUP BY e.association_id ORDER BY lines DESC, e.association_id LIMIT 1`,
      )
      .get() as { id: number; lines: number };
    const associationId = largest.id;
    const to = counts.lastDate;
    const from = `${to.slice(0, 4)}-01-01`;
    const monthFrom = `${to.slice(0, 7)}-01`;
    const periodLines = (db
      .prepare(
        `SELECT COUNT(*) AS n FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
          WHERE e.association_id = ? AND e.date >= ? AND e.date <= ?`,
      )
      .get(associationId, from, to) as { n: number }).n;
    const members = api.listMembers({ associationId, asOf: to }).members.map((m) => m.id);
    const cash = api.listAccounts({ associationId }).find((a) => a.role === 'cash')!.id;
    const bank = api.listAccounts({ associationId }).find((a) => a.role === 'bank')!.id;

    // Common writes on the built file, each its own transaction and commit (synchronous=FULL), as in the app.
    log(`${spec.name}: writes`);
    const recordPayment = sample((i) => api.recordPayment({
      associationId, memberId: members[Math.abs(i) % members.length]!, date: to, amount: 1_000,
    }), 200);
    const postEntry = sample(() => api.postEntry({
      associationId, date: to, description: 'Depósito de caja en el banco (bench)',
      lines: [{ accountId: bank, amount: 10_000 }, { accountId: cash, amount: -10_000 }],
    }), 200);
    // A factura on credit from the busiest supplier: 1 kg of cheese into stock, IGV, due in 30 days
    // (its own document number each time: they are unique per supplier). Then 0.5 kg of it sold to the
    // público for cash with Khipu's next nota de venta: stock out at average cost, COGS in the same entry.
    const supplier = busiestParty(db, associationId, 'purchases');
    const cheese = api.listProducts({ associationId, search: 'Queso fresco' })[0]!.id;
    const recordPurchase = sample((i) => api.recordPurchase({
      associationId, date: to, partyId: supplier, documentKind: 'factura', documentNumber: `FB01-${i < 0 ? `W${-i}` : i}`,
      payment: 'credit', dueDate: to, igv: 216, lines: [{ productId: cheese, quantity: 1_000, unitPrice: 1_200, category: 'stock' }],
    }), 200);
    const recordSale = sample(() => api.recordSale({
      associationId, date: to, documentKind: 'nota_venta', payment: 'cash', lines: [{ productId: cheese, quantity: 500, unitPrice: 1_800 }],
    }), 200);

    // Acopio (issue 13): 40 members of the largest association deliver the evening milk, a sheet a day
    // after the file's last day (each date once: one live sheet per product and day); then each
    // fortnight of those sheets is settled for the 40 members in one call.
    const acopio = acopioWrites(api, associationId, to);

    log(`${spec.name}: reports`);
    const memberId = members[0]!;
    const journalTotal = api.listJournal({ associationId, limit: 1 }).total;
    const reports: Record<ReportName, number> = {
      balanceSheet: median(() => api.balanceSheet({ associationId, date: to })),
      incomeStatement: median(() => api.incomeStatement({ associationId, from, to })),
      trialBalance: median(() => api.trialBalance({ associationId, from, to })),
      cashBook: median(() => api.cashBook({ associationId, from: monthFrom, to })),
      memberStatement: median(() => api.memberStatement({ associationId, memberId, from, to })),
      odelSummary: median(() => api.odelSummary({ from, to })),
      journalLastPage: median(() => api.listJournal({ associationId, limit: 100, offset: Math.max(journalTotal - 100, 0) })),
      journalByMember: median(() => api.listJournal({ associationId, memberId, limit: 100 })),
      partyStatement: median(() => api.partyStatement({ associationId, partyId: supplier, from, to })),
      agingPayable: median(() => api.agingReport({ associationId, side: 'payable', asOf: to })),
      agingReceivable: median(() => api.agingReport({ associationId, side: 'receivable', asOf: to })),
      purchasesBook: median(() => api.purchasesBook({ associationId, from, to, groupBy: 'document' })),
      checkIntegrity: median(() => api.checkIntegrity({}), 3),
      contractSheet: median(() => api.contractSheet({ contractId: acopio.contractId })),
    };

    let hledger: HledgerFigures | null = null;
    if (withHledger) hledger = compareWithHledger(api, associationId, spec.name, reports.balanceSheet);

    return {
      size: spec.name,
      measuredAt: new Date().toISOString(),
      parameters: spec.district,
      generation: {
        entries: counts.entries, lines: counts.lines, receipts: counts.receipts, seconds: round(seconds, 2),
        linesPerSecond: Math.round(counts.lines / seconds), firstDate: counts.firstDate, lastDate: counts.lastDate,
      },
      largestAssociation: { id: associationId, lines: largest.lines, periodLines, period: { from, to } },
      writes: {
        recordPayment, postEntry, recordPurchase, recordSale,
        recordAcopioDay: acopio.recordAcopioDay, settleAcopioPeriod: acopio.settleAcopioPeriod,
      },
      reports,
      fileBytes,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      hledger,
    };
  } finally {
    db.close();
  }
}

const ACOPIO_MEMBERS = 40;
const FORTNIGHTS = 14;

/**
 * The acopio writes on the built file: 40 new members, FORTNIGHTS × 15 days of sheets after `to`
 * (the first 10 unmeasured), then every fortnight settled (the first 2 unmeasured); and a year's
 * milk contract with a municipality (db/demo/contracts.ts) delivered from that milk, for the
 * contract sheet's figure.
 */
export function acopioWrites(
  api: ReturnType<typeof createLedgerApi>, associationId: number, to: string,
): { recordAcopioDay: Percentiles; settleAcopioPeriod: Percentiles; contractId: number } {
  const product = api.createProduct({ associationId, name: 'Leche fresca de la tarde', unit: 'l', category: 'raw_material' }).id;
  const start = addDays(to, 1);
  api.setAcopioPrice({ associationId, productId: product, validFrom: start, price: 130 });
  const levy = api.listContributionTypes({ associationId }).find((t) => t.kind === 'levy_per_unit');
  if (levy) api.setAcopioLevy({ associationId, productId: product, levyTypeId: levy.id, validFrom: start });
  const members = Array.from({ length: ACOPIO_MEMBERS }, (_, i) => api.createMember({
    associationId, dni: String(70_000_000 + associationId * 100 + i), givenNames: 'Socia', surnames: `De la Tarde ${i + 1}`,
    sex: 'F', joinedOn: to,
  }).id);
  let dayIndex = 0;
  const sheet = () => {
    const date = addDays(start, dayIndex);
    dayIndex += 1;
    return api.recordAcopioDay({
      associationId, productId: product, date,
      rows: members.map((memberId, i) => ({ memberId, quantity: 8_000 + ((i * 7 + dayIndex) % 20) * 500 })),
    });
  };
  const recordAcopioDay = sample(() => sheet(), FORTNIGHTS * 15 - 10);
  let fortnight = 0;
  const settleAcopioPeriod = sample(() => {
    const from = addDays(start, fortnight * 15);
    fortnight += 1;
    return api.settleAcopioPeriod({ associationId, from, to: addDays(from, 14) });
  }, FORTNIGHTS - 2, 2);
  const { contractId } = recordMilkContract(api, associationId, Number(start.slice(0, 4)), {
    productId: product, litresPerMonth: 2_000, months: 6,
  });
  return { recordAcopioDay, settleAcopioPeriod, contractId };
}

/** The party with the most documents of the kind in the association (the one whose statement is longest). */
function busiestParty(db: ReturnType<typeof openLedgerDatabase>, associationId: number, table: 'purchases' | 'sales'): number {
  const row = db
    .prepare(`SELECT party_id AS id FROM ${table} WHERE association_id = ? AND party_id IS NOT NULL GROUP BY party_id ORDER BY COUNT(*) DESC, party_id LIMIT 1`)
    .get(associationId) as { id: number } | undefined;
  if (!row) throw new Error(`bench: association ${associationId} has no ${table}`);
  return row.id;
}

function compareWithHledger(
  api: ReturnType<typeof createLedgerApi>, associationId: number, size: string, khipuMs: number,
): HledgerFigures {
  const exported = timed(() => api.exportHledgerJournal({ associationId }));
  const file = join(tmpdir(), `khipu-bench-${size}.journal`);
  writeFileSync(file, exported.result.content);
  const journalTextLines = exported.result.content.split('\n').length;
  const base = { journalTextLines, exportMs: round(exported.ms, 1), khipuBalanceSheetMs: khipuMs };
  let version: string;
  try {
    version = execFileSync('hledger', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return { available: false, version: null, ...base, balanceSheetMs: null, ratio: null, note: 'hledger is not on PATH: not measured' };
  }
  log(`${size}: hledger balancesheet on ${journalTextLines} journal lines (${file})`);
  const run = () => execFileSync('hledger', ['-f', file, 'balancesheet'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const first = timed(run).ms;
  const ms = first > 20_000 ? first : median(run, 3);
  rmSync(file, { force: true });
  return {
    available: true, version, ...base, balanceSheetMs: round(ms, 1), ratio: Math.round((ms / khipuMs) * 10) / 10,
    note: 'wall time of the hledger process (parse included) vs the median of Khipu\'s balanceSheet on the open file',
  };
}
