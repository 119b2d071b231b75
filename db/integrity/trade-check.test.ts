import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLedgerApi } from '../api';
import { openLedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from '../testing/temp-db';
import { checkFile as check } from './testing';
import { errorMessage } from '../../shared/i18n';
import type { IntegrityFindingCode } from '../../shared/operations/integrity';
import { TRADE_CHECKS } from './trade-checks';

// The trade rules of checkIntegrity (./trade-checks.ts): a healthy year of trade finds nothing; a copy
// edited by hand in Debian's sqlite3, guard triggers dropped as a tamperer would, names exactly the
// rule the edit broke, counted per document.

let env: ReturnType<typeof tempDatabase>;
let associationId: number;
let copies = 0;

beforeAll(() => {
  env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  // A year of purchases, vouchers, sales, collections and adjustments (March 2025 to February 2026).
  associationId = api.openExampleAssociation({}).id;
  const idOf = (sql: string) => (env.db.prepare(sql).get() as { id: number }).id;
  const agrovet = idOf("SELECT id FROM parties WHERE name LIKE 'Agroveterinaria%'");
  const carrier = idOf("SELECT id FROM parties WHERE name = 'Hilario Cárdenas Soto'");
  const restaurant = idOf("SELECT id FROM parties WHERE name LIKE 'Restaurante%'");
  const maker = idOf('SELECT MIN(id) AS id FROM parties WHERE member_id IS NOT NULL');
  const feed = idOf("SELECT id FROM products WHERE name LIKE 'Alimento%'");
  const cheese = idOf("SELECT id FROM products WHERE name = 'Queso fresco'");
  const bank = idOf("SELECT id FROM accounts WHERE role = 'bank'");
  const members = (env.db.prepare('SELECT id FROM members WHERE association_id = ? ORDER BY id LIMIT 3').all(associationId) as
    { id: number }[]).map((m) => m.id);

  // What the example lacks, in March 2026. A joint purchase shared by quantity, partly paid.
  const joint = api.recordPurchase({
    associationId, date: '2026-03-02', partyId: agrovet, documentKind: 'factura', documentNumber: 'F001-2900', payment: 'credit',
    dueDate: '2026-04-02', lines: [{ description: 'Semilla de avena forrajera', quantity: 300_000, amount: 90_001, category: 'joint' }],
    jointShares: { by: 'quantity', members: members.map((memberId, i) => ({ memberId, quantity: [100_000, 120_000, 80_000][i]! })) },
  });
  const duplicate = api.recordPurchase({
    associationId, date: '2026-03-02', partyId: agrovet, documentKind: 'factura', documentNumber: 'F001-2901', payment: 'credit',
    dueDate: '2026-04-02', igv: 1_800, lines: [{ productId: feed, quantity: 10_000, unitPrice: 1_000, category: 'stock' }],
  });
  api.voidPurchase({ purchaseId: duplicate.id, date: '2026-03-03', reason: 'Factura duplicada' });
  // Another supplier's purchase still open, and a recibo por honorarios (424) paid by a voucher.
  api.recordPurchase({
    associationId, date: '2026-03-03', partyId: carrier, documentKind: 'none', payment: 'credit', dueDate: '2026-03-31',
    lines: [{ description: 'Flete de alimento', amount: 12_000, category: 'transport' }],
  });
  const vet = api.createParty({ associationId, name: 'Eusebio Ramos Quispe', kind: 'supplier', documentType: 'dni', documentNumber: '41876523' }).id;
  const fees = api.recordPurchase({
    associationId, date: '2026-03-03', partyId: vet, documentKind: 'recibo_honorarios', documentNumber: 'E001-17', payment: 'credit',
    dueDate: '2026-03-20', lines: [{ description: 'Vacunación del hato', amount: 25_000, category: 'services' }],
  });
  api.paySupplier({ associationId, partyId: vet, date: '2026-03-04', amount: 25_000, purchaseIds: [fees.id] });
  // Goods bought to resell (201/701/691) and sold with a factura carrying IGV, paid into the bank.
  const salt = api.createProduct({ associationId, name: 'Sal de cocina', unit: 'kg', category: 'goods' }).id;
  api.recordPurchase({
    associationId, date: '2026-03-03', partyId: agrovet, documentKind: 'boleta', documentNumber: 'B001-88', payment: 'cash', accountId: bank,
    lines: [{ productId: salt, quantity: 50_000, unitPrice: 150, category: 'stock' }],
  });
  api.recordSale({
    associationId, date: '2026-03-04', partyId: restaurant, documentKind: 'factura', documentNumber: 'F001-12', payment: 'cash',
    accountId: bank, igv: 540, lines: [{ productId: salt, quantity: 10_000, unitPrice: 300 }],
  });
  // Cheese bought from a maker; sold on credit and in cash, one cash sale voided.
  api.recordPurchase({
    associationId, date: '2026-03-03', partyId: maker, documentKind: 'none', payment: 'cash',
    lines: [{ productId: cheese, quantity: 20_000, unitPrice: 1_200, category: 'stock' }],
  });
  const credit = api.recordSale({
    associationId, date: '2026-03-04', partyId: restaurant, documentKind: 'nota_venta', payment: 'credit', dueDate: '2026-03-20',
    lines: [{ productId: cheese, quantity: 5_000, unitPrice: 1_650 }],
  });
  const twice = api.recordSale({ associationId, date: '2026-03-04', documentKind: 'none', payment: 'cash', lines: [{ productId: cheese, quantity: 1_000 }] });
  api.voidSale({ saleId: twice.id, date: '2026-03-05', reason: 'Se anotó dos veces' });
  api.recordSale({ associationId, date: '2026-03-05', documentKind: 'none', payment: 'cash', lines: [{ productId: cheese, quantity: 2_000 }] });
  // A collection voided, then the real one.
  const forged = api.collectSale({ associationId, partyId: restaurant, date: '2026-03-06', amount: 2_000, saleIds: [credit.id] });
  api.voidSaleCollection({ collectionId: forged.id, date: '2026-03-06', reason: 'Billete falso' });
  api.collectSale({ associationId, partyId: restaurant, date: '2026-03-07', amount: 3_000, saleIds: [credit.id] });
  // A supplier voucher voided, then the real one.
  const bounced = api.paySupplier({ associationId, partyId: agrovet, date: '2026-03-08', amount: 10_000, purchaseIds: [joint.id] });
  api.voidPaymentVoucher({ voucherId: bounced.id, date: '2026-03-08', reason: 'Cheque sin fondos' });
  api.paySupplier({ associationId, partyId: agrovet, date: '2026-03-09', amount: 40_000, purchaseIds: [joint.id] });
  // A loss voided (the cheese was found), then a count that finds some.
  const loss = api.recordStockAdjustment({ associationId, productId: cheese, date: '2026-03-09', quantity: -1_000, reason: 'loss' });
  api.voidStockAdjustment({ adjustmentId: loss.id, date: '2026-03-10', reason: 'Se encontró en la cámara' });
  api.recordStockAdjustment({ associationId, productId: cheese, date: '2026-03-10', quantity: 500, reason: 'count' });
  api.payLabour({ associationId, date: '2026-03-11', workerName: 'Juan Mamani Ccori', amount: 6_000, concept: 'Jornal de ordeño', days: 1_000 });
  // Credit in favour refunded twice (member-refund vouchers), the first refund voided.
  api.recordPayment({ associationId, memberId: members[0]!, date: '2026-03-12', amount: 500_000 });
  const refund = api.refundCredit({ associationId, memberId: members[0]!, date: '2026-03-13', amount: 1_000, reason: 'Pagó de más' });
  api.voidCreditRefund({ refundId: refund.id, date: '2026-03-13', reason: 'Se equivocó de socio' });
  api.refundCredit({ associationId, memberId: members[0]!, date: '2026-03-14', amount: 1_500, reason: 'Pagó de más' });
  env.db.pragma('wal_checkpoint(TRUNCATE)');
  env.db.close();
});
afterAll(() => env.cleanup());


/** A copy of `from`, which must be closed with its WAL checkpointed (the copy takes the main file only). */
function copyOf(from: string): string {
  const path = join(env.folder, `copy-${++copies}.sqlite`);
  copyFileSync(from, path);
  return path;
}

/** A copy of the healthy file (or `from`) edited by `statements` in Debian's sqlite3, foreign keys off; -bail fails on a typo. */
function tampered(statements: string, from = env.path): string {
  const path = copyOf(from);
  execFileSync('/usr/bin/sqlite3', ['-bail', path], { input: `PRAGMA foreign_keys = OFF;\n${statements}\n`, stdio: 'pipe' });
  return path;
}

const codes = (report: ReturnType<typeof check>) => report.findings.map((f) => f.code).sort();
const countOf = (report: ReturnType<typeof check>, code: IntegrityFindingCode) => report.findings.find((f) => f.code === code)?.count;

// The rows the edits aim at, found by what they are rather than by id.
const mineralsLine = (n: 'MIN' | 'MAX') => `(SELECT ${n}(id) FROM purchase_lines WHERE category = 'supplies_consumed')`;
const stockLine = "(SELECT MIN(id) FROM purchase_lines WHERE category = 'stock' AND unit_price IS NOT NULL)";
const openCreditPurchase = "(SELECT MIN(id) FROM purchases WHERE payment = 'credit' AND voided_on IS NULL AND joint = 0)";
const otherSupplier = "(SELECT id FROM parties WHERE name = 'Hilario Cárdenas Soto')";
const creditSale = "(SELECT MAX(id) FROM sales WHERE payment = 'credit' AND voided_on IS NULL)";
const cashSale = "(SELECT MAX(id) FROM sales WHERE payment = 'cash' AND voided_on IS NULL AND igv = 0)";
const voidedSale = '(SELECT MAX(id) FROM sales WHERE voided_on IS NOT NULL)';
const bank = "(SELECT id FROM accounts WHERE role = 'bank')";
const voucher = (kind: string) => `(SELECT MAX(id) FROM payment_vouchers WHERE kind = '${kind}' AND voided_on IS NULL)`;
/** The joint purchase's live supplier voucher: it settles part of that purchase, all of its own amount. */
const jointVoucher = `(SELECT MAX(v.id) FROM payment_vouchers v JOIN voucher_allocations x ON x.voucher_id = v.id
                        JOIN purchases p ON p.id = x.purchase_id WHERE p.joint = 1 AND v.voided_on IS NULL)`;
const liveCollection = '(SELECT MAX(id) FROM sale_collections WHERE voided_on IS NULL)';
const liveCount = "(SELECT MAX(id) FROM stock_adjustments WHERE voided_on IS NULL AND reason = 'count')";
/** An unpaid share: raising its charge leaves the charge's settled mark right. */
const unpaidShare = '(SELECT MAX(s.id) FROM joint_purchase_shares s JOIN charges c ON c.id = s.charge_id WHERE c.settled = 0)';
/** The first feed purchase's lines on 252 (its feed) and 603 (the mineral salts used up at once). */
const entryLine = (role: string) => `(SELECT l.id FROM journal_lines l JOIN accounts a ON a.id = l.account_id
   WHERE l.entry_id = (SELECT p.entry_id FROM purchases p WHERE p.id = (SELECT purchase_id FROM purchase_lines WHERE id = ${mineralsLine('MIN')}))
     AND a.role = '${role}')`;
/** Moves a journal line by `delta`, and its month's snapshot with it when `snapshot` (so only the books-vs-stock rule can tell). */
const shiftLine = (line: string, delta: number, snapshot: boolean) => `
  ${snapshot ? `UPDATE account_month_balances AS s
     SET debits = s.debits - MAX(l.amount, 0) + MAX(l.amount + ${delta}, 0),
         credits = s.credits - MAX(-l.amount, 0) + MAX(-l.amount - ${delta}, 0)
    FROM journal_lines l WHERE l.id = ${line} AND s.account_id = l.account_id AND s.month = substr(l.date, 1, 7);` : ''}
  UPDATE journal_lines SET amount = amount + ${delta} WHERE id = ${line};`;

describe('checkIntegrity on the trade documents', () => {
  it('finds a healthy year of trade in order, for the whole file and for the association', () => {
    expect(check(env.path).findings).toEqual([]);
    expect(check(env.path, { associationId }).findings).toEqual([]);
  });

  it('reads a file with every kind of trade document, voids included', () => {
    const path = tampered('SELECT 1;'); // read through sqlite3 too: the copy opens in Debian's 3.40 and stays healthy
    const db = openLedgerDatabase(path);
    try {
      const n = (sql: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${sql}`).get() as { n: number }).n;
      for (const table of ['purchases', 'sales', 'sale_collections', 'payment_vouchers', 'stock_adjustments']) {
        expect(n(`${table} WHERE voided_on IS NOT NULL`), table).toBeGreaterThan(0);
      }
      expect(n("purchases WHERE joint = 1 AND shares_by = 'quantity'")).toBe(1);
      expect(n("purchases WHERE document_kind = 'recibo_honorarios'")).toBe(1);
      expect(n('joint_purchase_shares')).toBe(3);
      expect(n("payment_vouchers WHERE kind = 'labour'")).toBe(1);
      expect(n("payment_vouchers WHERE kind = 'member_refund'")).toBe(2);
      expect(n('sales WHERE igv > 0')).toBe(1);
    } finally {
      db.close();
    }
    expect(check(path).findings).toEqual([]);
  });

  const cases: [what: string, expected: IntegrityFindingCode[], count: number, statements: string][] = [
    ["a purchase line's amount raised", ['integrity.purchaseFigures'], 1, `
      DROP TRIGGER purchase_lines_no_update;
      UPDATE purchase_lines SET amount = amount + 1000 WHERE id = ${mineralsLine('MIN')};`],
    ["a stock line's unit price raised, its amount left", ['integrity.purchaseFigures'], 1, `
      DROP TRIGGER purchase_lines_no_update;
      UPDATE purchase_lines SET unit_price = unit_price + 10 WHERE id = ${stockLine};`],
    ["a purchase's payable line moved to another supplier", ['integrity.purchaseEntryAmount'], 1, `
      DROP TRIGGER journal_lines_no_update;
      UPDATE journal_lines SET party_id = ${otherSupplier}
       WHERE entry_id = (SELECT entry_id FROM purchases WHERE id = ${openCreditPurchase})
         AND account_id = (SELECT id FROM accounts WHERE role = 'payable_suppliers');`],
    ["a sale line's price changed, its amount left", ['integrity.saleFigures'], 1, `
      DROP TRIGGER sale_lines_no_update;
      UPDATE sale_lines SET unit_price = unit_price + 50 WHERE sale_id = ${creditSale};`],
    // The CHECK total = subtotal + igv makes the tamperer raise the subtotal too: the lines no longer add up to it.
    ["a sale's total raised", ['integrity.saleEntryAmount', 'integrity.saleFigures'], 1, `
      DROP TRIGGER sales_immutable;
      UPDATE sales SET subtotal = subtotal + 1000, total = total + 1000 WHERE id = ${creditSale};`],
    ['a cash sale moved from the caja to the bank', ['integrity.saleEntryAmount'], 1, `
      DROP TRIGGER sales_immutable;
      UPDATE sales SET account_id = ${bank} WHERE id = ${cashSale};`],
    ["a supplier voucher's amount raised", ['integrity.voucherEntryAmount'], 1, `
      DROP TRIGGER payment_vouchers_immutable;
      UPDATE payment_vouchers SET amount = amount + 500 WHERE id = ${voucher('supplier')};`],
    ["a labour voucher's amount raised", ['integrity.voucherEntryAmount'], 1, `
      DROP TRIGGER payment_vouchers_immutable;
      UPDATE payment_vouchers SET amount = amount + 500 WHERE id = ${voucher('labour')};`],
    ["a member refund voucher's amount raised", ['integrity.voucherEntryAmount'], 1, `
      DROP TRIGGER payment_vouchers_immutable;
      UPDATE payment_vouchers SET amount = amount + 500 WHERE id = ${voucher('member_refund')};`],
    // It still settles its old amount: now more than it paid.
    ["a supplier voucher's amount lowered", ['integrity.voucherAllocations', 'integrity.voucherEntryAmount'], 1, `
      DROP TRIGGER payment_vouchers_immutable;
      UPDATE payment_vouchers SET amount = amount - 500 WHERE id = ${jointVoucher};`],
    ['a collection moved from the caja to the bank', ['integrity.collectionEntryAmount'], 1, `
      DROP TRIGGER sale_collections_immutable;
      UPDATE sale_collections SET account_id = ${bank} WHERE id = ${liveCollection};`],
    // The store moved by the old value: the adjustment's movement no longer matches it either.
    ["an adjustment's value changed", ['integrity.adjustmentEntryAmount', 'integrity.stockMovementSource'], 1, `
      DROP TRIGGER stock_adjustments_immutable;
      UPDATE stock_adjustments SET value = value + 100 WHERE id = ${liveCount};`],
    // product_stock still counts what left: it is no longer the sum of the movements.
    ["a sale's stock movement deleted", ['integrity.productStock', 'integrity.stockMovementSource'], 1, `
      DROP TRIGGER stock_movements_no_delete;
      DELETE FROM stock_movements WHERE source_type = 'sale' AND source_id = ${cashSale};`],
    // Likewise: the cheese it returned is still on hand.
    ["a voided sale's return to the store deleted", ['integrity.productStock', 'integrity.stockMovementSource'], 1, `
      DROP TRIGGER stock_movements_no_delete;
      DELETE FROM stock_movements WHERE source_type = 'sale_void' AND source_id = ${voidedSale};`],
    ["a purchase's movement quantity changed, the store's total along with it", ['integrity.stockMovementSource'], 1, `
      DROP TRIGGER stock_movements_no_update;
      DROP TRIGGER product_stock_update_by_movement;
      UPDATE product_stock SET quantity = quantity + 1000
       WHERE product_id = (SELECT product_id FROM stock_movements WHERE id = (SELECT MIN(id) FROM stock_movements WHERE source_type = 'purchase'));
      UPDATE stock_movements SET quantity = quantity + 1000 WHERE id = (SELECT MIN(id) FROM stock_movements WHERE source_type = 'purchase');`],
    // Its trigger still adds it to product_stock, at no value: only the source rule can tell.
    ['a movement written by hand for a purchase that does not exist', ['integrity.stockMovementSource'], 1, `
      DROP TRIGGER stock_movements_insert_valid;
      INSERT INTO stock_movements (association_id, product_id, date, quantity, value, source_type, source_id, entry_id, created_at)
        SELECT association_id, product_id, date, 1000, 0, 'purchase', 999999, entry_id, created_at FROM stock_movements
         WHERE id = (SELECT MIN(id) FROM stock_movements WHERE source_type = 'purchase');`],
    // One row per document: the voucher pays another supplier's purchase, which it now pays beyond its total.
    ["a supplier payment moved to another supplier's purchase", ['integrity.voucherAllocations'], 2, `
      DROP TRIGGER voucher_allocations_no_update;
      UPDATE voucher_allocations SET purchase_id = (SELECT id FROM purchases WHERE party_id = ${otherSupplier} AND payment = 'credit')
       WHERE voucher_id = ${jointVoucher};`],
    ["an allocation added to another supplier's purchase", ['integrity.voucherAllocations'], 1, `
      DROP TRIGGER voucher_allocations_insert;
      INSERT INTO voucher_allocations (voucher_id, purchase_id, date, amount)
        SELECT id, (SELECT id FROM purchases WHERE party_id = ${otherSupplier} AND payment = 'credit'), date, 100
          FROM payment_vouchers WHERE id = ${jointVoucher};`],
    ['an allocation raised above its voucher', ['integrity.voucherAllocations'], 1, `
      DROP TRIGGER voucher_allocations_no_update;
      UPDATE voucher_allocations SET amount = amount + 500 WHERE voucher_id = ${jointVoucher};`],
    // Both sides are wrong: the voucher pays a voided purchase, and over its amount.
    ['an allocation added to a voided purchase', ['integrity.voucherAllocations'], 1, `
      DROP TRIGGER voucher_allocations_insert;
      INSERT INTO voucher_allocations (voucher_id, purchase_id, date, amount)
        SELECT id, (SELECT MAX(id) FROM purchases WHERE voided_on IS NOT NULL), date, 100 FROM payment_vouchers WHERE id = ${jointVoucher};`],
    ['a collection allocated to a cash sale', ['integrity.collectionAllocations'], 1, `
      DROP TRIGGER collection_allocations_before_their_collection;
      INSERT INTO collection_allocations (collection_id, sale_id, amount) VALUES (${liveCollection}, ${cashSale}, 100);`],
    ['an allocation raised above its collection', ['integrity.collectionAllocations'], 1, `
      DROP TRIGGER collection_allocations_no_update;
      UPDATE collection_allocations SET amount = amount + 100 WHERE collection_id = ${liveCollection};`],
    ["a member's share and her charge raised alike", ['integrity.jointShares'], 1, `
      DROP TRIGGER joint_purchase_shares_no_update;
      DROP TRIGGER charges_immutable;
      UPDATE charges SET amount = amount + 1000 WHERE id = (SELECT charge_id FROM joint_purchase_shares WHERE id = ${unpaidShare});
      UPDATE joint_purchase_shares SET amount = amount + 1000 WHERE id = ${unpaidShare};`],
    ["a member's share quantity changed", ['integrity.jointShares'], 1, `
      DROP TRIGGER joint_purchase_shares_no_update;
      UPDATE joint_purchase_shares SET quantity = quantity + 1000 WHERE id = ${unpaidShare};`],
    ["a member's share lowered, her charge left", ['integrity.jointShares'], 1, `
      DROP TRIGGER joint_purchase_shares_no_update;
      UPDATE joint_purchase_shares SET amount = amount - 1 WHERE id = ${unpaidShare};`],
    // Only the charge is marked: its void entry is missing too, and 169 keeps what nobody owes now.
    ["a member's share charge marked voided while the purchase is live", ['integrity.jointShares', 'integrity.voidEntry'], 1, `
      DROP TRIGGER charges_immutable;
      DROP TRIGGER charges_voided_by_their_void_entry;
      UPDATE charges SET voided_on = '2026-03-20', void_reason = 'a mano', void_entry_id = entry_id
       WHERE id = (SELECT charge_id FROM joint_purchase_shares WHERE id = ${unpaidShare});`],
    ['a joint purchase turned into an ordinary one, its shares left', ['integrity.jointShares'], 1, `
      DROP TRIGGER purchases_immutable;
      UPDATE purchases SET joint = 0, shares_by = NULL WHERE joint = 1;`],
    ['an inventory line and its balancing line moved alike, the monthly balances with them', ['integrity.inventoryBooks'], 1, `
      DROP TRIGGER journal_lines_no_update;
      DROP TRIGGER account_month_balances_update_by_posting;
      ${shiftLine(entryLine('inventory_supplies'), 1_000, true)}
      ${shiftLine(entryLine('purchases_supplies'), -1_000, true)}`],
    // The monthly balances were not edited along: 252's and 603's no longer add up their lines.
    ['an inventory line and its balancing line moved alike', ['integrity.inventoryBooks', 'integrity.snapshots'], 1, `
      DROP TRIGGER journal_lines_no_update;
      ${shiftLine(entryLine('inventory_supplies'), 1_000, false)}
      ${shiftLine(entryLine('purchases_supplies'), -1_000, false)}`],
  ];

  it.each(cases)('names %s', (_what, expected, count, statements) => {
    const path = tampered(statements);
    for (const report of [check(path), check(path, { associationId })]) {
      expect(codes(report)).toEqual([...expected].sort());
      expect(countOf(report, expected[0]!)).toBe(count);
      expect(report.ok).toBe(false);
    }
  });

  it('has a case for every trade rule', () => {
    const covered = new Set(cases.flatMap(([, expected]) => expected));
    expect(TRADE_CHECKS.map((c) => c.code).filter((code) => !covered.has(code))).toEqual([]);
    expect(TRADE_CHECKS).toHaveLength(12);
  });

  it("keeps one association's damage to its own report", () => {
    // A second association on a copy, with a purchase of its own, then that purchase edited.
    const path = copyOf(env.path);
    const db = openLedgerDatabase(path);
    let other: number;
    try {
      const api = createLedgerApi(db, { actor: testContext.actor, now: testContext.now });
      other = api.createAssociation({ name: 'Asociación de Apicultores Misky', ruc: null, legalForm: 'asociacion', ubigeo: '030601' }).id;
      const supplier = api.createParty({ associationId: other, name: 'Transportes Uripa', kind: 'supplier', documentType: 'none' }).id;
      api.recordPurchase({
        associationId: other, date: '2026-03-05', partyId: supplier, documentKind: 'none', payment: 'credit', dueDate: '2026-03-31',
        lines: [{ description: 'Flete de colmenas', amount: 8_000, category: 'transport' }],
      });
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    expect(check(path).findings).toEqual([]);
    const damaged = tampered(`
      DROP TRIGGER purchase_lines_no_update;
      UPDATE purchase_lines SET amount = amount + 100 WHERE purchase_id = (SELECT MAX(id) FROM purchases WHERE association_id = ${other});`, path);
    expect(codes(check(damaged))).toEqual(['integrity.purchaseFigures']);
    expect(codes(check(damaged, { associationId: other }))).toEqual(['integrity.purchaseFigures']);
    expect(check(damaged, { associationId }).findings).toEqual([]);
  });

  it('counts per document, and says so in Spanish', () => {
    const report = check(tampered(`
      DROP TRIGGER purchase_lines_no_update;
      UPDATE purchase_lines SET amount = amount + 1000 WHERE id IN (${mineralsLine('MIN')}, ${mineralsLine('MAX')});
      DROP TRIGGER payment_vouchers_immutable;
      UPDATE payment_vouchers SET amount = amount + 500 WHERE id = ${voucher('labour')};`));
    expect(report.findings).toEqual([
      {
        code: 'integrity.purchaseFigures', count: 2,
        message: errorMessage('integrity.purchaseFigures', { count: 2 }, 'es'),
      },
      {
        code: 'integrity.voucherEntryAmount', count: 1,
        message: errorMessage('integrity.voucherEntryAmount', { count: 1 }, 'es'),
      },
    ]);
    expect(report.findings[0]!.message).toMatch(/^2 compras no cuadran por dentro/);
    expect(report.findings[1]!.message).toMatch(/^Un recibo de egreso figura en la contabilidad por otro importe/);
  });

  it('names an inventory account in Spanish', () => {
    const report = check(tampered(`
      DROP TRIGGER journal_lines_no_update;
      DROP TRIGGER account_month_balances_update_by_posting;
      ${shiftLine(entryLine('inventory_supplies'), 1_000, true)}
      ${shiftLine(entryLine('purchases_supplies'), -1_000, true)}`));
    expect(report.findings.map((f) => f.message)).toEqual([errorMessage('integrity.inventoryBooks', { count: 1 }, 'es')]);
    expect(report.findings[0]!.message).toContain('Una cuenta de existencias (mercaderías, productos, materias primas o suministros) no coincide');
  });
});
