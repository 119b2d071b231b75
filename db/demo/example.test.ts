import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import { payableTo } from '../purchases/testing';
import { receivableOf } from '../sales/testing';
import { tempDatabase, testContext } from '../testing/temp-db';
import { multiplyQuantity, percentOf } from '../../shared/money';
import { isValidRuc } from '../../shared/peru/ruc';
import { EXAMPLE_ASSOCIATION } from './example';

// The example's year, with today = 15/03/2026: March 2025 to February 2026.
const YEAR = { from: '2025-03-01', to: '2026-02-28' };
const inYear = (date: string) => date >= YEAR.from && date <= YEAR.to;
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
beforeEach(() => {
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now }); // today = 15/03/2026
});
afterEach(() => env.cleanup());

describe('openExampleAssociation', () => {
  it('opens beside associations already in the file, even one holding the example\'s RUC, and only once', () => {
    const mine = api.createAssociation({ name: 'Asociación Misky Llankaq', ruc: EXAMPLE_ASSOCIATION.ruc, legalForm: 'asociacion', ubigeo: '030601' });
    const example = api.openExampleAssociation({});
    expect(example.created).toBe(true);
    expect(api.getAssociation({ associationId: example.id })).toMatchObject({ name: EXAMPLE_ASSOCIATION.name, ruc: null });
    expect(api.getAssociation({ associationId: mine.id }).ruc).toBe(EXAMPLE_ASSOCIATION.ruc);
    expect(api.openExampleAssociation({})).toEqual({ id: example.id, created: false });
    expect(api.listAssociations({}).map((a) => a.name).sort()).toEqual(['Asociación Misky Llankaq', EXAMPLE_ASSOCIATION.name].sort());
  });

  it('creates a year of a milk association once — members, dues, receipts, sales — then opens the same one', () => {
    const first = api.openExampleAssociation({});
    expect(first.created).toBe(true);
    expect(api.openExampleAssociation({})).toEqual({ id: first.id, created: false });
    expect(api.listAssociations({}).map((a) => a.name)).toEqual([EXAMPLE_ASSOCIATION.name]);
    const associationId = first.id;

    // Twenty families (twelve women), one of whom left; counted from the rows.
    const everyone = api.listMembers({ associationId, asOf: '2026-03-15' });
    expect(everyone.counts).toMatchObject({ total: 20, women: 12, men: 8, active: 19 });
    expect(api.listMembers({ associationId, active: false, asOf: '2026-03-15' }).members).toHaveLength(1);
    expect(api.listOfficers({ associationId, asOf: '2026-03-15' }).map((o) => o.post)).toEqual(
      expect.arrayContaining(['presidente', 'tesorero', 'secretario', 'fiscal', 'vocal']),
    );

    // Receipts numbered 1..n without gaps; twelve months of dues; a few members behind.
    const receipts = api.listReceipts({ associationId });
    expect(receipts.length).toBeGreaterThan(150);
    expect(receipts.map((r) => r.number).sort((a, b) => a - b)).toEqual(receipts.map((_, i) => i + 1));
    const arrears = api.arrears({ associationId, asOf: '2026-03-15' });
    expect(arrears.rows.length).toBeGreaterThan(0);
    expect(arrears.rows.length).toBeLessThan(19);

    // The journal: numbers follow the calendar within each fiscal year; the books balance.
    const journal = api.listJournal({ associationId, limit: 1000 });
    expect(journal.total).toBeGreaterThan(200);
    for (const year of new Set(journal.entries.map((e) => e.fiscalYear))) {
      const entries = journal.entries.filter((e) => e.fiscalYear === year);
      expect(entries.map((e) => e.number)).toEqual(entries.map((_, i) => i + 1));
      expect(entries.map((e) => e.date)).toEqual(entries.map((e) => e.date).sort());
    }
    const trial = api.trialBalance({ associationId, to: '2026-12-31' });
    expect(trial.totals.debits).toBe(trial.totals.credits);
    // Neither cash nor bank is ever overdrawn: every month end, and at the close of every day, from the lines.
    for (let month = 1; month <= 14; month += 1) {
      const date = new Date(Date.UTC(2025, month, 0)).toISOString().slice(0, 10);
      const balances = api.accountBalances({ associationId, date });
      for (const code of ['101', '104']) expect(balances.find((b) => b.code === code)!.balance, `${code} ${date}`).toBeGreaterThanOrEqual(0);
    }
    const running = new Map([['101', 0], ['104', 0]]);
    const byDate = [...journal.entries].sort((a, b) => a.date.localeCompare(b.date));
    byDate.forEach((entry, i) => {
      for (const line of entry.lines) if (running.has(line.code)) running.set(line.code, running.get(line.code)! + line.amount);
      if (byDate[i + 1]?.date === entry.date) return;
      for (const [code, balance] of running) expect(balance, `${code} ${entry.date}`).toBeGreaterThanOrEqual(0);
    });
    // Credit from the cooperative: the cooling tank on the books (its factura's value, IGV apart), S/ 2,000.00 still owed, interest paid.
    const atEnd = api.accountBalances({ associationId, date: '2026-12-31' });
    const balanceOf = (code: string) => atEnd.find((b) => b.code === code)?.balance ?? 0;
    const tank = api.listPurchases({ associationId, limit: 1000 }).rows.find((p) => p.documentNumber === 'E001-482')!;
    const tankView = api.getPurchase({ purchaseId: tank.id });
    expect(tankView.total).toBe(1_100_000);
    expect(tankView.igv).toBe(percentOf(tankView.subtotal, 1_800));
    expect([balanceOf('333'), balanceOf('451')]).toEqual([tankView.subtotal, -200_000]);
    expect(balanceOf('673')).toBeGreaterThan(0);
  });

  it('buys as documents: suppliers, feed paid now and on credit, vouchers, a store that matches its accounts', () => {
    const { id: associationId } = api.openExampleAssociation({});
    const db = env.db;
    const roleOf = new Map(api.listAccounts({ associationId }).map((a) => [a.id, a.role]));
    const balances = api.accountBalances({ associationId, date: '2026-12-31' });
    const balanceOfRole = (role: string) => sum(balances.filter((b) => roleOf.get(b.accountId) === role).map((b) => b.balance));

    // The register: every RUC passes SUNAT's check digit, every DNI has 8 digits; the cheese makers are socias, linked.
    const parties = api.listParties({ associationId });
    for (const p of parties.filter((x) => x.documentType === 'ruc')) expect(isValidRuc(p.documentNumber), p.name).toBe(true);
    for (const p of parties.filter((x) => x.documentType === 'dni')) expect(p.documentNumber, p.name).toMatch(/^\d{8}$/);
    const suppliers = parties.filter((p) => p.kind === 'supplier');
    expect(suppliers.filter((p) => p.memberId === null).map((p) => p.documentType).sort()).toEqual(['dni', 'ruc', 'ruc']);
    expect(suppliers.filter((p) => p.memberId !== null)).toHaveLength(2);

    // Purchases: all live and inside the year; each total is its lines plus the IGV its document carries.
    const rows = api.listPurchases({ associationId, limit: 1000 }).rows;
    const purchases = rows.map((r) => api.getPurchase({ purchaseId: r.id }));
    for (const p of purchases) {
      expect(p.status).toBe('valid');
      expect(inYear(p.date), p.date).toBe(true);
      for (const line of p.lines) if (line.unitPrice !== null) expect(line.amount).toBe(multiplyQuantity(line.unitPrice, line.quantity!));
      expect(p.subtotal).toBe(sum(p.lines.map((l) => l.amount)));
      expect(p.total).toBe(p.subtotal + p.igv);
      if (p.documentKind === 'factura') expect(p.igv).toBe(percentOf(p.subtotal, 1_800));
      // What is open is the total less the vouchers that paid it.
      expect(p.open).toBe(p.total - sum(p.payments.map((v) => v.amount)));
    }
    // Feed: one factura a month from the agroveterinaria, into the store.
    const feedPurchases = purchases.filter((p) => p.lines.some((l) => l.category === 'stock' && l.productName === 'Alimento balanceado lechero'));
    expect(new Set(feedPurchases.map((p) => p.date.slice(0, 7))).size).toBe(12);
    expect(new Set(feedPurchases.map((p) => p.supplier.id)).size).toBe(1);
    // Paid now: one voucher for the whole total, on the same day; from the bank for facturas, from the caja otherwise.
    const paidNow = purchases.filter((p) => p.payment === 'cash');
    expect(paidNow.length).toBeGreaterThan(0);
    for (const p of paidNow) {
      expect(p.payments).toEqual([expect.objectContaining({ date: p.date, amount: p.total })]);
      const voucher = api.getPaymentVoucher({ voucherId: p.payments[0]!.voucherId });
      expect(voucher.accountKind, p.label).toBe(p.documentKind === 'factura' ? 'bank' : 'cash');
    }
    expect(paidNow.filter((p) => p.lines.some((l) => l.category === 'transport')).length).toBeGreaterThan(0);
    expect(paidNow.filter((p) => p.lines.some((l) => l.category === 'equipment')).map((p) => p.documentNumber)).toEqual(['E001-482']);
    // On credit: some paid later in a part and then the rest; the last one still owed at year end.
    const onCredit = purchases.filter((p) => p.payment === 'credit');
    const settled = onCredit.filter((p) => p.open === 0);
    expect(settled.length).toBeGreaterThanOrEqual(1);
    for (const p of settled) {
      expect(p.payments).toHaveLength(2);
      expect(p.payments[0]!.amount).toBeLessThan(p.total);
      for (const v of p.payments) expect(v.date > p.date && inYear(v.date), v.date).toBe(true);
    }
    const owed = onCredit.filter((p) => p.open > 0);
    expect(owed.map((p) => p.open)).toEqual(owed.map((p) => p.total));
    expect(owed.length).toBe(1);
    // What the books say is owed: the journal's 421 and each supplier's lines on it, equal to the documents.
    expect(-balanceOfRole('payable_suppliers')).toBe(sum(purchases.map((p) => p.open)));
    for (const s of suppliers) expect(payableTo(db, s.id), s.name).toBe(sum(purchases.filter((p) => p.supplier.id === s.id).map((p) => p.open)));
    // IGV crédito fiscal (4011, debit): the IGV of the facturas; the example's sales carry none.
    expect(balanceOfRole('taxes_payable')).toBe(sum(purchases.map((p) => p.igv)));

    // Payment vouchers: numbered 001-000001 on without gaps, date order; one per purchase paid now plus the credit payments.
    const vouchers = api.listPaymentVouchers({ associationId });
    expect(vouchers.map((v) => v.formattedNumber)).toEqual(vouchers.map((_, i) => `001-${String(i + 1).padStart(6, '0')}`));
    expect(vouchers.map((v) => v.date)).toEqual(vouchers.map((v) => v.date).sort());
    expect(vouchers).toHaveLength(paidNow.length + sum(onCredit.map((p) => p.payments.length)));
    expect(sum(vouchers.map((v) => v.amount))).toBe(sum(purchases.map((p) => p.total - p.open)));

    // The store: each product's stock is the sum of its movements, never below zero; the inventory accounts hold its value.
    const products = api.listProducts({ associationId });
    for (const product of products) {
      const moves = api.stockMovements({ associationId, productId: product.id });
      expect([moves.closing.quantity, moves.closing.value]).toEqual([sum(moves.rows.map((r) => r.quantity)), sum(moves.rows.map((r) => r.value))]);
      expect([product.onHand, product.stockValue]).toEqual([moves.closing.quantity, moves.closing.value]);
      for (const row of moves.rows) expect(row.balanceQuantity).toBeGreaterThanOrEqual(0);
    }
    const valueOf = (category: string) => sum(products.filter((p) => p.category === category).map((p) => p.stockValue));
    expect(balanceOfRole('inventory_supplies')).toBe(valueOf('supply'));
    expect(balanceOfRole('inventory_products')).toBe(valueOf('product'));
    // Feed: bought at one price all year, so what is left is worth that price; each month nine tenths of
    // what the store held (whole kilos) was used up by the herd.
    const feed = products.find((p) => p.name === 'Alimento balanceado lechero')!;
    const feedPrice = feedPurchases[0]!.lines.find((l) => l.category === 'stock')!.unitPrice!;
    expect(feed.onHand).toBeGreaterThan(0);
    expect(feed.stockValue).toBe(multiplyQuantity(feedPrice, feed.onHand));
    const feedMoves = api.stockMovements({ associationId, productId: feed.id }).rows;
    const used = feedMoves.filter((r) => r.sourceType === 'stock_adjustment');
    expect(new Set(used.map((r) => r.date.slice(0, 7))).size).toBe(12);
    for (const row of used) {
      const before = row.balanceQuantity - row.quantity;
      expect(-row.quantity).toBe(Math.floor((before * 9) / 10_000) * 1_000);
    }
    expect(api.listStockAdjustments({ associationId, productId: feed.id }).map((a) => a.reason)).toEqual(used.map(() => 'own_use'));
  });

  it('sells as documents: fair days, a restaurant on credit that pays; no trade left as a bare entry; the check finds nothing wrong', () => {
    const { id: associationId } = api.openExampleAssociation({});
    const roleOf = new Map(api.listAccounts({ associationId }).map((a) => [a.id, a.role]));
    const balances = api.accountBalances({ associationId, date: '2026-12-31' });
    const balanceOfRole = (role: string) => sum(balances.filter((b) => roleOf.get(b.accountId) === role).map((b) => b.balance));

    const sales = api.listSales({ associationId, limit: 1000 }).rows.map((r) => api.getSale({ saleId: r.id }));
    for (const s of sales) {
      expect(s.status).toBe('valid');
      expect(inYear(s.date), s.date).toBe(true);
      for (const line of s.lines) expect(line.amount).toBe(multiplyQuantity(line.unitPrice, line.quantity));
      expect(s.total).toBe(sum(s.lines.map((l) => l.amount)) + s.igv);
    }
    // Fair days: several cash sales to the público on one day, a few with a nota de venta.
    const fair = sales.filter((s) => s.buyer === null);
    expect(fair.every((s) => s.payment === 'cash')).toBe(true);
    const perDay = new Map<string, number>();
    for (const s of fair) perDay.set(s.date, (perDay.get(s.date) ?? 0) + 1);
    expect(Math.min(...perDay.values())).toBeGreaterThan(3);
    expect(fair.some((s) => s.documentKind === 'nota_venta')).toBe(true);
    // Notas de venta numbered without gaps across fair and credit sales.
    const notas = sales.filter((s) => s.notaNumber !== null).map((s) => s.notaNumber!).sort((a, b) => a - b);
    expect(notas).toEqual(notas.map((_, i) => i + 1));
    // The restaurant: on credit, each paid by a collection (series 002, numbered on) after its date; nothing owed.
    const credit = sales.filter((s) => s.payment === 'credit');
    expect(credit.length).toBeGreaterThan(0);
    expect(new Set(credit.map((s) => s.buyer!.id)).size).toBe(1);
    for (const s of credit) {
      expect(s.open).toBe(0);
      expect(sum(s.collections.map((c) => c.amount))).toBe(s.total);
      for (const c of s.collections) expect(c.date > s.date && inYear(c.date)).toBe(true);
    }
    const collections = api.listSaleCollections({ associationId });
    expect(collections.map((c) => c.formattedNumber).sort()).toEqual(collections.map((_, i) => `002-${String(i + 1).padStart(6, '0')}`));
    expect(sum(collections.map((c) => c.amount))).toBe(sum(credit.map((s) => s.total)));
    expect(receivableOf(env.db, credit[0]!.buyer!.id)).toBe(0);
    // Every kilo of cheese the makers brought was sold, at one cost: the cost of sales is what they were paid.
    const cheeseBought = api.listPurchases({ associationId, limit: 1000 }).rows
      .map((r) => api.getPurchase({ purchaseId: r.id })).filter((p) => p.lines.some((l) => l.productName === 'Queso fresco'));
    expect(cheeseBought.length).toBeGreaterThan(0);
    const kilos = (lines: { quantity: number | null }[]) => sum(lines.map((l) => l.quantity!));
    expect(sum(sales.map((s) => kilos(s.lines)))).toBe(sum(cheeseBought.map((p) => kilos(p.lines))));
    expect(sum(sales.map((s) => s.cost))).toBe(sum(cheeseBought.map((p) => p.total)));
    expect(balanceOfRole('cost_of_sales_products')).toBe(sum(sales.map((s) => s.cost)));

    // What is still a bare journal entry is only what has no document yet: the capital's deposit, the
    // municipality's milk and its collection, the cooperative's loan and instalments.
    const bare = new Set(['cash', 'bank', 'receivable_customers', 'sales_products', 'loans_payable', 'financial_expense']);
    const journal = api.listJournal({ associationId, limit: 1000 }).entries;
    for (const entry of journal.filter((e) => e.sourceType === null)) {
      for (const line of entry.lines) expect(bare.has(roleOf.get(line.accountId)!), `${entry.description}: ${line.code}`).toBe(true);
    }
    for (const role of ['purchases_supplies', 'transport_expense', 'equipment', 'payable_suppliers', 'inventory_supplies']) {
      const touching = journal.filter((e) => e.lines.some((l) => roleOf.get(l.accountId) === role));
      expect(touching.length, role).toBeGreaterThan(0);
      expect(touching.filter((e) => e.sourceType === null), role).toEqual([]);
    }

    const report = api.checkIntegrity({ associationId });
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('builds the same figures every time (fixed seed)', () => {
    const other = tempDatabase();
    try {
      const otherApi = createLedgerApi(other.db, { actor: testContext.actor, now: testContext.now });
      const a = api.openExampleAssociation({});
      const b = otherApi.openExampleAssociation({});
      const amounts = (x: LedgerApi, id: number) =>
        x.listJournal({ associationId: id, limit: 1000 }).entries.map((e) => [e.date, e.description, e.lines.map((l) => l.amount)]);
      expect(amounts(otherApi, b.id)).toEqual(amounts(api, a.id));
    } finally {
      other.cleanup();
    }
  });
});
