import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { memberMaker, renderApp, seedAssociation, startEngine } from './harness';

type Engine = ReturnType<typeof startEngine>;

/** Four members, fresh milk bought at S/ 1.20 a litre from March, and the collection of 09/03 from three of them. */
function seedMilk(engine: Engine) {
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const member = memberMaker(api, associationId);
  const rosa = member('41234501', 'Rosa', 'Quispe Mamani', 'F');
  const juana = member('41234502', 'Juana', 'Ccori Huamán', 'F');
  const pedro = member('41234503', 'Pedro', 'Ñahui Condori', 'M');
  const elena = member('41234504', 'Elena', 'Taipe Roque', 'F');
  const milk = api.createProduct({ associationId, name: 'Leche fresca', unit: 'l', category: 'raw_material', salePrice: null });
  api.setAcopioPrice({ associationId, productId: milk.id, validFrom: '2026-03-01', price: 120 });
  api.recordAcopioDay({
    associationId, productId: milk.id, date: '2026-03-09',
    rows: [{ memberId: rosa, quantity: 10_000 }, { memberId: juana, quantity: 7_000 }, { memberId: pedro, quantity: 5_000 }],
  });
  return { associationId, milkId: milk.id, rosa, juana, pedro, elena };
}

describe('acopio: a day typed with the keyboard alone', () => {
  it("lists yesterday's members, takes quantities with Enter, adds a member by name, and saves the sheet", async () => {
    const engine = startEngine();
    const { associationId, milkId, rosa, juana, elena } = seedMilk(engine);
    const { user, api } = renderApp(`#/a/${associationId}/acopio`, { engine });

    const date = await screen.findByLabelText('Fecha del acopio');
    await user.clear(date);
    await user.type(date, '10/03/2026');
    // Yesterday's three members are on the grid, with no quantity yet; the price is shown.
    const first = await screen.findByLabelText(/^Cantidad de .*Rosa.*, fila 1$/);
    expect(screen.getByTestId('acopio-prices').textContent).toContain('S/ 1.20 por l');
    await user.click(first);
    await user.keyboard('12{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText(/^Cantidad de .*Juana.*, fila 2$/));
    await user.keyboard('8.5{Enter}');
    // Pedro brought nothing today: Enter on his empty cell goes on to the blank last row's name.
    expect(document.activeElement).toBe(screen.getByLabelText(/^Cantidad de .*Pedro.*, fila 3$/));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('Socio, fila 4'));
    expect(screen.getByTestId('acopio-total-quantity').textContent).toBe('20.5');
    expect(screen.getByTestId('acopio-total-value').textContent).toBe('S/ 24.60');

    // A member who did not come yesterday is typed by name (accents and case do not matter).
    await user.keyboard('elena{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Cantidad de .*Elena.*, fila 4$/)));
    await user.keyboard('4{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Socio, fila 5')));
    expect(screen.getByTestId('acopio-total-quantity').textContent).toBe('24.5');
    expect(screen.getByTestId('acopio-total-value').textContent).toBe('S/ 29.40');
    expect(screen.getByTestId('acopio-amount-4').textContent).toBe('S/ 4.80');

    // Arrow up keeps the column; Enter on the blank last row's name goes to "Guardar", Enter saves.
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByLabelText(/^Socio, fila 4$/));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Guardar el acopio' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Se guardó el acopio: 3 socios, 24.5 l, S/ 29.40.')).toBeTruthy();

    const grid = api.acopioDay({ associationId, productId: milkId, date: '2026-03-10' });
    expect(grid.day?.rows.map((r) => [r.memberId, r.quantity, r.amount])).toEqual([[rosa, 12_000, 1440], [juana, 8_500, 1020], [elena, 4_000, 480]]);
    expect(grid.day?.total).toBe(2940);
  });

  it('marks a member typed twice and an unknown name, and saves nothing', async () => {
    const engine = startEngine();
    const { associationId, milkId } = seedMilk(engine);
    const { user, api } = renderApp(`#/a/${associationId}/acopio`, { engine });

    const date = await screen.findByLabelText('Fecha del acopio');
    await user.clear(date);
    await user.type(date, '10/03/2026');
    await user.click(await screen.findByLabelText('Socio, fila 4'));
    await user.keyboard('rosa{Enter}');
    expect(await screen.findByText(/ya está en otra fila/)).toBeTruthy();
    await user.clear(screen.getByLabelText(/^Socio, fila 4$/));
    await user.keyboard('Marcelina{Enter}');
    expect(await screen.findByText(/No hay un socio activo «Marcelina»/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Guardar el acopio' }));
    expect(await screen.findByText('Corrija las casillas marcadas; no se guardó nada.')).toBeTruthy();
    expect(api.acopioDay({ associationId, productId: milkId, date: '2026-03-10' }).day).toBeNull();
  });

  it('opens a recorded day with its rows and corrects it in one step', async () => {
    const engine = startEngine();
    const { associationId, milkId, rosa, juana, pedro } = seedMilk(engine);
    const { user, api } = renderApp(`#/a/${associationId}/acopio`, { engine });
    // The last days recorded are listed under the grid; a date opens its sheet.
    await user.click(await screen.findByRole('button', { name: 'Abrir el acopio del 09/03/2026' }));
    expect((screen.getByLabelText('Fecha del acopio') as HTMLInputElement).value).toBe('09/03/2026');
    expect(await screen.findByText(/Este día ya está registrado: 3 socios, 22 l, S\/ 26.40/)).toBeTruthy();
    const juanaCell = screen.getByLabelText(/^Cantidad de .*Juana.*, fila 2$/) as HTMLInputElement;
    expect(juanaCell.value).toBe('7');
    await user.click(juanaCell);
    await user.keyboard('9{Enter}');
    await user.type(screen.getByLabelText('Motivo de la corrección'), 'Faltaron dos litros');
    await user.click(screen.getByRole('button', { name: 'Corregir el acopio' }));
    expect(await screen.findByText('Se guardó el acopio: 3 socios, 24 l, S/ 28.80.')).toBeTruthy();
    const day = api.acopioDay({ associationId, productId: milkId, date: '2026-03-09' }).day;
    expect(day?.rows.map((r) => [r.memberId, r.quantity])).toEqual([[rosa, 10_000], [juana, 9_000], [pedro, 5_000]]);
    expect(day?.replacesDayId).not.toBeNull();
  });

  it('speaks English when asked', async () => {
    const engine = startEngine();
    const { associationId } = seedMilk(engine);
    const { user } = renderApp(`#/a/${associationId}/acopio`, { engine, settings: { locale: 'en' } });
    const date = await screen.findByLabelText('Collection date');
    await user.clear(date);
    await user.type(date, '10/03/2026');
    expect(await screen.findByLabelText(/^Quantity of .*Rosa.*, row 1$/)).toBeTruthy();
    expect(screen.getByTestId('acopio-prices').textContent).toContain('S/ 1.20 per l');
    expect(screen.getByRole('button', { name: 'Save the collection' })).toBeTruthy();
  });
});
