import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { memberMaker, renderApp, seedAssociation, startEngine } from './harness';

type Engine = ReturnType<typeof startEngine>;

/**
 * Two members who delivered milk on 02/03 and 03/03 at S/ 1.20 a litre, with a levy of S/ 0.05 a
 * litre; Juana owes a fine of S/ 5.00.
 */
function seedFortnight(engine: Engine) {
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const member = memberMaker(api, associationId);
  const rosa = member('41234501', 'Rosa', 'Quispe Mamani', 'F');
  const juana = member('41234502', 'Juana', 'Ccori Huamán', 'F');
  const milk = api.createProduct({ associationId, name: 'Leche fresca', unit: 'l', category: 'raw_material', salePrice: null });
  api.setAcopioPrice({ associationId, productId: milk.id, validFrom: '2026-03-01', price: 120 });
  const levy = api.createContributionType({ associationId, kind: 'levy_per_unit', name: 'Aporte por litro', unit: 'litro', amountPerUnit: 5 });
  api.setAcopioLevy({ associationId, productId: milk.id, levyTypeId: levy.id, validFrom: '2026-03-01' });
  const fine = api.createContributionType({ associationId, kind: 'fine', name: 'Multa', defaultAmount: 500 });
  api.createCharge({ associationId, memberId: juana, contributionTypeId: fine.id, date: '2026-03-02', dueDate: '2026-03-02', amount: 500, description: 'Multa por tardanza' });
  for (const date of ['2026-03-02', '2026-03-03']) {
    api.recordAcopioDay({ associationId, productId: milk.id, date, rows: [{ memberId: rosa, quantity: 10_000 }, { memberId: juana, quantity: 20_000 }] });
  }
  return { associationId, milkId: milk.id, rosa, juana };
}

describe('acopio: settling a fortnight and paying it', () => {
  it('previews, settles every member at once, and pays them by payment voucher', async () => {
    const engine = startEngine();
    const { associationId, juana } = seedFortnight(engine);
    const { user, api } = renderApp(`#/a/${associationId}/acopio/liquidar`, { engine });

    const from = await screen.findByLabelText('Desde');
    await user.clear(from);
    await user.type(from, '01/03/2026');
    await user.clear(screen.getByLabelText('Hasta'));
    await user.type(screen.getByLabelText('Hasta'), '15/03/2026');
    await user.click(screen.getByRole('button', { name: 'Calcular' }));
    // Rosa: 20 l × 1.20 = 24.00 − 1.00 levy = 23.00. Juana: 40 l × 1.20 = 48.00 − 2.00 − 5.00 fine = 41.00.
    const table = await screen.findByTestId('acopio-settlement-table');
    expect(within(table).getByText('S/ 24.00')).toBeTruthy();
    expect(within(table).getByText('S/ 41.00')).toBeTruthy();
    expect(screen.getByTestId('acopio-net-total').textContent).toBe('S/ 64.00');
    // Nothing is written by the preview.
    expect(api.listSettlements({ associationId }).rows).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Liquidar a los 2 socios' }));
    expect(await screen.findByText('Se hicieron 2 liquidaciones; total a pagar S/ 64.00.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Pagar S/ 64.00 con recibos de egreso' }));
    expect(await screen.findByText('Se hicieron 2 recibos de egreso por S/ 64.00; 0 sin nada que pagar.')).toBeTruthy();

    const list = api.listSettlements({ associationId, from: '2026-03-01', to: '2026-03-15' });
    expect(list.totals).toMatchObject({ gross: 7200, levy: 300, deductions: 500, net: 6400, paid: 6400, unpaid: 0 });
    expect(list.rows.find((r) => r.memberId === juana)).toMatchObject({ gross: 4800, levy: 200, deductions: 500, net: 4100 });
  });

  it("settles a member without her dues when she did not authorise them", async () => {
    const engine = startEngine();
    const { associationId, juana } = seedFortnight(engine);
    const { user, api } = renderApp(`#/a/${associationId}/acopio/liquidar`, { engine });
    const from = await screen.findByLabelText('Desde');
    await user.clear(from);
    await user.type(from, '01/03/2026');
    await user.clear(screen.getByLabelText('Hasta'));
    await user.type(screen.getByLabelText('Hasta'), '15/03/2026');
    await user.click(screen.getByRole('button', { name: 'Calcular' }));
    const box = await screen.findByRole('checkbox', { name: /^Descontar las cuotas de .*Juana/ });
    expect(screen.getByTestId('acopio-net-total').textContent).toBe('S/ 64.00');
    await user.click(box);
    await waitFor(() => expect(screen.getByTestId('acopio-net-total').textContent).toBe('S/ 69.00'));
    await user.click(screen.getByRole('button', { name: 'Liquidar a los 2 socios' }));
    expect(await screen.findByText('Se hicieron 2 liquidaciones; total a pagar S/ 69.00.')).toBeTruthy();
    expect(api.listSettlements({ associationId, memberId: juana }).rows[0]).toMatchObject({ deductions: 0, net: 4600 });
  });

  it('refuses a period that overlaps one already settled, under its date', async () => {
    const engine = startEngine();
    const { associationId, milkId, rosa } = seedFortnight(engine);
    engine.api.settleAcopioPeriod({ associationId, from: '2026-03-01', to: '2026-03-15' });
    engine.api.recordAcopioDay({ associationId, productId: milkId, date: '2026-03-16', rows: [{ memberId: rosa, quantity: 9_000 }] });
    const { user, api } = renderApp(`#/a/${associationId}/acopio/liquidar`, { engine });
    const from = await screen.findByLabelText('Desde');
    await user.clear(from);
    await user.type(from, '10/03/2026');
    await user.clear(screen.getByLabelText('Hasta'));
    await user.type(screen.getByLabelText('Hasta'), '20/03/2026');
    await user.click(screen.getByRole('button', { name: 'Calcular' }));
    await waitFor(() => expect(screen.getByLabelText('Desde').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/ya tiene la liquidación 001-00000\d del 01\/03\/2026 al 15\/03\/2026/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Liquidar a / })).toBeNull();
    expect(api.listSettlements({ associationId }).rows).toHaveLength(2);
  });

  it('lists the settlements of the period and opens one', async () => {
    const engine = startEngine();
    const { associationId } = seedFortnight(engine);
    engine.api.settleAcopioPeriod({ associationId, from: '2026-03-01', to: '2026-03-15' });
    const { user } = renderApp(`#/a/${associationId}/acopio/liquidaciones`, { engine });
    const from = await screen.findByLabelText('Desde');
    await user.clear(from);
    await user.type(from, '01/03/2026');
    await user.clear(screen.getByLabelText('Hasta'));
    await user.type(screen.getByLabelText('Hasta'), '15/03/2026');
    const open = await screen.findByRole('button', { name: /^Abrir la liquidación 001-000002 de / });
    await user.click(open);
    expect(await screen.findByRole('heading', { name: /^Liquidación 001-000002 — / })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Imprimir (A5)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Anular la liquidación' })).toBeTruthy();
  });

  it("prints the period's liquidaciones together, counting each paper copy", async () => {
    const engine = startEngine();
    const { associationId } = seedFortnight(engine);
    const settled = engine.api.settleAcopioPeriod({ associationId, from: '2026-03-01', to: '2026-03-15' });
    const { user, api, prints } = renderApp(`#/a/${associationId}/acopio/liquidaciones`, { engine });
    const from = await screen.findByLabelText('Desde');
    await user.clear(from);
    await user.type(from, '01/03/2026');
    await user.clear(screen.getByLabelText('Hasta'));
    await user.type(screen.getByLabelText('Hasta'), '15/03/2026');
    await user.click(await screen.findByRole('button', { name: 'Imprimir las 2 liquidaciones (A5)' }));
    expect(await screen.findByText('Se enviaron las liquidaciones a la impresora.')).toBeTruthy();
    const ids = settled.settlements.map((s) => s.id);
    expect(prints.at(-1)).toMatchObject({ route: `/print/settlement?ids=${ids.join(',')}&size=a5`, paper: 'A5', target: 'printer' });
    expect(ids.map((settlementId) => api.getSettlement({ settlementId }).printCount)).toEqual([1, 1]);
  });
});

describe('acopio: prices and grades', () => {
  it('sets a graded price on the screen, and the grid asks the grade of each row', async () => {
    const engine = startEngine();
    const { api } = engine;
    const { associationId } = seedAssociation(api);
    const rosa = memberMaker(api, associationId)('41234501', 'Rosa', 'Quispe Mamani', 'F');
    const cuy = api.createProduct({ associationId, name: 'Cuy en pie', unit: 'kg', category: 'raw_material', salePrice: null });
    api.setAcopioPrice({ associationId, productId: cuy.id, grade: 'Primera', validFrom: '2026-03-01', price: 1800 });
    const { user } = renderApp(`#/a/${associationId}/acopio/precios`, { engine });

    await user.type(await screen.findByLabelText('Calidad'), 'Segunda');
    await user.type(screen.getByLabelText('Precio al socio (S/)'), '15');
    await user.clear(screen.getByLabelText('Desde'));
    await user.type(screen.getByLabelText('Desde'), '01/03/2026');
    await user.click(screen.getByRole('button', { name: 'Guardar el precio' }));
    expect(await screen.findByText('Se guardó el precio.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByTestId('acopio-prices-table')).getByText('Segunda')).toBeTruthy());
    expect(api.listAcopioPrices({ associationId, productId: cuy.id }).map((p) => [p.grade, p.price]).sort()).toEqual([['Primera', 1800], ['Segunda', 1500]]);

    await user.click(screen.getByRole('link', { name: 'Acopio del día' }));
    const date = await screen.findByLabelText('Fecha del acopio');
    await user.clear(date);
    await user.type(date, '10/03/2026');
    await user.click(await screen.findByLabelText('Socio, fila 1'));
    await user.keyboard('rosa{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Calidad de .*Rosa.*, fila 1$/)));
    // "seg" is the one grade it starts: Segunda, at S/ 15.00 a kilo.
    await user.keyboard('seg{Enter}2.5{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Socio, fila 2')));
    expect(screen.getByTestId('acopio-amount-1').textContent).toBe('S/ 37.50');
    await user.keyboard('{Enter}{Enter}');
    expect(await screen.findByText('Se guardó el acopio: 1 socio, 2.5 kg, S/ 37.50.')).toBeTruthy();
    const day = api.acopioDay({ associationId, productId: cuy.id, date: '2026-03-10' }).day;
    expect(day?.rows.map((r) => [r.memberId, r.grade, r.quantity, r.amount])).toEqual([[rosa, 'Segunda', 2_500, 3750]]);
  });
});

describe("acopio on the member's statement", () => {
  it('shows her liquidaciones, what was paid and what is still owed to her, on the screen', async () => {
    const engine = startEngine();
    const { associationId, juana } = seedFortnight(engine);
    const settled = engine.api.settleAcopioPeriod({ associationId, from: '2026-03-01', to: '2026-03-15' });
    const hers = settled.settlements.find((s) => s.memberId === juana)!;
    renderApp(`#/a/${associationId}/socios/${juana}/estado`, { engine });
    const table = await screen.findByTestId('statement-acopio');
    expect(within(table).getByText(hers.formattedNumber)).toBeTruthy();
    expect(within(table).getByText('– 15/03/2026')).toBeTruthy();
    expect(within(table).getAllByText('S/ 48.00').length).toBeGreaterThan(0);
    expect(screen.getByTestId('statement-acopio-unpaid').textContent).toBe('S/ 41.00');
  });

  it('prints them under her dues, paid', async () => {
    const engine = startEngine();
    const { associationId, juana } = seedFortnight(engine);
    const settled = engine.api.settleAcopioPeriod({ associationId, from: '2026-03-01', to: '2026-03-15' });
    engine.api.paySettlements({ associationId, settlementIds: settled.settlements.map((s) => s.id), date: '2026-03-15' });
    renderApp(`#/print/statement?associationId=${associationId}&memberId=${juana}&from=2026-03-01&to=2026-03-31`, { engine });
    const table = await screen.findByTestId('statement-acopio');
    expect(within(table).getByText('Acopio y liquidaciones')).toBeTruthy();
    expect(within(table).getAllByText('S/ 41.00').length).toBe(4); // net and paid, on her row and in the total
    expect(screen.getByTestId('statement-acopio-unpaid').textContent).toBe('S/ 0.00');
  });
});
