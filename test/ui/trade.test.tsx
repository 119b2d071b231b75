import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

type Engine = ReturnType<typeof startEngine>;

/**
 * A supplier who delivered 620.00 of cheese and yoghurt on credit (due 31/03/2026), and a buyer with
 * two credit sales: 180.00 due 20/01/2026 (50.00 of it collected) and 36.00 due 10/04/2026.
 */
function seedTrade(engine: Engine, day = (iso: string) => iso) {
  const { api } = engine;
  const { associationId, role } = seedAssociation(api);
  const supplier = api.createParty({ associationId, name: 'Lácteos del Valle', kind: 'supplier', documentType: 'none' });
  const buyer = api.createParty({ associationId, name: 'Bodega Ñawi', kind: 'buyer', documentType: 'dni', documentNumber: '41234567' });
  const cheese = api.createProduct({ associationId, name: 'Queso andino', unit: 'kg', category: 'product', salePrice: 1800 });
  const yoghurt = api.createProduct({ associationId, name: 'Yogur de fresa', unit: 'l', category: 'product', salePrice: 650 });
  api.recordPurchase({
    associationId, date: day('2026-01-02'), partyId: supplier.id, documentKind: 'factura', documentNumber: 'F001-77',
    payment: 'credit', dueDate: day('2026-03-31'),
    lines: [
      { productId: cheese.id, quantity: 50_000, unitPrice: 1000, category: 'stock' },
      { productId: yoghurt.id, quantity: 40_000, unitPrice: 300, category: 'stock' },
    ],
  });
  const old = api.recordSale({
    associationId, date: day('2026-01-05'), partyId: buyer.id, documentKind: 'nota_venta', payment: 'credit', dueDate: day('2026-01-20'),
    lines: [{ productId: cheese.id, quantity: 10_000, unitPrice: 1800 }],
  });
  api.recordSale({
    associationId, date: day('2026-03-10'), partyId: buyer.id, documentKind: 'none', payment: 'credit', dueDate: day('2026-04-10'),
    lines: [{ productId: cheese.id, quantity: 2000, unitPrice: 1800 }],
  });
  api.collectSale({ associationId, partyId: buyer.id, date: day('2026-03-12'), amount: 5000, saleIds: [old.id] });
  return { associationId, role, supplierId: supplier.id, buyerId: buyer.id, cheeseId: cheese.id };
}

async function typeDate(user: ReturnType<typeof renderApp>['user'], label: string, text: string) {
  const input = await screen.findByLabelText(label);
  await user.clear(input);
  await user.type(input, text);
}

describe('por pagar y por cobrar', () => {
  it('ages what buyers owe and what is owed to suppliers, and opens a buyer statement with its print', async () => {
    const engine = startEngine();
    const { associationId, buyerId } = seedTrade(engine);
    const { user, prints } = renderApp(`#/a/${associationId}/cuentas-por-pagar-cobrar`, { engine });

    await typeDate(user, 'Al día', '31/03/2026');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    const table = await screen.findByTestId('aging-table');
    await waitFor(() => expect(within(table).getByTestId('aging-total').textContent).toBe('S/ 166.00'));
    expect(within(table).getByTestId('aging-total-notDue').textContent).toBe('S/ 36.00');
    expect(within(table).getByTestId('aging-total-days31to90').textContent).toBe('S/ 130.00');
    expect(within(table).getAllByTestId('aging-party')).toHaveLength(1);

    await user.click(within(table).getByRole('button', { name: 'Estado de cuenta de Bodega Ñawi' }));
    const statement = await screen.findByTestId('party-statement');
    await waitFor(() => expect(within(statement).getByTestId('party-closing').textContent).toBe('S/ 166.00'));
    expect(within(statement).getAllByTestId('party-movement')).toHaveLength(3);
    expect(within(statement).getByText('Nota de venta 001-000001')).toBeTruthy();
    const panel = screen.getByRole('region', { name: 'Estado de cuenta de Bodega Ñawi' });
    await user.click(within(panel).getByRole('button', { name: 'Imprimir' }));
    await waitFor(() => expect(prints).toHaveLength(1));
    expect(prints[0]!.route).toMatch(new RegExp(`^/print/party-statement\\?associationId=${associationId}&partyId=${buyerId}&side=receivable&from=`));

    await user.click(screen.getByRole('link', { name: 'Por pagar' }));
    await typeDate(user, 'Al día', '15/04/2026');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await waitFor(() => expect(screen.getByTestId('aging-total').textContent).toBe('S/ 620.00'));
    expect(screen.getByTestId('aging-total-days1to30').textContent).toBe('S/ 620.00');
    expect(screen.getByRole('button', { name: 'Estado de cuenta de Lácteos del Valle' })).toBeTruthy();
  });
});

describe('libros de compras y ventas', () => {
  it('groups the sales book by product with quantity, amount and average price', async () => {
    const engine = startEngine();
    const { associationId } = seedTrade(engine);
    const { user } = renderApp(`#/a/${associationId}/libros-compras-ventas`, { engine });
    await typeDate(user, 'Desde', '01/01/2026');
    await typeDate(user, 'Hasta', '31/03/2026');
    await user.selectOptions(screen.getByLabelText('Agrupar por'), 'product');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await waitFor(() => expect(screen.getAllByTestId('book-row')).toHaveLength(1));
    const row = screen.getAllByTestId('book-row')[0]!;
    expect(within(row).getByText('Queso andino')).toBeTruthy();
    expect(within(row).getByText('12 kg')).toBeTruthy();
    expect(within(row).getByText('216.00')).toBeTruthy();
    expect(within(row).getByText('S/ 18.00')).toBeTruthy();
    expect(screen.getByTestId('book-total-amount').textContent).toBe('216.00');
  });
});

describe('rendición de cuentas', () => {
  it('says in plain words what there was, what came in and went out, what is left and what is owed', async () => {
    const engine = startEngine();
    const { associationId, role, cheeseId } = seedTrade(engine);
    engine.api.postEntry({ associationId, date: '2026-01-02', description: 'Aporte inicial', lines: [
      { accountId: role('cash'), amount: 50_000 }, { accountId: role('member_capital_contributions'), amount: -50_000 },
    ] });
    engine.api.recordSale({
      associationId, date: '2026-03-05', partyId: null, documentKind: 'none', payment: 'cash',
      lines: [{ productId: cheeseId, quantity: 5000, unitPrice: 1800 }],
    });
    const { user, prints } = renderApp(`#/a/${associationId}/rendicion`, { engine });
    await typeDate(user, 'Desde', '01/03/2026');
    await typeDate(user, 'Hasta', '31/03/2026');
    await user.click(screen.getByRole('button', { name: 'Mostrar' }));
    await waitFor(() => expect(screen.getByTestId('rendicion-start').textContent).toMatch(/^Al 01\/03\/2026 había S\/ 500\.00/));
    const income = screen.getByTestId('rendicion-in');
    expect(within(income).getByText('Ventas al contado').nextSibling?.textContent).toBe('S/ 90.00');
    expect(within(income).getByText('Cobros a compradores').nextSibling?.textContent).toBe('S/ 50.00');
    expect(screen.getByTestId('rendicion-end').textContent).toMatch(/^Al 31\/03\/2026 quedan S\/ 640\.00/);
    expect(screen.getByTestId('rendicion-owed-by').textContent).toBe('La asociación debe S/ 620.00 a 1 proveedor; de eso, S/ 0.00 ya venció.');
    expect(screen.getByTestId('rendicion-owed-to').textContent).toBe('1 comprador debe S/ 166.00 a la asociación; de eso, S/ 130.00 ya venció.');
    expect(screen.getByText(/Caja/, { selector: '[data-testid="rendicion-end"]' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Imprimir' }));
    await waitFor(() => expect(prints).toHaveLength(1));
    expect(prints[0]).toMatchObject({ route: `/print/rendicion?associationId=${associationId}&from=2026-03-01&to=2026-03-31`, paper: 'A4' });
  });
});

describe('inicio: esta semana', () => {
  it('shows what falls due this week to pay and to collect, with links to both', async () => {
    const engine = startEngine();
    // The screen asks for "today" by the computer's clock: build the week around it.
    const today = new Date();
    const shift = (iso: string) => {
      const offsets: Record<string, number> = {
        '2026-01-02': -10, '2026-03-31': 2, '2026-01-05': -9, '2026-01-20': 3, '2026-03-10': -1, '2026-04-10': 40, '2026-03-12': 0,
      };
      return format(addDays(today, offsets[iso] ?? 0), 'yyyy-MM-dd');
    };
    const { associationId } = seedTrade(engine, shift);
    const { user } = renderApp(`#/a/${associationId}/inicio`, { engine });
    const card = await screen.findByTestId('home-week');
    await waitFor(() => expect(within(card).getByTestId('home-week-pay').textContent).toBe('S/ 620.00'));
    expect(within(card).getByTestId('home-week-collect').textContent).toBe('S/ 130.00');
    expect(within(card).getByText(`Bodega Ñawi: S/ 130.00, vence el ${format(addDays(today, 3), 'dd/MM/yyyy')}`)).toBeTruthy();
    await user.click(within(card).getByRole('link', { name: 'Cobrar a clientes' }));
    expect(await screen.findByRole('heading', { name: 'Cobrar a clientes', level: 1 })).toBeTruthy();
  });
});
