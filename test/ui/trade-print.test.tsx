import { cleanup, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRINT_READY_ATTRIBUTE } from '../../shared/bridge';
import { renderApp, seedAssociation, startEngine } from './harness';

// The rendición de cuentas and a party's estado de cuenta, printed from the real engine through their
// print routes after a month of dues, purchases, payments, sales, collections and voids recorded by the API.
// The expected figures are added up here from what was recorded, not read back from the engine.

type Engine = ReturnType<typeof startEngine>;

const FROM = '2026-03-01';
const TO = '2026-03-31';
const DUE = 2_000; // each month's dues, per member

/** February leaves S/ 1,520.00 in the caja and S/ 200.00 owed to the dairy; March is the period printed. */
function seedMonth(engine: Engine) {
  const { api } = engine;
  const { associationId, role } = seedAssociation(api);
  const member = (dni: string, givenNames: string, surnames: string, sex: 'F' | 'M') =>
    api.createMember({ associationId, dni, givenNames, surnames, sex, joinedOn: '2025-06-01' }).id;
  const rosa = member('41234501', 'Rosa', 'Quispe Huamán', 'F');
  const juan = member('41234502', 'Juan', 'Mamani Ccori', 'M');
  const wayra = member('41234503', 'Wayra', 'Cusi Yupanqui', 'M');
  api.assignOfficerPost({ associationId, memberId: juan, post: 'presidente', termStart: '2026-01-01' });
  api.assignOfficerPost({ associationId, memberId: rosa, post: 'tesorero', termStart: '2026-01-01' });
  const { types } = api.seedDefaultContributionTypes({ associationId });
  const dues = types.find((type) => type.kind === 'ordinary_due')!;
  for (const period of ['2026-01', '2026-02', '2026-03']) api.generateDues({ associationId, contributionTypeId: dues.id, period, amount: DUE });

  const dairy = api.createParty({ associationId, name: 'Lácteos Núñez S.A.C.', kind: 'supplier', documentType: 'ruc', documentNumber: '20452187664' }).id;
  const buyer = api.createParty({ associationId, name: 'Bodega Ñawi E.I.R.L.', kind: 'buyer', documentType: 'ruc', documentNumber: '20102880138' }).id;
  const cheese = api.createProduct({ associationId, name: 'Queso andino', unit: 'kg', category: 'goods', salePrice: 1_800 }).id;
  const stock = (quantity: number) => [{ productId: cheese, quantity, unitPrice: 1_000, category: 'stock' as const }];

  // Before the period.
  api.postEntry({ associationId, date: '2026-02-02', description: 'Aporte de capital de los socios', lines: [
    { accountId: role('cash'), amount: 150_000 }, { accountId: role('member_capital_contributions'), amount: -150_000 },
  ] });
  api.recordPayment({ associationId, memberId: juan, date: '2026-02-10', amount: DUE });
  api.recordPurchase({
    associationId, date: '2026-02-15', partyId: dairy, documentKind: 'factura', documentNumber: 'F001-90', payment: 'credit',
    dueDate: '2026-03-15', lines: stock(20_000),
  });

  // The period.
  api.recordPurchase({
    associationId, date: '2026-03-02', partyId: dairy, documentKind: 'factura', documentNumber: 'F001-100', payment: 'credit',
    dueDate: TO, lines: stock(50_000),
  });
  api.recordPurchase({
    associationId, date: '2026-03-03', partyId: dairy, documentKind: 'factura', documentNumber: 'F001-101', payment: 'cash',
    lines: [{ description: 'Flete de leche a la planta', amount: 8_000, category: 'transport' }],
  });
  const mistaken = api.recordPurchase({
    associationId, date: '2026-03-04', partyId: dairy, documentKind: 'factura', documentNumber: 'F001-102', payment: 'credit',
    dueDate: TO, lines: [{ description: 'Cuajo y sal', amount: 15_000, category: 'supplies_consumed' }],
  });
  api.voidPurchase({ purchaseId: mistaken.id, date: '2026-03-05', reason: 'Factura registrada dos veces' });
  api.recordPayment({ associationId, memberId: rosa, date: '2026-03-05', amount: 3 * DUE });
  api.recordPayment({ associationId, memberId: juan, date: '2026-03-06', amount: DUE });
  const bounced = api.recordPayment({ associationId, memberId: wayra, date: '2026-03-07', amount: DUE });
  api.voidReceipt({ receiptId: bounced.id, date: '2026-03-08', reason: 'Billete falso' });
  api.recordSale({
    associationId, date: '2026-03-10', partyId: buyer, documentKind: 'nota_venta', payment: 'credit', dueDate: TO,
    lines: [{ productId: cheese, quantity: 10_000 }],
  });
  api.recordSale({ associationId, date: '2026-03-12', partyId: null, documentKind: 'none', payment: 'cash', lines: [{ productId: cheese, quantity: 5_000 }] });
  api.collectSale({ associationId, partyId: buyer, date: '2026-03-15', amount: 10_000 });
  const wrongSale = api.recordSale({
    associationId, date: '2026-03-16', partyId: buyer, documentKind: 'nota_venta', payment: 'credit', dueDate: TO,
    lines: [{ productId: cheese, quantity: 2_000 }],
  });
  api.voidSale({ saleId: wrongSale.id, date: '2026-03-17', reason: 'Pedido cancelado' });
  api.paySupplier({ associationId, partyId: dairy, date: '2026-03-20', amount: 30_000 });
  // Half the caja to the bank: money that changes place, neither income nor expense.
  api.postEntry({ associationId, date: '2026-03-25', description: 'Depósito en el banco', lines: [
    { accountId: role('bank'), amount: 70_000 }, { accountId: role('cash'), amount: -70_000 },
  ] });
  return { api, associationId, dairy, buyer };
}

async function showPrint(engine: Engine, route: string): Promise<string> {
  cleanup();
  renderApp(`#${route}`, { engine });
  await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
  return document.body.textContent ?? '';
}

/** "S/ 1,234.56" → 123456, read the way a person reads it. */
function soles(text: string | null | undefined): number {
  const match = /^(-?)S\/ ([\d,]+)\.(\d{2})$/.exec((text ?? '').trim());
  if (!match) throw new Error(`not an amount: «${text}»`);
  return (match[1] ? -1 : 1) * (Number(match[2]!.replaceAll(',', '')) * 100 + Number(match[3]));
}

const byTestId = (id: string) => {
  const element = document.querySelector(`[data-testid="${id}"]`);
  if (!element) throw new Error(`nothing with data-testid=${id}`);
  return element;
};
const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '');
const bodyRows = (table: Element) => [...table.querySelectorAll('tbody tr')].map(cells);
const footTotal = (table: Element) => soles(cells(table.querySelector('tfoot tr')!).at(-1));

/** A two-column table of words and S/ amounts, as a map; its rows must add up to its printed total. */
function moneyTable(id: string): Map<string, number> {
  const table = byTestId(id);
  const rows = new Map(bodyRows(table).map(([words, amount]) => [words!, soles(amount)]));
  expect([...rows.values()].reduce((sum, amount) => sum + amount, 0), id).toBe(footTotal(table));
  return rows;
}

describe('printing the rendición de cuentas', () => {
  it('shows the cash at the start, what came in and went out by concept, the cash at the end and where it is, on one identity', async () => {
    const engine = startEngine();
    const { api, associationId } = seedMonth(engine);
    const text = await showPrint(engine, `/print/rendicion?associationId=${associationId}&from=${FROM}&to=${TO}`);

    expect(text).toContain("Asociación Sumaq Q'oy");
    expect(text).toContain('RUC 20131312955');
    expect(text).toContain('Rendición de cuentas');
    expect(text).toContain('Del 01/03/2026 al 31/03/2026');
    expect(text).not.toMatch(/undefined|NaN|\b\d{4}-\d{2}-\d{2}\b/);
    // No account codes: the assembly reads plain words.
    const codes = api.listAccounts({ associationId }).filter((a) => ['cash', 'bank', 'payable_suppliers', 'receivable_customers'].includes(a.role ?? ''));
    for (const { code } of codes) expect(text).not.toMatch(new RegExp(`(^|[^\\d,.])${code}([^\\d,.]|$)`));

    // Added up from what was recorded: capital 1,500.00 and Juan's February dues before the period.
    const start = 150_000 + DUE;
    const income = new Map([
      ['Cuotas', 3 * DUE + DUE], // Rosa's three months and Juan's March; Wayra's receipt was voided
      ['Ventas al contado', 5 * 1_800],
      ['Cobros a compradores', 10_000],
    ]);
    const expenses = new Map([
      // The supplier payment settled F001-90 (200.00) and 100.00 of F001-100, both cheese for the store.
      ['Compras: Insumos o productos para el almacén', 30_000],
      ['Compras: Fletes y pasajes', 8_000],
    ]);
    const sum = (rows: Map<string, number>) => [...rows.values()].reduce((a, b) => a + b, 0);
    const end = start + sum(income) - sum(expenses);
    expect(end).toBe(141_000);

    expect(byTestId('print-rendicion-start').querySelector('caption')!.textContent).toBe('1. Dinero al inicio (01/03/2026)');
    expect(byTestId('print-rendicion-end').querySelector('caption')!.textContent).toBe('4. Dinero al final (31/03/2026)');
    expect(moneyTable('print-rendicion-start')).toEqual(new Map([['Caja', start], ['Banco – cuenta corriente', 0]]));
    expect(moneyTable('print-rendicion-in')).toEqual(income);
    expect(moneyTable('print-rendicion-out')).toEqual(expenses);
    expect(moneyTable('print-rendicion-end')).toEqual(new Map([['Caja', end - 70_000], ['Banco – cuenta corriente', 70_000]]));
    // The totals as printed, formatted S/ 1,234.56, and the identity the assembly checks by hand.
    const [printedStart, printedIn, printedOut, printedEnd] = ['start', 'in', 'out', 'end'].map((s) => footTotal(byTestId(`print-rendicion-${s}`)));
    expect(printedStart! + printedIn! - printedOut!).toBe(printedEnd);
    expect(byTestId('print-rendicion-check').textContent)
      .toBe('Al inicio S/ 1,520.00 + entró S/ 270.00 − salió S/ 380.00 = al final S/ 1,410.00.');
    const engineReport = api.rendicionDeCuentas({ associationId, from: FROM, to: TO });
    expect([engineReport.cashAtStart.total, engineReport.income.total, engineReport.expenses.total, engineReport.cashAtEnd.total])
      .toEqual([printedStart, printedIn, printedOut, printedEnd]);

    // Each member: what she paid in the period (the voided receipt not counted) and what she owes at its end.
    const members = bodyRows(byTestId('print-rendicion-members')).map(([name, paid, owes]) => ({
      name, paid: paid ? soles(paid) : 0, owes: owes ? soles(owes) : 0,
    }));
    expect(members).toEqual([
      { name: 'Juan Mamani Ccori', paid: DUE, owes: 3 * DUE - 2 * DUE },
      { name: 'Rosa Quispe Huamán', paid: 3 * DUE, owes: 0 },
      { name: 'Wayra Cusi Yupanqui', paid: 0, owes: 3 * DUE },
    ]);
    const memberTotals = cells(byTestId('print-rendicion-members').querySelector('tfoot tr')!);
    expect(memberTotals.slice(0, 3)).toEqual(['Total', 'S/ 80.00', 'S/ 80.00']);

    // What the association owes (F001-100 less the 100.00 paid on it) and is owed (the sale less the collection).
    expect(text).toContain('La asociación debe S/ 400.00 a 1 proveedor; de eso, S/ 0.00 ya venció.');
    expect(text).toContain('1 comprador debe S/ 80.00 a la asociación; de eso, S/ 0.00 ya venció.');

    // The junta directiva signs: a post without anyone in it still gets its line.
    expect(cells(byTestId('print-rendicion-signatures')).length).toBe(0);
    const signatures = [...byTestId('print-rendicion-signatures').children].map((line) => line.textContent);
    expect(signatures).toEqual(['Juan Mamani CcoriPresidente(a)', 'Rosa Quispe HuamánTesorero(a)', '(cargo sin titular)Fiscal']);
  });

  it('refuses an address without its period or with a malformed day, and says so in Spanish', async () => {
    const engine = startEngine();
    const { associationId } = seedMonth(engine);
    for (const route of [
      `/print/rendicion?associationId=${associationId}&from=${FROM}`,
      `/print/rendicion?from=${FROM}&to=${TO}`,
      `/print/rendicion?associationId=${associationId}&from=01/03/2026&to=${TO}`,
    ]) {
      cleanup();
      renderApp(`#${route}`, { engine });
      await waitFor(() => expect(document.body.textContent).toContain('Faltan datos para imprimir.'));
      expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).not.toBe('true');
    }
  });
});

describe('printing a party\'s estado de cuenta', () => {
  it('lists a supplier\'s documents and payments with a running balance ending on the engine\'s closing, voids shown as such', async () => {
    const engine = startEngine();
    const { api, associationId, dairy } = seedMonth(engine);
    const text = await showPrint(engine, `/print/party-statement?associationId=${associationId}&partyId=${dairy}&side=payable&from=${FROM}&to=${TO}`);
    expect(text).toContain("Asociación Sumaq Q'oy");
    expect(text).toContain('RUC 20131312955');
    expect(text).toContain('Estado de cuenta');
    expect(text).toContain('Del 01/03/2026 al 31/03/2026');
    expect(text).toContain('Proveedor: Lácteos Núñez S.A.C. · RUC 20452187664');

    const [opening, ...rows] = bodyRows(byTestId('print-party-statement'));
    expect(opening).toEqual(['Saldo anterior', 'S/ 200.00']);
    const movements = rows.map(([date, document, concept, , increase, decrease, balance]) => ({
      date, document, voided: concept!.startsWith('Anulación'), increase: increase ? soles(increase) : 0, decrease: decrease ? soles(decrease) : 0,
      balance: soles(balance),
    }));
    expect(movements.map(({ date, document, voided, increase, decrease }) => [date, document, voided, increase - decrease])).toEqual([
      ['02/03/2026', 'Factura F001-100', false, 50_000],
      ['03/03/2026', 'Factura F001-101', false, 8_000],
      ['03/03/2026', 'Recibo de egreso 001-000001', false, -8_000], // paid at once
      ['04/03/2026', 'Factura F001-102', false, 15_000],
      ['05/03/2026', 'Factura F001-102', true, -15_000], // its void, under the same number
      ['20/03/2026', 'Recibo de egreso 001-000002', false, -30_000],
    ]);
    // Every printed balance is the one before it plus this row's purchase less its payment.
    let running = soles(opening![1]);
    for (const m of movements) {
      running += m.increase - m.decrease;
      expect(m.balance, `${m.date} ${m.document}`).toBe(running);
    }
    const statement = api.partyStatement({ associationId, partyId: dairy, side: 'payable', from: FROM, to: TO });
    expect(running).toBe(20_000 + 50_000 + 15_000 - 15_000 - 30_000 + 8_000 - 8_000);
    expect(running).toBe(statement.closing);
    expect(footTotal(byTestId('print-party-statement'))).toBe(statement.closing);
    expect(byTestId('print-party-closing').textContent).toBe('La asociación debe a Lácteos Núñez S.A.C.: S/ 400.00');
    // What is still pending: F001-100 alone; the voided factura is owed by no one.
    const pending = [...document.querySelectorAll('table')].find((table) => table.querySelector('caption')?.textContent === 'Comprobantes pendientes');
    expect(bodyRows(pending!)).toEqual([['Factura F001-100', '02/03/2026', '31/03/2026', '', 'S/ 400.00']]);
    expect(statement.pending.map((d) => d.open)).toEqual([50_000 - (30_000 - 20_000)]);
  });

  it('prints a buyer\'s account with the nota de venta, the partial collection and the voided sale netting nothing', async () => {
    const engine = startEngine();
    const { api, associationId, buyer } = seedMonth(engine);
    const text = await showPrint(engine, `/print/party-statement?associationId=${associationId}&partyId=${buyer}&side=receivable&from=${FROM}&to=${TO}`);
    expect(text).toContain('Comprador: Bodega Ñawi E.I.R.L. · RUC 20102880138');
    const [opening, ...rows] = bodyRows(byTestId('print-party-statement'));
    expect(opening).toEqual(['Saldo anterior', 'S/ 0.00']);
    expect(rows.map(([date, document, concept, due, sale, collection, balance]) => [date, document, concept!.startsWith('Anulación'), due, sale, collection, balance]))
      .toEqual([
        ['10/03/2026', 'Nota de venta 001-000001', false, '31/03/2026', 'S/ 180.00', '', 'S/ 180.00'],
        ['15/03/2026', 'Recibo de ingreso 002-000001', false, '', '', 'S/ 100.00', 'S/ 80.00'],
        ['16/03/2026', 'Nota de venta 001-000002', false, '31/03/2026', 'S/ 36.00', '', 'S/ 116.00'],
        ['17/03/2026', 'Nota de venta 001-000002', true, '', '', 'S/ 36.00', 'S/ 80.00'],
      ]);
    const statement = api.partyStatement({ associationId, partyId: buyer, side: 'receivable', from: FROM, to: TO });
    expect(statement.closing).toBe(18_000 - 10_000);
    expect(statement.lines).toHaveLength(rows.length);
    expect(footTotal(byTestId('print-party-statement'))).toBe(statement.closing);
    expect(byTestId('print-party-closing').textContent).toBe('Bodega Ñawi E.I.R.L. debe a la asociación: S/ 80.00');
  });

  it('refuses an address without the party, or naming one the association does not have, with a Spanish message', async () => {
    const engine = startEngine();
    const { associationId } = seedMonth(engine);
    renderApp(`#/print/party-statement?associationId=${associationId}&side=payable`, { engine });
    await waitFor(() => expect(document.body.textContent).toContain('Faltan datos para imprimir.'));
    cleanup();
    renderApp(`#/print/party-statement?associationId=${associationId}&partyId=4242&side=payable`, { engine });
    await waitFor(() => expect(document.body.textContent).toContain('No existe ese proveedor o cliente (n.º 4242) en esta asociación.'));
    expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).not.toBe('true');
    cleanup();
    renderApp(`#/print/party-statement?associationId=${associationId}&partyId=1&side=owed`, { engine });
    await waitFor(() => expect(document.body.textContent).toContain('Faltan datos para imprimir.'));
  });
});
