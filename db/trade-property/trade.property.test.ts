import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KhipuError } from '../../shared/errors';
import { createLedgerApi } from '../api';
import { openLedgerDatabase, type LedgerDatabase } from '../storage/open';
import { testContext } from '../testing/temp-db';
import { addDays } from '../../shared/dates';

// One truth per party and per product, across purchases, payments, sales, collections and stock.
// After any sequence of purchases (on credit or paid now, stocked or not, with or without IGV),
// supplier payments (partial, or above what is owed with confirmation), sales (cash, credit, to the
// público), collections, stock adjustments, voids of any of these and inputs the rules refuse:
//   - every party's balance = its live documents − its live payments (a model kept here from the
//     operations' answers) = the journal lines of 421/424 (suppliers) or 121 (buyers) carrying it
//     = its statement's closing balance;
//   - every product's stock = the sum of its movements = the model, and it was never negative
//     along the way; the inventory accounts hold exactly the stock's value;
//   - the trial balance is at zero;
//   - a refused operation changes no row of any table.

type Step =
  | { op: 'purchase'; supplier: number; stocked: boolean; product: number; quantity: number; price: number; igv: boolean; paidNow: boolean }
  | { op: 'pay'; supplier: number; amount: number; confirm: boolean }
  | { op: 'sale'; buyer: number; product: number; quantity: number; price: number; credit: boolean }
  | { op: 'collect'; buyer: number; amount: number; confirm: boolean }
  | { op: 'adjust'; product: number; quantity: number; reason: 'loss' | 'sample' | 'own_use' | 'count' }
  | { op: 'void'; what: 'purchase' | 'voucher' | 'sale' | 'collection' | 'adjustment'; pick: number }
  | { op: 'bad'; what: 'unknownParty' | 'unknownProduct' | 'lockedDate' | 'duplicateDocument' | 'zeroQuantity' };

const supplier = fc.integer({ min: 0, max: 1 });
/** -1: the público. */
const buyer = fc.integer({ min: -1, max: 1 });
const product = fc.integer({ min: 0, max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({
    op: fc.constant('purchase' as const), supplier, stocked: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)), product,
    quantity: fc.integer({ min: 1, max: 40_000 }), price: fc.integer({ min: 1, max: 4_000 }), igv: fc.boolean(), paidNow: fc.boolean(),
  }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pay' as const), supplier, amount: fc.integer({ min: 1, max: 60_000 }), confirm: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({
    op: fc.constant('sale' as const), buyer, product, quantity: fc.integer({ min: 1, max: 8_000 }),
    price: fc.integer({ min: 1, max: 5_000 }), credit: fc.boolean(),
  }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('collect' as const), buyer: fc.integer({ min: 0, max: 1 }), amount: fc.integer({ min: 1, max: 60_000 }), confirm: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({
    op: fc.constant('adjust' as const), product, quantity: fc.integer({ min: -15_000, max: 15_000 }).filter((q) => q !== 0),
    reason: fc.constantFrom('loss' as const, 'sample' as const, 'own_use' as const, 'count' as const),
  }) },
  { weight: 3, arbitrary: fc.record({
    op: fc.constant('void' as const), what: fc.constantFrom('purchase' as const, 'voucher' as const, 'sale' as const, 'collection' as const, 'adjustment' as const),
    pick: fc.nat(),
  }) },
  { weight: 1, arbitrary: fc.record({
    op: fc.constant('bad' as const),
    what: fc.constantFrom('unknownParty' as const, 'unknownProduct' as const, 'lockedDate' as const, 'duplicateDocument' as const, 'zeroQuantity' as const),
  }) },
);

/** Refusals the rules document; anything else is a bug. */
const documentedRefusals = new Set<string>([
  'stock.insufficient', 'stock.costMismatch', 'stockAdjustment.noValue',
  'purchase.hasPayments', 'purchase.paidByVoucher', 'purchase.igvAboveSubtotal', 'purchase.lineAmountZero', 'payment.exceedsOpen',
  'sale.hasCollections', 'sale.creditNeedsBuyer', 'sale.lineAmountZero', 'sale.costMismatch', 'saleCollection.exceedsOpen',
]);

/** Bad input of each kind: the code and the field the refusal must name. */
const badInputRefusals = {
  unknownParty: { code: 'party.notFound', field: 'partyId' },
  unknownProduct: { code: 'product.notFound', field: 'lines.0.productId' },
  lockedDate: { code: 'entry.locked', field: 'date' },
  duplicateDocument: { code: 'purchase.duplicateDocument', field: 'documentNumber' },
  zeroQuantity: { code: 'purchase.quantityNotPositive', field: 'lines.0.quantity' },
} as const;

const LOCK_DATE = '2025-12-31';
const START = '2026-01-05';

/** Every row of every table (sqlite_sequence included): equal before and after a refused operation. */
function fingerprint(db: LedgerDatabase): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
}

interface Model {
  /** ownVoucher: the voucher a purchase paid now issued with it, voided with the purchase while it is live. */
  purchases: { id: number; party: number; total: number; document: string; stock: { product: number; quantity: number } | null; ownVoucher: number | null; live: boolean }[];
  vouchers: { id: number; party: number; amount: number; live: boolean }[];
  sales: { id: number; party: number | null; credit: boolean; total: number; product: number; quantity: number; live: boolean }[];
  collections: { id: number; party: number; amount: number; live: boolean }[];
  adjustments: { id: number; product: number; quantity: number; live: boolean }[];
}

function partyLines(db: LedgerDatabase, partyId: number, roles: readonly string[]): number {
  return (db.prepare(
    `SELECT COALESCE(SUM(l.amount), 0) AS s FROM journal_lines l JOIN accounts a ON a.id = l.account_id
      WHERE l.party_id = ? AND a.role IN (${roles.map(() => '?').join(',')})`,
  ).get(partyId, ...roles) as { s: number }).s;
}

interface Fixture { associationId: number; suppliers: number[]; buyers: number[]; products: number[] }

/**
 * The association every run starts from (two suppliers, two buyers, two products, a lock date), built
 * once and copied to a fresh file per run: migrating and seeding the chart is most of a run's time.
 */
function buildTemplate(path: string): Fixture {
  const db = openLedgerDatabase(path);
  try {
    const api = createLedgerApi(db, testContext);
    const associationId = api.createAssociation({
      name: 'Asociación de Productores Lecheros Sumaq Q\'oy', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
    }).id;
    api.setLockDate({ associationId, lockDate: LOCK_DATE });
    const suppliers = [
      api.createParty({ associationId, name: 'Agroveterinaria El Ganadero E.I.R.L.', kind: 'supplier', documentType: 'ruc', documentNumber: '20452187664' }).id,
      api.createParty({ associationId, name: 'Eusebio Ccahuana Rojas', kind: 'supplier', documentType: 'dni', documentNumber: '42118765' }).id,
    ];
    const buyers = [
      api.createParty({ associationId, name: 'Restaurante El Mirador', kind: 'buyer', documentType: 'none' }).id,
      api.createParty({ associationId, name: 'Bodega Doña Justina', kind: 'buyer', documentType: 'dni', documentNumber: '31200017' }).id,
    ];
    const products = [
      api.createProduct({ associationId, name: 'Queso fresco', unit: 'kg', category: 'product', salePrice: 1_800 }).id,
      api.createProduct({ associationId, name: 'Alimento balanceado', unit: 'kg', category: 'goods', salePrice: null }).id,
    ];
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { associationId, suppliers, buyers, products };
  } finally {
    db.close();
  }
}

describe('one truth per party and per product (property)', () => {
  let template: { folder: string; path: string; fixture: Fixture };
  beforeAll(() => {
    const folder = mkdtempSync(join(tmpdir(), 'khipu-trade-template-'));
    const path = join(folder, 'template.sqlite');
    template = { folder, path, fixture: buildTemplate(path) };
  });
  afterAll(() => rmSync(template.folder, { recursive: true, force: true }));

  it('party balances, stock, inventory value and the trial balance agree after any sequence; refusals write nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 4, maxLength: 30 }), (steps) => {
        const folder = mkdtempSync(join(tmpdir(), 'khipu-trade-'));
        copyFileSync(template.path, join(folder, 'khipu.sqlite'));
        const db = openLedgerDatabase(join(folder, 'khipu.sqlite'));
        const api = createLedgerApi(db, testContext);
        const { associationId, suppliers, buyers, products } = template.fixture;
        const model: Model = { purchases: [], vouchers: [], sales: [], collections: [], adjustments: [] };
        let documentNumber = 0;
        try {
          steps.forEach((s, index) => {
            const today = addDays(START, index);
            const before = fingerprint(db);
            try {
              run(s, today, index);
            } catch (error) {
              if (!(error instanceof KhipuError)) throw error;
              if (s.op === 'bad') expect({ code: error.code, field: error.field }).toEqual(badInputRefusals[s.what]);
              else if (!documentedRefusals.has(error.code)) throw error;
              expect(fingerprint(db)).toBe(before);
            }
            check();
          });
        } finally {
          db.close();
          rmSync(folder, { recursive: true, force: true });
        }

        function run(s: Step, today: string, index: number): void {
          switch (s.op) {
            case 'purchase': {
              documentNumber += 1;
              const party = suppliers[s.supplier]!;
              const line = s.stocked
                ? { productId: products[s.product]!, quantity: s.quantity, unitPrice: s.price, category: 'stock' as const }
                : { description: 'Fletes a la feria', amount: s.price * 10, category: 'transport' as const };
              const view = api.recordPurchase({
                associationId, date: today, partyId: party, documentKind: 'factura', documentNumber: `F001-${documentNumber}`,
                lines: [line], igv: s.igv ? 180 : 0,
                payment: s.paidNow ? 'cash' : 'credit', dueDate: s.paidNow ? null : addDays(today, 30),
              });
              // Paid now: the same purchase settled at once by a voucher for its total.
              const voucher = view.payments[0];
              expect(view.payments).toHaveLength(s.paidNow ? 1 : 0);
              model.purchases.push({
                id: view.id, party, document: `F001-${documentNumber}`, total: view.total, live: true, ownVoucher: voucher?.voucherId ?? null,
                stock: s.stocked ? { product: products[s.product]!, quantity: s.quantity } : null,
              });
              if (voucher) model.vouchers.push({ id: voucher.voucherId, party, amount: voucher.amount, live: true });
              break;
            }
            case 'pay': {
              const party = suppliers[s.supplier]!;
              const voucher = api.paySupplier({ associationId, partyId: party, date: today, amount: s.amount, confirmOverpayment: s.confirm });
              model.vouchers.push({ id: voucher.id, party, amount: voucher.amount, live: true });
              break;
            }
            case 'sale': {
              const party = s.buyer < 0 ? null : buyers[s.buyer]!;
              const view = api.recordSale({
                associationId, date: today, partyId: party, documentKind: 'nota_venta',
                lines: [{ productId: products[s.product]!, quantity: s.quantity, unitPrice: s.price }],
                payment: s.credit ? 'credit' : 'cash', dueDate: s.credit ? addDays(today, 15) : null,
              });
              model.sales.push({ id: view.id, party, credit: s.credit, total: view.total, product: products[s.product]!, quantity: s.quantity, live: true });
              break;
            }
            case 'collect': {
              const party = buyers[s.buyer]!;
              const view = api.collectSale({ associationId, partyId: party, date: today, amount: s.amount, confirmOverpayment: s.confirm });
              model.collections.push({ id: view.id, party, amount: view.amount, live: true });
              break;
            }
            case 'adjust': {
              // Only a count finds stock; it says at what cost when the store has none of it.
              const view = api.recordStockAdjustment({
                associationId, productId: products[s.product]!, date: today, quantity: s.quantity,
                reason: s.quantity > 0 ? 'count' : s.reason, unitCost: s.quantity > 0 ? 950 : null,
              });
              model.adjustments.push({ id: view.id, product: products[s.product]!, quantity: s.quantity, live: true });
              break;
            }
            case 'void': {
              const reason = 'Registrado por error';
              const pick = <T extends { live: boolean }>(list: T[]): T | undefined => {
                const live = list.filter((d) => d.live);
                return live[s.pick % Math.max(live.length, 1)];
              };
              if (s.what === 'purchase') {
                const doc = pick(model.purchases);
                if (!doc) return;
                api.voidPurchase({ purchaseId: doc.id, date: today, reason });
                doc.live = false;
                const own = model.vouchers.find((v) => v.id === doc.ownVoucher);
                if (own) own.live = false;
              } else if (s.what === 'voucher') {
                const doc = pick(model.vouchers);
                if (!doc) return;
                api.voidPaymentVoucher({ voucherId: doc.id, date: today, reason });
                doc.live = false;
              } else if (s.what === 'sale') {
                const doc = pick(model.sales);
                if (!doc) return;
                api.voidSale({ saleId: doc.id, date: today, reason });
                doc.live = false;
              } else if (s.what === 'collection') {
                const doc = pick(model.collections);
                if (!doc) return;
                api.voidSaleCollection({ collectionId: doc.id, date: today, reason });
                doc.live = false;
              } else {
                const doc = pick(model.adjustments);
                if (!doc) return;
                api.voidStockAdjustment({ adjustmentId: doc.id, date: today, reason });
                doc.live = false;
              }
              break;
            }
            case 'bad': {
              const line = { productId: products[0]!, quantity: 1_000, unitPrice: 100, category: 'stock' as const };
              const purchase = {
                associationId, date: today, partyId: suppliers[0]!, documentKind: 'factura' as const, documentNumber: `F009-${index}`,
                lines: [line], payment: 'credit' as const, dueDate: addDays(today, 30),
              };
              if (s.what === 'unknownParty') api.recordPurchase({ ...purchase, partyId: 999_999 });
              else if (s.what === 'unknownProduct') api.recordSale({ associationId, date: today, documentKind: 'none', lines: [{ productId: 999_999, quantity: 1_000 }], payment: 'cash' });
              else if (s.what === 'lockedDate') api.recordPurchase({ ...purchase, date: LOCK_DATE, dueDate: LOCK_DATE });
              else if (s.what === 'zeroQuantity') api.recordPurchase({ ...purchase, lines: [{ ...line, quantity: 0 }] });
              else {
                // A voided purchase frees its number; a live one keeps it.
                const live = model.purchases.find((d) => d.live);
                if (!live) return;
                api.recordPurchase({ ...purchase, partyId: live.party, documentNumber: live.document });
              }
              expect.unreachable(`the engine accepted a bad input: ${s.what}`);
            }
          }
        }

        function check(): void {
          // Parties: the model, the journal and the statement say the same.
          for (const party of suppliers) {
            const owed = sum(model.purchases.filter((d) => d.live && d.party === party).map((d) => d.total))
              - sum(model.vouchers.filter((d) => d.live && d.party === party).map((d) => d.amount));
            expect(0 - partyLines(db, party, ['payable_suppliers', 'fees_payable'])).toBe(owed);
            const statement = api.partyStatement({ associationId, partyId: party, side: 'payable' });
            expect(statement.closing).toBe(owed);
            expect(statement.documents.documents - statement.documents.payments).toBe(owed);
          }
          for (const party of buyers) {
            const owed = sum(model.sales.filter((d) => d.live && d.credit && d.party === party).map((d) => d.total))
              - sum(model.collections.filter((d) => d.live && d.party === party).map((d) => d.amount));
            expect(partyLines(db, party, ['receivable_customers'])).toBe(owed);
            const statement = api.partyStatement({ associationId, partyId: party, side: 'receivable' });
            expect(statement.closing).toBe(owed);
            expect(statement.documents.documents - statement.documents.payments).toBe(owed);
          }
          // Products: stock = the sum of its movements = the model; never negative along the movements.
          for (const productId of products) {
            const expected = sum(model.purchases.filter((d) => d.live && d.stock?.product === productId).map((d) => d.stock!.quantity))
              - sum(model.sales.filter((d) => d.live && d.product === productId).map((d) => d.quantity))
              + sum(model.adjustments.filter((d) => d.live && d.product === productId).map((d) => d.quantity));
            const movements = db.prepare('SELECT quantity, value FROM stock_movements WHERE product_id = ? ORDER BY id').all(productId) as { quantity: number; value: number }[];
            let quantity = 0;
            let value = 0;
            for (const m of movements) {
              quantity += m.quantity;
              value += m.value;
              expect(quantity).toBeGreaterThanOrEqual(0);
              expect(value).toBeGreaterThanOrEqual(0);
              if (quantity === 0) expect(value).toBe(0);
            }
            const stock = db.prepare('SELECT quantity, value FROM product_stock WHERE product_id = ?').get(productId) as { quantity: number; value: number } | undefined;
            expect({ quantity: stock?.quantity ?? 0, value: stock?.value ?? 0 }).toEqual({ quantity, value });
            expect(quantity).toBe(expected);
            const listed = api.listProducts({ associationId, includeArchived: true }).find((p) => p.id === productId)!;
            expect([listed.onHand, listed.stockValue]).toEqual([quantity, value]);
          }
          // The inventory accounts hold exactly what the store is worth.
          const inventory = (db.prepare(
            `SELECT COALESCE(SUM(l.amount), 0) AS s FROM journal_lines l JOIN accounts a ON a.id = l.account_id
              WHERE a.role IN ('inventory_goods', 'inventory_products', 'inventory_raw_materials', 'inventory_supplies')`,
          ).get() as { s: number }).s;
          const stockValue = (db.prepare('SELECT COALESCE(SUM(value), 0) AS s FROM product_stock').get() as { s: number }).s;
          expect(inventory).toBe(stockValue);
          // The trial balance.
          const trial = api.trialBalance({ associationId, to: '2099-12-31' });
          expect(trial.totals.debits).toBe(trial.totals.credits);
          expect(trial.totals.debitBalances).toBe(trial.totals.creditBalances);
          expect((db.prepare('SELECT COALESCE(SUM(amount), 0) AS s FROM journal_lines').get() as { s: number }).s).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
