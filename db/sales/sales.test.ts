import { describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { checkIntegrity } from '../integrity/check';
import { openSales } from './open-sales';
import {
  counts, entryLines, freshSalesFixture, onHand, receivableOf, roleBalance, type SalesFixture,
} from './testing';

// Sales on a real file: what each sale posts, what leaves the store and at what cost, the document
// rules, and every refusal naming its field with nothing written.

let f: SalesFixture;
freshSalesFixture((fixture) => { f = fixture; });

const KG = 1000;
const sell = (input: Partial<Parameters<SalesFixture['api']['recordSale']>[0]> & { lines: { productId: number; quantity: number; unitPrice?: number | null }[] }) =>
  f.api.recordSale({ associationId: f.associationId, date: '2026-03-10', documentKind: 'none', payment: 'cash', ...input });
const refused = (operation: string, input: unknown) => {
  const before = counts(f.db);
  const answer = dispatch(f.api, operation, input);
  expect(answer.ok).toBe(false);
  expect(counts(f.db)).toEqual(before);
  return (answer as { ok: false; error: { code: string; field?: string; message: string } }).error;
};

describe('a cash sale to the público', () => {
  it('posts income, caja and the cost of what left the store in ONE entry, at the product\'s sale price', () => {
    const cheese = f.product('Queso fresco', { salePrice: 1_800 });
    f.receive(cheese, 10 * KG, 1_000);
    const sale = sell({ documentKind: 'nota_venta', lines: [{ productId: cheese, quantity: 2_500 }] });
    expect(sale).toMatchObject({
      buyer: null, formattedNumber: '001-000001', subtotal: 4_500, igv: 0, total: 4_500, cost: 2_500, payment: 'cash',
      accountKind: 'cash', open: 0, status: 'valid', totalInWords: 'SON: CUARENTA Y CINCO CON 00/100 SOLES',
    });
    expect(sale.lines[0]).toMatchObject({ productName: 'Queso fresco', quantity: 2_500, unitPrice: 1_800, amount: 4_500, cost: 2_500 });
    expect(entryLines(f.db, sale.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['cash', 4_500], ['sales_products', -4_500], ['cost_of_sales_products', 2_500], ['inventory_products', -2_500],
    ]);
    expect(onHand(f.db, cheese)).toEqual({ quantity: 7_500, value: 7_500 });
    const audit = f.db.prepare("SELECT details FROM audit_log WHERE operation = 'recordSale'").all() as { details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ saleId: sale.id, document: '001-000001', total: 4_500 });
  });

  it('numbers notas de venta without gaps, and only notas', () => {
    const honey = f.product('Miel de abeja 1 kg', { unit: 'unit', salePrice: 3_000 });
    f.receive(honey, 20 * KG, 1_500);
    const numbers = [
      sell({ documentKind: 'nota_venta', lines: [{ productId: honey, quantity: KG }] }).formattedNumber,
      sell({ lines: [{ productId: honey, quantity: KG }] }).formattedNumber,
      sell({ documentKind: 'boleta', documentNumber: 'b001 - 77', lines: [{ productId: honey, quantity: KG }] }).formattedNumber,
      sell({ documentKind: 'nota_venta', lines: [{ productId: honey, quantity: KG }] }).formattedNumber,
    ];
    expect(numbers).toEqual(['001-000001', null, 'B001-77', '001-000002']);
  });

  it('credits goods bought to sell to 701 and their cost to 691 from 201; IGV to 4011', () => {
    const feed = f.product('Alimento balanceado 40 kg', { category: 'goods', unit: 'unit', salePrice: 9_000 });
    f.receive(feed, 5 * KG, 7_000);
    const buyer = f.buyer('Agroveterinaria El Cuy Feliz SAC', '20100070970');
    const sale = sell({
      partyId: buyer, documentKind: 'factura', documentNumber: 'F001-000123', igv: 3_240,
      lines: [{ productId: feed, quantity: 2 * KG }],
    });
    expect(sale).toMatchObject({ subtotal: 18_000, igv: 3_240, total: 21_240, cost: 14_000, formattedNumber: 'F001-000123' });
    expect(entryLines(f.db, sale.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['cash', 21_240], ['sales_goods', -18_000], ['taxes_payable', -3_240], ['cost_of_sales', 14_000], ['inventory_goods', -14_000],
    ]);
  });
});

describe('a credit sale', () => {
  it('debits 121 with the buyer, falls due, and is owed until collected', () => {
    const cheese = f.product('Queso andino', { salePrice: 2_200 });
    f.receive(cheese, 50 * KG, 1_200);
    const buyer = f.buyer('Minimarket Doña Julia');
    const sale = sell({ partyId: buyer, payment: 'credit', dueDate: '2026-04-10', lines: [{ productId: cheese, quantity: 10 * KG }] });
    expect(sale).toMatchObject({ payment: 'credit', dueDate: '2026-04-10', open: 22_000, accountId: null });
    expect(entryLines(f.db, sale.entryId)[0]).toMatchObject({ role: 'receivable_customers', amount: 22_000, party_id: buyer });
    expect(receivableOf(f.db, buyer)).toBe(22_000);
    expect(openSales(f.db, buyer)).toEqual([expect.objectContaining({ saleId: sale.id, open: 22_000, dueDate: '2026-04-10' })]);
  });

  it('needs a buyer and a due date on or after the sale', () => {
    const cheese = f.product('Queso andino');
    f.receive(cheese, 5 * KG, 1_000);
    const line = [{ productId: cheese, quantity: KG }];
    const base = { associationId: f.associationId, date: '2026-03-10', documentKind: 'none', payment: 'credit', lines: line };
    expect(refused('recordSale', { ...base, dueDate: '2026-04-01' })).toMatchObject({ code: 'sale.creditNeedsBuyer', field: 'partyId' });
    const buyer = f.buyer('Restaurante El Tambo');
    expect(refused('recordSale', { ...base, partyId: buyer })).toMatchObject({ code: 'sale.dueDateRequired', field: 'dueDate' });
    const early = refused('recordSale', { ...base, partyId: buyer, dueDate: '2026-03-09' });
    expect(early).toMatchObject({ code: 'sale.dueBeforeDate', field: 'dueDate' });
    expect(early.message).toBe('La fecha de pago (09/03/2026) no puede ser anterior a la fecha de la venta (10/03/2026).');
  });
});

describe('bad input is refused naming the field, and nothing is written', () => {
  it('a quantity of zero or less, an unknown product or buyer, a line with no price', () => {
    const cheese = f.product('Queso fresco', { salePrice: null });
    f.receive(cheese, 5 * KG, 1_000);
    const base = { associationId: f.associationId, date: '2026-03-10', documentKind: 'none', payment: 'cash' };
    for (const quantity of [0, -500]) {
      const error = refused('recordSale', { ...base, lines: [{ productId: cheese, quantity, unitPrice: 100 }] });
      expect(error).toMatchObject({ code: 'sale.quantityNotPositive', field: 'lines.0.quantity', message: 'La cantidad debe ser mayor que cero.' });
    }
    expect(refused('recordSale', { ...base, lines: [{ productId: cheese, quantity: KG }] }))
      .toMatchObject({ code: 'sale.priceRequired', field: 'lines.0.unitPrice' });
    expect(refused('recordSale', { ...base, lines: [{ productId: cheese, quantity: KG, unitPrice: 100 }, { productId: 9_999, quantity: KG, unitPrice: 100 }] }))
      .toMatchObject({ field: 'lines.1.productId' });
    expect(refused('recordSale', { ...base, partyId: 9_999, lines: [{ productId: cheese, quantity: KG, unitPrice: 100 }] }))
      .toMatchObject({ field: 'partyId' });
  });

  it('stock going negative, naming the product and what is on hand', () => {
    const cuy = f.product('Cuy de carne', { unit: 'head', salePrice: 3_500 });
    f.receive(cuy, 4 * KG, 2_000);
    const error = refused('recordSale', {
      associationId: f.associationId, date: '2026-03-10', documentKind: 'none', payment: 'cash',
      lines: [{ productId: cuy, quantity: 3 * KG }, { productId: cuy, quantity: 2 * KG }],
    });
    expect(error).toMatchObject({ code: 'stock.insufficient', field: 'lines.1.quantity' });
    // What the sale asks for of the product in all (3 + 2 head) against the 4 on hand.
    expect(error.message).toMatch(/«Cuy de carne».*hay 4\b.*\b5\b/);
    expect(onHand(f.db, cuy)).toEqual({ quantity: 4_000, value: 8_000 });
  });

  it('a boleta or factura without number, a number on a nota, a factura without buyer, a date inside the closed period', () => {
    const cheese = f.product('Queso fresco');
    f.receive(cheese, 5 * KG, 1_000);
    const base = { associationId: f.associationId, date: '2026-03-10', payment: 'cash', lines: [{ productId: cheese, quantity: KG }] };
    expect(refused('recordSale', { ...base, documentKind: 'boleta' })).toMatchObject({ code: 'sale.documentNumberRequired', field: 'documentNumber' });
    expect(refused('recordSale', { ...base, documentKind: 'nota_venta', documentNumber: '001-9' }))
      .toMatchObject({ code: 'sale.documentNumberNotAllowed', field: 'documentNumber' });
    expect(refused('recordSale', { ...base, documentKind: 'factura', documentNumber: 'F001-1' }))
      .toMatchObject({ code: 'sale.facturaNeedsBuyer', field: 'partyId' });
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-03-10' });
    expect(refused('recordSale', { ...base, documentKind: 'none' })).toMatchObject({ code: 'entry.locked', field: 'date' });
  });

  it('a buyer\'s boleta number recorded twice (as typed or spaced), while another buyer may carry the same number', () => {
    const cheese = f.product('Queso fresco');
    f.receive(cheese, 10 * KG, 1_000);
    const julia = f.buyer('Doña Julia');
    const tambo = f.buyer('El Tambo');
    const sale = sell({ partyId: julia, documentKind: 'boleta', documentNumber: 'B001-45', lines: [{ productId: cheese, quantity: KG }] });
    const again = refused('recordSale', {
      associationId: f.associationId, date: '2026-03-11', partyId: julia, documentKind: 'boleta', documentNumber: ' b001-45 ',
      payment: 'cash', lines: [{ productId: cheese, quantity: KG }],
    });
    expect(again).toMatchObject({ code: 'sale.duplicateDocument', field: 'documentNumber' });
    expect(again.message).toBe('El comprobante B001-45 de este cliente ya está registrado (venta del 10/03/2026).');
    expect(sell({ partyId: tambo, documentKind: 'boleta', documentNumber: 'B001-45', lines: [{ productId: cheese, quantity: KG }] }).status).toBe('valid');
    // Voided, the sale frees its number for the corrected one.
    f.api.voidSale({ saleId: sale.id, date: '2026-03-12', reason: 'Precio mal escrito' });
    expect(sell({ partyId: julia, documentKind: 'boleta', documentNumber: 'B001-45', lines: [{ productId: cheese, quantity: KG }] }).formattedNumber).toBe('B001-45');
  });
});

describe('cost of goods sold at weighted average cost', () => {
  it('after two receipts at different costs, rounding once, and all of it at exactly the value left', () => {
    const flour = f.product('Harina de haba', { category: 'product', salePrice: 900 });
    f.receive(flour, 10 * KG, 1_000, '2026-03-01'); // S/ 100.00
    f.receive(flour, 20 * KG, 1_300, '2026-03-05'); // S/ 260.00 → 30 kg worth S/ 360.00, S/ 12.00 a kg
    const first = sell({ date: '2026-03-10', lines: [{ productId: flour, quantity: 7_333 }] });
    expect(first.cost).toBe(8_800); // 7.333 × 360.00 / 30 = 87.996 → 88.00
    expect(entryLines(f.db, first.entryId).filter((l) => l.role === 'cost_of_sales_products').map((l) => l.amount)).toEqual([8_800]);
    expect(onHand(f.db, flour)).toEqual({ quantity: 22_667, value: 27_200 });
    const rest = sell({ date: '2026-03-11', lines: [{ productId: flour, quantity: 22_667 }] });
    expect(rest.cost).toBe(27_200);
    expect(onHand(f.db, flour)).toEqual({ quantity: 0, value: 0 });
    expect(roleBalance(f.db, f.associationId, 'inventory_products')).toBe(0);
  });

  it('after two purchases from a supplier at different prices', () => {
    const oats = f.product('Semilla de avena', { category: 'goods', salePrice: 450 });
    const supplier = f.api.createParty({ associationId: f.associationId, name: 'Agro Andino EIRL', kind: 'supplier', documentType: 'none' }).id;
    const buy = (date: string, quantity: number, unitPrice: number) => f.api.recordPurchase({
      associationId: f.associationId, date, partyId: supplier, documentKind: 'none', payment: 'credit', dueDate: '2026-04-30',
      lines: [{ productId: oats, quantity, unitPrice, category: 'stock' }],
    });
    buy('2026-03-01', 100 * KG, 300); // S/ 300.00
    buy('2026-03-03', 50 * KG, 360); // S/ 180.00 → 150 kg worth S/ 480.00, S/ 3.20 a kg
    const sale = sell({ date: '2026-03-10', lines: [{ productId: oats, quantity: 45 * KG }] });
    expect(sale).toMatchObject({ total: 20_250, cost: 14_400 });
    expect(entryLines(f.db, sale.entryId).map((l) => [l.role, l.amount])).toContainEqual(['cost_of_sales', 14_400]);
    expect(onHand(f.db, oats)).toEqual({ quantity: 105 * KG, value: 33_600 });
    const trial = f.api.trialBalance({ associationId: f.associationId, to: '2026-12-31' });
    expect(trial.totals.debits).toBe(trial.totals.credits);
  });

  it('values a second line of the same product on what the first left', () => {
    const milk = f.product('Leche fresca', { unit: 'l', category: 'raw_material', salePrice: 180 });
    f.receive(milk, 3 * KG, 100);
    f.receive(milk, 1 * KG, 101); // 4 l worth S/ 4.01: an uneven average
    const sale = sell({ lines: [{ productId: milk, quantity: 1_000 }, { productId: milk, quantity: 3_000 }] });
    expect(sale.lines.map((l) => l.cost)).toEqual([100, 301]);
    expect(onHand(f.db, milk)).toEqual({ quantity: 0, value: 0 });
  });
});

describe('a fair day', () => {
  it('records 30 small cash sales in one call, with exact totals, notas only where asked', () => {
    const cheese = f.product('Queso fresco', { salePrice: 1_800 });
    const yogurt = f.product('Yogur de fresa 1 l', { unit: 'unit', salePrice: 750 });
    f.receive(cheese, 150 * KG, 1_100);
    f.receive(yogurt, 60 * KG, 400);
    const rows = Array.from({ length: 30 }, (_, i) => ({
      lines: [
        { productId: cheese, quantity: 250 * (i + 1) },
        ...(i % 3 === 0 ? [{ productId: yogurt, quantity: 2 * KG, unitPrice: 700 }] : []),
      ],
      notaVenta: i % 10 === 0,
    }));
    const before = roleBalance(f.db, f.associationId, 'cash');
    const fair = f.api.recordFairSales({ associationId: f.associationId, date: '2026-03-14', sales: rows });
    // Cheese: 250 g × (1 + … + 30) = 116.25 kg at S/ 18.00; yogurt: 10 rows × 2 units at S/ 7.00.
    const cheeseIncome = rows.reduce((sum, _, i) => sum + Math.round((1_800 * 250 * (i + 1)) / 1000), 0);
    expect(cheeseIncome).toBe(209_250);
    expect(fair).toMatchObject({ count: 30, total: 209_250 + 14_000, notas: ['001-000001', '001-000002', '001-000003'] });
    expect(fair.sales.filter((s) => s.documentKind === 'none')).toHaveLength(27);
    expect(roleBalance(f.db, f.associationId, 'cash') - before).toBe(223_250);
    expect(roleBalance(f.db, f.associationId, 'sales_products')).toBe(-223_250);
    expect(onHand(f.db, cheese)).toEqual({ quantity: 150 * KG - 116_250, value: 165_000 - 127_875 });
    expect(onHand(f.db, yogurt)).toEqual({ quantity: 40 * KG, value: 16_000 });
    expect(roleBalance(f.db, f.associationId, 'cost_of_sales_products')).toBe(Math.round(116_250 * 1_100 / 1000) + 8_000);
    expect(f.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE operation = 'recordFairSales'").get()).toEqual({ n: 1 });
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
  });

  it('writes nothing at all when one row is refused, and names that row', () => {
    const cheese = f.product('Queso fresco', { salePrice: 1_800 });
    f.receive(cheese, 10 * KG, 1_100);
    const sales = Array.from({ length: 20 }, (_, i) => ({ lines: [{ productId: cheese, quantity: i === 17 ? 0 : 100 }] }));
    expect(refused('recordFairSales', { associationId: f.associationId, date: '2026-03-14', sales }))
      .toMatchObject({ code: 'sale.quantityNotPositive', field: 'sales.17.lines.0.quantity' });
    const tooMuch = Array.from({ length: 20 }, (_, i) => ({ lines: [{ productId: cheese, quantity: i === 12 ? 9 * KG : 100 }] }));
    expect(refused('recordFairSales', { associationId: f.associationId, date: '2026-03-14', sales: tooMuch }))
      .toMatchObject({ code: 'stock.insufficient', field: 'sales.12.lines.0.quantity' });
    expect(onHand(f.db, cheese)).toEqual({ quantity: 10 * KG, value: 11_000 });
  });
});

describe('voiding a sale', () => {
  it('reverses its entry and brings its stock back at the cost it left with', () => {
    const flour = f.product('Harina de quinua', { salePrice: 1_500 });
    f.receive(flour, 3 * KG, 1_000, '2026-03-01');
    const sale = sell({ date: '2026-03-10', documentKind: 'nota_venta', lines: [{ productId: flour, quantity: 1 * KG }] });
    f.receive(flour, 2 * KG, 2_500, '2026-03-11'); // the average moves after the sale
    const voided = f.api.voidSale({ saleId: sale.id, date: '2026-03-12', reason: 'El cliente devolvió la harina' });
    expect(voided).toMatchObject({
      status: 'voided', formattedNumber: '001-000001', voided: { date: '2026-03-12', reason: 'El cliente devolvió la harina' },
    });
    // 2 kg at S/ 10.00 + 2 kg at S/ 25.00 + the 1 kg back at its S/ 10.00.
    expect(onHand(f.db, flour)).toEqual({ quantity: 5 * KG, value: 8_000 });
    const reversal = entryLines(f.db, voided.voided!.entryId).map((l) => [l.role, l.amount]);
    expect(reversal).toEqual(entryLines(f.db, sale.entryId).map((l) => [l.role, -l.amount]));
    expect(roleBalance(f.db, f.associationId, 'sales_products')).toBe(0);
    // The number stays taken: the next nota is 002.
    expect(sell({ date: '2026-03-12', documentKind: 'nota_venta', lines: [{ productId: flour, quantity: KG }] }).formattedNumber).toBe('001-000002');
    expect(refused('voidSale', { saleId: sale.id, date: '2026-03-13', reason: 'otra vez' })).toMatchObject({ code: 'sale.alreadyVoided', field: 'saleId' });
  });

  it('is refused while a live collection paid it, and allowed once that collection is voided', () => {
    const cheese = f.product('Queso andino', { salePrice: 2_000 });
    f.receive(cheese, 10 * KG, 1_000);
    const buyer = f.buyer('Doña Julia');
    const sale = sell({ partyId: buyer, payment: 'credit', dueDate: '2026-03-31', lines: [{ productId: cheese, quantity: 2 * KG }] });
    const collection = f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-03-15', amount: 1_000 });
    const error = refused('voidSale', { saleId: sale.id, date: '2026-03-16', reason: 'error' });
    expect(error).toMatchObject({ code: 'sale.hasCollections', field: 'saleId' });
    expect(error.message).toContain('002-000001');
    expect(refused('voidSale', { saleId: sale.id, date: '2026-03-09', reason: 'error' })).toMatchObject({ code: 'sale.voidBeforeDate', field: 'date' });
    f.api.voidSaleCollection({ collectionId: collection.id, date: '2026-03-16', reason: 'Cheque sin fondos' });
    expect(f.api.voidSale({ saleId: sale.id, date: '2026-03-16', reason: 'Pedido anulado' }).status).toBe('voided');
    expect(receivableOf(f.db, buyer)).toBe(0);
    expect(onHand(f.db, cheese)).toEqual({ quantity: 10 * KG, value: 10_000 });
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
    // Every write left its audit row; the refusals none.
    expect((f.db.prepare(`SELECT operation FROM audit_log WHERE operation IN
        ('recordSale', 'collectSale', 'voidSaleCollection', 'voidSale') ORDER BY id`).all() as { operation: string }[])
      .map((row) => row.operation)).toEqual(['recordSale', 'collectSale', 'voidSaleCollection', 'voidSale']);
  });
});

describe('collections from buyers', () => {
  function twoCreditSales() {
    const cheese = f.product('Queso andino', { salePrice: 2_000 });
    f.receive(cheese, 20 * KG, 1_000);
    const buyer = f.buyer('Minimarket Doña Julia', '20100070970');
    const later = sell({ partyId: buyer, date: '2026-03-05', payment: 'credit', dueDate: '2026-04-30', lines: [{ productId: cheese, quantity: 3 * KG }] });
    const sooner = sell({ partyId: buyer, date: '2026-03-06', payment: 'credit', dueDate: '2026-03-20', lines: [{ productId: cheese, quantity: 2 * KG }] });
    return { buyer, later, sooner };
  }

  it('pays the oldest due first, issues 002 receipts without gaps, and keeps what is still owed as printed', () => {
    const { buyer, later, sooner } = twoCreditSales();
    const first = f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-03-10', amount: 5_000 });
    expect(first).toMatchObject({
      formattedNumber: '002-000001', amount: 5_000, advance: 0, owedAfter: 5_000, accountKind: 'cash',
      amountInWords: 'SON: CINCUENTA CON 00/100 SOLES', buyer: { name: 'Minimarket Doña Julia', documentType: 'ruc' },
      lines: [
        { saleId: sooner.id, amount: 4_000 },
        { saleId: later.id, amount: 1_000 },
      ],
    });
    expect(entryLines(f.db, first.entryId).map((l) => [l.role, l.amount, l.party_id])).toEqual([
      ['cash', 5_000, null], ['receivable_customers', -4_000, buyer], ['receivable_customers', -1_000, buyer],
    ]);
    expect(openSales(f.db, buyer)).toEqual([expect.objectContaining({ saleId: later.id, open: 5_000 })]);
    // As of before the collection both were still owed in full.
    expect(openSales(f.db, buyer, '2026-03-09').map((s) => [s.saleId, s.open])).toEqual([[sooner.id, 4_000], [later.id, 6_000]]);
    const second = f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-03-11', amount: 5_000 });
    expect(second).toMatchObject({ formattedNumber: '002-000002', owedAfter: 0 });
    expect(receivableOf(f.db, buyer)).toBe(0);
    expect(f.api.getSale({ saleId: later.id }).collections.map((c) => c.formattedNumber)).toEqual(['002-000001', '002-000002']);
  });

  it('pays the ticked sales first, and refuses a tick of another buyer, a cash sale or a sale already collected', () => {
    const { buyer, later, sooner } = twoCreditSales();
    const chosen = f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-03-10', amount: 6_000, saleIds: [later.id] });
    expect(chosen.lines).toEqual([expect.objectContaining({ saleId: later.id, amount: 6_000 })]);
    const base = { associationId: f.associationId, partyId: buyer, date: '2026-03-11', amount: 100 };
    expect(refused('collectSale', { ...base, saleIds: [later.id] })).toMatchObject({ code: 'saleCollection.saleSettled', field: 'saleIds.0' });
    expect(refused('collectSale', { ...base, saleIds: [sooner.id, sooner.id] })).toMatchObject({ code: 'saleCollection.saleRepeated', field: 'saleIds.1' });
    const cheese = f.db.prepare('SELECT id FROM products LIMIT 1').get() as { id: number };
    const cash = sell({ partyId: buyer, lines: [{ productId: cheese.id, quantity: KG }] });
    expect(refused('collectSale', { ...base, saleIds: [cash.id] })).toMatchObject({ code: 'saleCollection.saleNotCredit', field: 'saleIds.0' });
    const other = f.buyer('El Tambo');
    expect(refused('collectSale', { ...base, partyId: other, saleIds: [sooner.id] })).toMatchObject({ code: 'saleCollection.saleOtherBuyer', field: 'saleIds.0' });
    expect(refused('collectSale', { ...base, amount: 0 })).toMatchObject({ field: 'amount' });
  });

  it('refuses more than is owed unless confirmed; confirmed, the excess is the buyer\'s advance on 121', () => {
    const { buyer } = twoCreditSales();
    const over = refused('collectSale', { associationId: f.associationId, partyId: buyer, date: '2026-03-10', amount: 12_000 });
    expect(over).toMatchObject({ code: 'saleCollection.exceedsOpen', field: 'amount' });
    expect(over.message).toBe('Se cobran S/ 120.00, pero Minimarket Doña Julia debe S/ 100.00. Confirme si el exceso queda como adelanto del cliente.');
    const confirmed = f.api.collectSale({
      associationId: f.associationId, partyId: buyer, date: '2026-03-10', amount: 12_000, confirmOverpayment: true,
    });
    expect(confirmed).toMatchObject({ advance: 2_000, owedAfter: 0 });
    expect(receivableOf(f.db, buyer)).toBe(-2_000);
    expect(openSales(f.db, buyer)).toEqual([]);
  });

  it('voiding a collection reopens what it paid; prints count, the second is a DUPLICADO', () => {
    const { buyer, sooner } = twoCreditSales();
    const collection = f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-03-10', amount: 4_000 });
    expect(f.api.recordCollectionPrint({ collectionId: collection.id })).toEqual({ copy: 'original', printCount: 1 });
    expect(f.api.recordCollectionPrint({ collectionId: collection.id })).toEqual({ copy: 'duplicado', printCount: 2 });
    const voided = f.api.voidSaleCollection({ collectionId: collection.id, date: '2026-03-12', reason: 'Se registró dos veces' });
    expect(voided).toMatchObject({ status: 'voided', formattedNumber: '002-000001', printCount: 2 });
    expect(openSales(f.db, buyer).map((s) => [s.saleId, s.open])).toContainEqual([sooner.id, 4_000]);
    expect(receivableOf(f.db, buyer)).toBe(10_000);
    expect(refused('voidSaleCollection', { collectionId: collection.id, date: '2026-03-13', reason: 'x' }))
      .toMatchObject({ code: 'saleCollection.alreadyVoided', field: 'collectionId' });
    // The number is kept: the next collection is 002-000002.
    expect(f.api.collectSale({ associationId: f.associationId, partyId: buyer, date: '2026-03-13', amount: 100 }).formattedNumber).toBe('002-000002');
    expect(f.api.listSaleCollections({ associationId: f.associationId }).map((c) => [c.formattedNumber, c.status]))
      .toEqual([['002-000002', 'valid'], ['002-000001', 'voided']]);
  });
});

describe('the list of sales', () => {
  it('pages newest first by (date, id), with filters', () => {
    const cheese = f.product('Queso fresco', { salePrice: 1_000 });
    f.receive(cheese, 100 * KG, 500);
    const buyer = f.buyer('Doña Julia');
    const ids: number[] = [];
    for (let day = 1; day <= 5; day += 1) {
      for (let n = 0; n < 3; n += 1) {
        ids.push(sell({ date: `2026-03-1${day}`, partyId: n === 0 ? buyer : null, lines: [{ productId: cheese, quantity: KG }] }).id);
      }
    }
    const seen: number[] = [];
    let cursor: { date: string; id: number } | null = null;
    do {
      const page: ReturnType<SalesFixture['api']['listSales']> = f.api.listSales({ associationId: f.associationId, limit: 4, cursor });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect(f.api.listSales({ associationId: f.associationId, partyId: buyer }).rows).toHaveLength(5);
    expect(f.api.listSales({ associationId: f.associationId, publicOnly: true, from: '2026-03-15' }).rows.map((r) => r.buyerName))
      .toEqual([null, null]);
    const owed = sell({ date: '2026-03-20', partyId: buyer, payment: 'credit', dueDate: '2026-03-31', lines: [{ productId: cheese, quantity: KG }] });
    f.api.voidSale({ saleId: ids[0]!, date: '2026-03-20', reason: 'Repetida' });
    expect(f.api.listSales({ associationId: f.associationId, status: 'open' }).rows.map((r) => [r.id, r.open])).toEqual([[owed.id, 1_000]]);
    expect(f.api.listSales({ associationId: f.associationId, status: 'voided' }).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(f.api.listSales({ associationId: f.associationId, payment: 'credit' }).rows.map((r) => r.id)).toEqual([owed.id]);
  });
});
