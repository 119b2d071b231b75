import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';
import { generateDistrict, type DistrictCounts } from './generator';

// A tiny district: the generator's counts, balance and numbering. Its speed is `npm run bench`'s business.

describe('generateDistrict', () => {
  const temp = tempDatabase();
  const api = createLedgerApi(temp.db, testContext);
  let counts: DistrictCounts;

  beforeAll(() => {
    counts = generateDistrict(api, temp.db, {
      associations: 2, membersPerAssociation: 5, years: 1, entriesPerDay: 1, seed: 7, startDate: '2024-01-01',
    });
  });
  afterAll(() => temp.cleanup());

  it('builds what it was asked for, through the API', () => {
    expect(counts.associationIds).toHaveLength(2);
    expect(counts.days).toBe(366); // 2024 is a leap year
    expect(counts.lastDate).toBe('2024-12-31');
    for (const associationId of counts.associationIds) {
      expect(api.listMembers({ associationId, asOf: '2024-06-30' }).members).toHaveLength(5);
    }
    const [{ n: members }] = [temp.db.prepare('SELECT COUNT(*) AS n FROM members').get() as { n: number }];
    expect(members).toBe(counts.members);
    // A collection most days (a day when nobody delivers has none), dues every month, receipts.
    expect(counts.collections).toBeGreaterThan(2 * 300);
    expect(counts.collections).toBeLessThanOrEqual(2 * 366);
    expect(counts.receipts).toBeGreaterThan(2 * 12 * 2);
    const receipts = temp.db.prepare('SELECT COUNT(*) AS n FROM receipts').get() as { n: number };
    expect(receipts.n).toBe(counts.receipts);
    const dues = temp.db.prepare("SELECT COUNT(DISTINCT association_id || period) AS n FROM charges WHERE period IS NOT NULL").get() as { n: number };
    expect(dues.n).toBe(2 * 12);
    // Every day: a collection plus entriesPerDay entries (some kinds skip when nothing is owed).
    expect(counts.entries).toBeGreaterThan(counts.collections + 2 * 300);
    expect(counts.lines).toBeGreaterThan(counts.entries * 2);
  });

  it('pays ahead now and then, and that credit settles later dues; a member takes her credit back', () => {
    const applied = temp.db.prepare("SELECT COUNT(*) AS n FROM allocations WHERE source = 'credit' AND voided_on IS NULL").get() as { n: number };
    expect(applied.n).toBeGreaterThan(0);
    const refunds = temp.db.prepare('SELECT COUNT(*) AS n FROM credit_refunds').get() as { n: number };
    expect(refunds.n).toBeGreaterThan(0);
    for (const associationId of counts.associationIds) {
      // Credit is applied whenever it meets an open charge: nobody both owes and holds credit.
      for (const row of api.memberPositions({ associationId, asOf: counts.lastDate }).rows) {
        expect(Math.min(row.owed, row.creditAvailable)).toBe(0);
      }
    }
  });

  it('is deterministic for a seed', () => {
    const other = tempDatabase();
    try {
      const again = generateDistrict(createLedgerApi(other.db, testContext), other.db, {
        associations: 2, membersPerAssociation: 5, years: 1, entriesPerDay: 1, seed: 7, startDate: '2024-01-01',
      });
      expect({ ...again, associationIds: [] }).toEqual({ ...counts, associationIds: [] });
      const sums = (db: typeof temp.db) => db.prepare('SELECT SUM(ABS(amount)) AS s FROM journal_lines').get();
      expect(sums(other.db)).toEqual(sums(temp.db));
    } finally {
      other.cleanup();
    }
  });

  it('leaves the trial balance at zero and the numbering without gaps', () => {
    for (const associationId of counts.associationIds) {
      const { totals } = api.trialBalance({ associationId, to: counts.lastDate });
      expect(totals.debits).toBe(totals.credits);
      expect(totals.debitBalances).toBe(totals.creditBalances);
      expect(api.balanceSheet({ associationId, date: counts.lastDate }).totals.assets).toBeGreaterThan(0);
    }
    const years = temp.db
      .prepare(
        `SELECT association_id, fiscal_year, COUNT(*) AS n, MIN(number) AS low, MAX(number) AS high
           FROM journal_entries GROUP BY association_id, fiscal_year`,
      )
      .all() as { n: number; low: number; high: number }[];
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) expect([year.low, year.high]).toEqual([1, year.n]);
    const receiptNumbers = temp.db
      .prepare('SELECT COUNT(*) AS n, MIN(number) AS low, MAX(number) AS high FROM receipts GROUP BY association_id, series')
      .all() as { n: number; low: number; high: number }[];
    for (const series of receiptNumbers) expect([series.low, series.high]).toEqual([1, series.n]);
    const unbalanced = temp.db
      .prepare('SELECT COUNT(*) AS n FROM (SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING SUM(amount) <> 0)')
      .get() as { n: number };
    expect(unbalanced.n).toBe(0);
  });

  it('keeps what the bulk path derives: numbers in date order, snapshots, settled charges, one audit row per batch', () => {
    const outOfOrder = temp.db
      .prepare(
        `SELECT COUNT(*) AS n FROM journal_entries a JOIN journal_entries b
            ON b.association_id = a.association_id AND b.fiscal_year = a.fiscal_year AND b.number = a.number + 1
         WHERE b.date < a.date`,
      )
      .get() as { n: number };
    expect(outOfOrder.n).toBe(0);
    const snapshotsDiffer = temp.db
      .prepare(
        `SELECT COUNT(*) AS n FROM (
           SELECT l.account_id, substr(l.date, 1, 7) AS month, SUM(CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END) AS debits,
                  SUM(CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END) AS credits
             FROM journal_lines l GROUP BY l.account_id, substr(l.date, 1, 7)
           EXCEPT SELECT account_id, month, debits, credits FROM account_month_balances)`,
      )
      .get() as { n: number };
    expect(snapshotsDiffer.n).toBe(0);
    const wrongMarks = temp.db
      .prepare(
        `SELECT COUNT(*) AS n FROM charges c WHERE settled IS NOT (amount <= (SELECT COALESCE(SUM(amount), 0)
           FROM allocations WHERE charge_id = c.id AND voided_on IS NULL))`,
      )
      .get() as { n: number };
    expect(wrongMarks.n).toBe(0);
    const batches = temp.db.prepare("SELECT details FROM audit_log WHERE operation = 'postEntries'").all() as { details: string }[];
    const batchedEntries = batches.reduce((sum, b) => sum + (JSON.parse(b.details) as { entries: number }).entries, 0);
    const other = temp.db
      .prepare("SELECT COUNT(*) AS n FROM journal_entries WHERE source_type IS NOT NULL")
      .get() as { n: number };
    // The milk collection is an acopio sheet of its own now: a batch only on days with other entries.
    expect(batches.length).toBeGreaterThan(2 * 150);
    expect(batchedEntries + other.n).toBe(counts.entries);
  });

  it('records the milk as acopio sheets, settles each fortnight and pays every liquidación by voucher', () => {
    const sheets = temp.db.prepare('SELECT COUNT(*) AS n FROM acopio_days WHERE voided_on IS NULL').get() as { n: number };
    expect(sheets.n).toBe(counts.collections);
    for (const associationId of counts.associationIds) {
      const { rows, totals } = api.listSettlements({ associationId });
      // 24 fortnights, every member who delivered in each.
      expect(new Set(rows.map((r) => r.from)).size).toBe(24);
      expect(totals.unpaid).toBe(0);
      expect(totals.levy).toBeGreaterThan(0);
      expect(totals.net).toBe(totals.gross - totals.levy - totals.deductions);
      const payable = temp.db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS s FROM journal_lines l JOIN accounts a ON a.id = l.account_id
          WHERE a.association_id = ? AND a.role = 'payable_members'`).get(associationId) as { s: number };
      expect(payable.s).toBe(0);
    }
  });

  it('lives a milk contract with the municipality in every other association: deliveries, actas, invoices, collections that reconcile', () => {
    const [withContract, without] = counts.associationIds;
    const contracts = api.listContracts({ associationId: withContract! });
    expect(contracts).toHaveLength(1);
    expect(api.listContracts({ associationId: without! })).toHaveLength(0);
    const sheet = api.contractSheet({ contractId: contracts[0]!.id });
    expect(sheet.deliveries.length).toBe(12);
    const t = sheet.totals;
    expect(t.collected + t.deductions + t.pending).toBe(t.invoiced);
    expect(t.invoiced).toBeGreaterThan(0);
    // The December invoice is collected in January of the next year: pending at the year's end.
    expect(t.pending).toBeGreaterThan(0);
  });

  it('trades through the documents: purchases, vouchers, fair and credit sales, collections, stock, a joint purchase', () => {
    for (const table of ['purchases', 'payment_vouchers', 'sales', 'sale_collections', 'stock_adjustments', 'joint_purchase_shares']) {
      const { n } = temp.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number };
      expect(n, table).toBeGreaterThan(0);
    }
    expect(counts.purchases).toBe((temp.db.prepare('SELECT COUNT(*) AS n FROM purchases').get() as { n: number }).n);
    // Some on credit with IGV, some paid now; some with stocked lines; partial payments; labour vouchers.
    const kinds = temp.db.prepare(
      `SELECT SUM(payment = 'credit' AND igv > 0) AS creditWithIgv, SUM(payment = 'cash') AS paidNow, SUM(joint) AS joint FROM purchases`,
    ).get() as { creditWithIgv: number; paidNow: number; joint: number };
    expect(Math.min(kinds.creditWithIgv, kinds.paidNow, kinds.joint)).toBeGreaterThan(0);
    const vouchers = temp.db.prepare('SELECT kind, COUNT(*) AS n FROM payment_vouchers GROUP BY kind ORDER BY kind').all() as { kind: string; n: number }[];
    expect(vouchers.map((v) => v.kind)).toEqual(expect.arrayContaining(['labour', 'supplier']));
    const partial = temp.db.prepare(
      `SELECT COUNT(*) AS n FROM voucher_allocations a JOIN purchases p ON p.id = a.purchase_id WHERE a.amount < p.total`,
    ).get() as { n: number };
    expect(partial.n).toBeGreaterThan(0);
    const sales = temp.db.prepare(`SELECT SUM(party_id IS NULL) AS fair, SUM(payment = 'credit') AS credit FROM sales`).get() as { fair: number; credit: number };
    expect(Math.min(sales.fair, sales.credit)).toBeGreaterThan(0);
  });

  it('keeps every party balance equal to its documents less its payments and to its journal lines; stock never negative', () => {
    const parties = temp.db.prepare('SELECT id, kind FROM parties').all() as { id: number; kind: string }[];
    expect(parties.length).toBeGreaterThan(0);
    for (const party of parties) {
      const fromJournal = (temp.db.prepare(
        `SELECT COALESCE(SUM(l.amount), 0) AS s FROM journal_lines l JOIN accounts a ON a.id = l.account_id
          WHERE l.party_id = ? AND a.role IN ('payable_suppliers', 'fees_payable', 'receivable_customers')`,
      ).get(party.id) as { s: number }).s;
      const fromDocuments = (temp.db.prepare(
        `SELECT (SELECT COALESCE(SUM(total), 0) FROM sales WHERE party_id = :id AND payment = 'credit' AND voided_on IS NULL)
              - (SELECT COALESCE(SUM(amount), 0) FROM sale_collections WHERE party_id = :id AND voided_on IS NULL)
              - (SELECT COALESCE(SUM(total), 0) FROM purchases WHERE party_id = :id AND voided_on IS NULL)
              + (SELECT COALESCE(SUM(amount), 0) FROM payment_vouchers WHERE party_id = :id AND kind = 'supplier' AND voided_on IS NULL)
              + (SELECT COALESCE(SUM(total), 0) FROM contract_invoices WHERE party_id = :id AND voided_on IS NULL)
              - (SELECT COALESCE(SUM(c.total), 0) FROM contract_collections c JOIN contract_invoices i ON i.id = c.invoice_id
                  WHERE i.party_id = :id AND c.voided_on IS NULL) AS s`,
      ).get({ id: party.id }) as { s: number }).s;
      expect(fromJournal, `party ${party.id}`).toBe(fromDocuments);
    }
    const stock = temp.db.prepare(
      `SELECT p.product_id, p.quantity, p.value, (SELECT SUM(quantity) FROM stock_movements m WHERE m.product_id = p.product_id) AS moved
         FROM product_stock p`,
    ).all() as { quantity: number; value: number; moved: number }[];
    expect(stock.length).toBeGreaterThan(0);
    for (const row of stock) {
      expect(row.quantity).toBe(row.moved);
      expect(Math.min(row.quantity, row.value)).toBeGreaterThanOrEqual(0);
    }
    for (const table of ['payment_vouchers', 'sale_collections']) {
      const series = temp.db.prepare(`SELECT COUNT(*) AS n, MIN(number) AS low, MAX(number) AS high FROM ${table} GROUP BY association_id, series`).all() as { n: number; low: number; high: number }[];
      for (const s of series) expect([s.low, s.high], table).toEqual([1, s.n]);
    }
    const notas = temp.db.prepare(
      `SELECT COUNT(*) AS n, MIN(nota_number) AS low, MAX(nota_number) AS high FROM sales WHERE nota_number IS NOT NULL GROUP BY association_id, nota_series`,
    ).all() as { n: number; low: number; high: number }[];
    expect(notas.length).toBeGreaterThan(0);
    for (const s of notas) expect([s.low, s.high]).toEqual([1, s.n]);
  });
});

describe('generateDistrict with closeYears', () => {
  it('closes each finished year, so the next one opens its income and expenses at zero', () => {
    const temp = tempDatabase();
    try {
      const api = createLedgerApi(temp.db, testContext); // 15/03/2026: 2023 and 2024 have ended
      const counts = generateDistrict(api, temp.db, {
        associations: 1, membersPerAssociation: 3, years: 2, entriesPerDay: 1, seed: 7, startDate: '2023-01-01', closeYears: true,
      });
      const associationId = counts.associationIds[0]!;
      const years = api.listFiscalYearClosings({ associationId });
      expect(years.filter((y) => y.status === 'closed').map((y) => y.fiscalYear)).toEqual([2023]);
      const closed = api.getFiscalYearClosing({ associationId, fiscalYear: 2023 });
      expect(closed.totalIncome).toBeGreaterThan(0);
      const trial = api.trialBalance({ associationId, from: '2024-01-01', to: counts.lastDate });
      expect(trial.totals.debits).toBe(trial.totals.credits);
      const incomeOpenings = trial.rows.filter((r) => r.type === 'income' || r.type === 'expense').map((r) => r.opening);
      expect(incomeOpenings.every((opening) => opening === 0)).toBe(true);
    } finally {
      temp.cleanup();
    }
  });
});
