import { describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { PRINT_READY_ATTRIBUTE } from '../../shared/bridge';
import { renderApp, seedAssociation, startEngine } from './harness';

// One truth per member: Cobrar, the receipt, the refund of credit, the statement, the consulta
// de socio and Inicio all show the engine's one position of a member.

/** Rosa and Juan each owe January and February dues (S/ 10.00 each, both overdue by now). */
function seedDues() {
  const engine = startEngine();
  const { api } = engine;
  const { associationId } = seedAssociation(api);
  const rosa = api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: "Quispe Q'oy", sex: 'F', joinedOn: '2025-01-10' }).id;
  const juan = api.createMember({ associationId, dni: '41234502', givenNames: 'Juan', surnames: 'Ñahui', sex: 'M', joinedOn: '2025-01-10' }).id;
  const { types } = api.seedDefaultContributionTypes({ associationId });
  const dues = types.find((type) => type.kind === 'ordinary_due')!;
  api.generateDues({ associationId, contributionTypeId: dues.id, period: '2026-01' });
  api.generateDues({ associationId, contributionTypeId: dues.id, period: '2026-02' });
  return { engine, api, associationId, rosa, juan };
}

/** What a receipt says about the member after it: none of it holds once the receipt is voided. */
const noCreditLeft = /Incluye .* a favor|Quedan .* a favor|Saldo pendiente|queda al día/;
const amountInput = () => screen.getByLabelText('Monto recibido (S/)') as HTMLInputElement;
const text = (testId: string) => screen.getByTestId(testId).textContent;

async function openCobrar(setup: ReturnType<typeof seedDues>, memberId: number) {
  const harness = renderApp(`#/a/${setup.associationId}/aportes/cobrar?socio=${memberId}`, { engine: setup.engine });
  await screen.findByTestId('member-position');
  return harness;
}

async function pay(user: ReturnType<typeof renderApp>['user'], amount: string) {
  await user.clear(amountInput());
  await user.type(amountInput(), amount);
  await user.clear(screen.getByLabelText('Fecha'));
  await user.type(screen.getByLabelText('Fecha'), '10/03/2026');
  await user.click(screen.getByRole('button', { name: 'Cobrar y emitir recibo' }));
}

async function showPrint(setup: ReturnType<typeof seedDues>, route: string) {
  cleanup();
  renderApp(`#${route}`, { engine: setup.engine });
  await waitFor(() => expect(document.documentElement.getAttribute(PRINT_READY_ATTRIBUTE)).toBe('true'));
  return document.body.textContent ?? '';
}

describe('cobrar: one truth per member', () => {
  it('"solo lo marcado" sets the amount to the ticked rows and follows every tick', async () => {
    const setup = seedDues();
    const { user, api } = await openCobrar(setup, setup.rosa);
    expect(text('position-owed')).toBe('S/ 20.00');
    expect(text('position-overdue')).toBe('S/ 20.00');
    expect(amountInput().value).toBe('20.00');

    await user.click(screen.getByLabelText('Solo lo marcado'));
    expect(amountInput().value).toBe('');
    const [january, february] = screen.getAllByRole('checkbox');
    await user.click(february!);
    expect(amountInput().value).toBe('10.00');
    await user.click(january!);
    expect(amountInput().value).toBe('20.00');
    await user.click(january!);
    expect(amountInput().value).toBe('10.00');

    await user.clear(screen.getByLabelText('Fecha'));
    await user.type(screen.getByLabelText('Fecha'), '10/03/2026');
    await user.click(screen.getByRole('button', { name: 'Cobrar y emitir recibo' }));
    const panel = await screen.findByRole('region', { name: 'Recibo de ingreso 001-000001' });
    expect(within(panel).getByTestId('receipt-total').textContent).toBe('S/ 10.00');
    const [receipt] = api.listReceipts({ associationId: setup.associationId });
    const stillOpen = api.memberPosition({ associationId: setup.associationId, memberId: setup.rosa }).openCharges;
    // February was paid, January is what is left.
    expect(api.getReceipt({ receiptId: receipt!.id }).lines.map((line) => line.description)).toEqual([expect.stringContaining('02/2026')]);
    expect(stillOpen.map((charge) => charge.description)).toEqual([expect.stringContaining('01/2026')]);
  });

  it('asks before collecting more than is owed, shows the credit that will remain, and cancelling records nothing', async () => {
    const setup = seedDues();
    const { user, api } = await openCobrar(setup, setup.rosa);
    await pay(user, '35');
    const dialog = await screen.findByRole('dialog', { name: '¿Cobrar más de lo que debe?' });
    expect(within(dialog).getByText('Debe S/ 20.00 y está recibiendo S/ 35.00.')).toBeTruthy();
    expect(within(dialog).getByTestId('pay-over-credit').textContent).toBe('Quedará un saldo a favor de S/ 15.00.');

    await user.click(within(dialog).getByRole('button', { name: 'Corregir el monto' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.listReceipts({ associationId: setup.associationId })).toEqual([]);
    expect(document.activeElement).toBe(amountInput());

    await pay(user, '30');
    const again = await screen.findByRole('dialog', { name: '¿Cobrar más de lo que debe?' });
    expect(within(again).getByTestId('pay-over-credit').textContent).toBe('Quedará un saldo a favor de S/ 10.00.');
    await user.click(within(again).getByRole('button', { name: 'Sí, cobrar y dejar el saldo a favor' }));
    const panel = await screen.findByRole('region', { name: 'Recibo de ingreso 001-000001' });
    expect(within(panel).getByText('Quedan S/ 10.00 a favor del socio.')).toBeTruthy();
    expect(api.memberPosition({ associationId: setup.associationId, memberId: setup.rosa })).toMatchObject({ owed: 0, creditAvailable: 1000 });
  });

  it('collects exactly what is owed without asking', async () => {
    const setup = seedDues();
    const { user, api } = await openCobrar(setup, setup.juan);
    await pay(user, '20');
    await screen.findByRole('region', { name: 'Recibo de ingreso 001-000001' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.memberPosition({ associationId: setup.associationId, memberId: setup.juan })).toMatchObject({ owed: 0, creditAvailable: 0 });
  });
});

describe('the receipt: what is still owed, where the money went, who received it', () => {
  it('shows the pending balance, the account and the receiver on screen, on A5 and on the ticket', async () => {
    const setup = seedDues();
    const treasurer = setup.api.createMember({
      associationId: setup.associationId, dni: '41234509', givenNames: 'Misky', surnames: 'Llankaq Condori', sex: 'F', joinedOn: '2025-01-10',
    }).id;
    setup.api.assignOfficerPost({ associationId: setup.associationId, memberId: treasurer, post: 'tesorero', termStart: '2026-01-01' });
    const { user } = await openCobrar(setup, setup.rosa);
    await pay(user, '15');
    const panel = await screen.findByRole('region', { name: 'Recibo de ingreso 001-000001' });
    expect(within(panel).getByText('Saldo pendiente: S/ 5.00')).toBeTruthy();
    expect(within(panel).getByTestId('receipt-account').textContent).toBe('Ingresó a: Caja');
    expect(within(panel).getByTestId('receipt-received-by').textContent).toBe('Recibió: Misky Llankaq Condori');

    const receiptId = setup.api.listReceipts({ associationId: setup.associationId })[0]!.id;
    for (const paper of ['A5', 'ticket80']) {
      const printed = await showPrint(setup, `/print/receipt?receiptId=${receiptId}&paper=${paper}`);
      expect(printed).toContain('Saldo pendiente: S/ 5.00');
      expect(screen.getByText('Ingresó a').nextElementSibling?.textContent).toBe('Caja');
      expect(screen.getByText('Recibió').nextElementSibling?.textContent).toBe('Misky Llankaq Condori');
    }
  });

  it('shows no credit in favour once the receipt that created it is voided, on screen and on paper', async () => {
    const setup = seedDues();
    const { user, api } = await openCobrar(setup, setup.rosa);
    await pay(user, '30');
    await user.click(await screen.findByRole('button', { name: 'Sí, cobrar y dejar el saldo a favor' }));
    const panel = await screen.findByRole('region', { name: 'Recibo de ingreso 001-000001' });
    expect(within(panel).getByText('Quedan S/ 10.00 a favor del socio.')).toBeTruthy();
    expect(within(panel).getByText('Con este pago queda al día.')).toBeTruthy();
    const receiptId = api.listReceipts({ associationId: setup.associationId })[0]!.id;
    expect(await showPrint(setup, `/print/receipt?receiptId=${receiptId}&paper=A5`)).toContain('Incluye S/ 10.00 a favor del socio.');

    api.voidReceipt({ receiptId, date: '2026-03-12', reason: 'Cobrado a otra socia' });
    cleanup();
    renderApp(`#/a/${setup.associationId}/aportes/recibos`, { engine: setup.engine });
    await user.click(await screen.findByRole('button', { name: 'Ver el recibo 001-000001' }));
    const voided = await screen.findByRole('region', { name: 'Recibo de ingreso 001-000001' });
    await within(voided).findByText(/Anulado el 12\/03\/2026/);
    expect(voided.textContent).not.toMatch(noCreditLeft);
    for (const paper of ['A5', 'ticket80']) {
      const printed = await showPrint(setup, `/print/receipt?receiptId=${receiptId}&paper=${paper}`);
      expect(printed).toContain('ANULADO');
      expect(printed).not.toMatch(noCreditLeft);
    }
    expect(api.memberPosition({ associationId: setup.associationId, memberId: setup.rosa })).toMatchObject({ owed: 2000, creditAvailable: 0 });
  });
});

describe('devolución de saldo a favor', () => {
  it('returns credit in cash as a numbered document after confirming, prints it and voids it with a reason', async () => {
    const setup = seedDues();
    const { associationId, rosa, api } = setup;
    api.recordPayment({ associationId, memberId: rosa, date: '2026-03-05', amount: 3000 });
    const { user, prints } = await openCobrar(setup, rosa);
    expect(text('position-credit')).toBe('S/ 10.00');
    await user.click(screen.getByRole('button', { name: 'Devolver saldo a favor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Devolver saldo a favor' });
    const amount = within(dialog).getByLabelText('Monto a devolver (S/)') as HTMLInputElement;
    expect(amount.value).toBe('10.00');

    // More than her credit: the engine refuses beside the amount, nothing is recorded.
    await user.clear(amount);
    await user.type(amount, '50');
    await user.type(within(dialog).getByLabelText('Motivo'), 'Pagó de más en marzo');
    await user.clear(within(dialog).getByLabelText('Fecha'));
    await user.type(within(dialog).getByLabelText('Fecha'), '14/03/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Revisar la devolución' }));
    await user.click(within(dialog).getByRole('button', { name: 'Sí, devolver S/ 50.00' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Monto a devolver (S/)').getAttribute('aria-invalid')).toBe('true'));
    expect(api.listCreditRefunds({ associationId })).toEqual([]);

    const corrected = within(dialog).getByLabelText('Monto a devolver (S/)');
    await user.clear(corrected);
    await user.type(corrected, '10');
    await user.click(within(dialog).getByRole('button', { name: 'Revisar la devolución' }));
    expect(within(dialog).getByText("¿Entregar S/ 10.00 a Rosa Quispe Q'oy, de Caja?")).toBeTruthy();
    expect(within(dialog).getByText('Su saldo a favor quedará en S/ 0.00.')).toBeTruthy();
    // "Corregir" goes back to the form and records nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Corregir' }));
    expect(api.listCreditRefunds({ associationId })).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Revisar la devolución' }));
    await user.click(within(dialog).getByRole('button', { name: 'Sí, devolver S/ 10.00' }));

    const panel = await screen.findByRole('region', { name: 'Devolución de saldo a favor 001-000001' });
    expect(within(panel).getByTestId('refund-amount').textContent).toBe('S/ 10.00');
    expect(api.memberPosition({ associationId, memberId: rosa }).creditAvailable).toBe(0);
    const [refund] = api.listCreditRefunds({ associationId, memberId: rosa });
    expect(refund).toMatchObject({ formattedNumber: '001-000001', amount: 1000, status: 'valid' });

    await user.click(within(panel).getByRole('button', { name: 'Imprimir (A5)' }));
    await waitFor(() => expect(prints).toHaveLength(1));
    expect(prints[0]).toMatchObject({ route: `/print/credit-refund?refundId=${refund!.id}`, paper: 'A5', target: 'printer' });
    // The recibo de egreso of the same money, printed from the refund; a second paper copy is a DUPLICADO.
    const [voucher] = api.listPaymentVouchers({ associationId }).filter((v) => v.kind === 'member_refund');
    expect(within(panel).getByTestId('refund-voucher').textContent).toContain(`recibo de egreso ${voucher!.formattedNumber}`);
    await user.click(within(panel).getByRole('button', { name: 'Imprimir recibo de egreso (A5)' }));
    await waitFor(() => expect(prints).toHaveLength(2));
    expect(prints[1]).toMatchObject({ route: `/print/payment-voucher?id=${voucher!.id}&size=a5`, paper: 'A5', target: 'printer' });
    await waitFor(() => expect(api.getPaymentVoucher({ voucherId: voucher!.id }).printCount).toBe(1));

    await user.click(within(panel).getByRole('button', { name: 'Anular la devolución' }));
    await user.type(within(panel).getByLabelText('Motivo'), 'No se entregó el dinero');
    await user.clear(within(panel).getByLabelText('Fecha de anulación'));
    await user.type(within(panel).getByLabelText('Fecha de anulación'), '14/03/2026');
    await user.click(within(panel).getByRole('button', { name: 'Anular' }));
    expect(await within(panel).findByText(/Anulada el .*: No se entregó el dinero/)).toBeTruthy();
    expect(api.memberPosition({ associationId, memberId: rosa }).creditAvailable).toBe(1000);
  });

  it('prints the refund on A5 with its number, the amount in words and both signatures; ANULADO once voided', async () => {
    const setup = seedDues();
    const { associationId, rosa, api } = setup;
    api.recordPayment({ associationId, memberId: rosa, date: '2026-03-05', amount: 4500 });
    const refund = api.refundCredit({ associationId, memberId: rosa, date: '2026-03-20', amount: 2500, reason: 'Pagó de más' });
    let printed = await showPrint(setup, `/print/credit-refund?refundId=${refund.id}`);
    expect(printed).toContain('DEVOLUCIÓN DE SALDO A FAVOR');
    expect(printed).toContain('N° 001-000001');
    expect(printed).toContain('SON: VEINTICINCO CON 00/100 SOLES');
    expect(screen.getByText('Entregamos a').nextElementSibling?.textContent).toBe("Rosa Quispe Q'oy");
    expect(screen.getByText('Salió de').nextElementSibling?.textContent).toBe('Caja');
    expect(printed).toContain('Entregué conforme');
    expect(printed).toContain('Recibí conforme');
    expect(printed).not.toContain('ANULADO');

    api.voidCreditRefund({ refundId: refund.id, date: '2026-03-21', reason: 'Error de monto' });
    printed = await showPrint(setup, `/print/credit-refund?refundId=${refund.id}`);
    expect(printed).toContain('ANULADO');
    expect(printed).toContain('Anulado el 21/03/2026: Error de monto');
    expect(printed).toContain('N° 001-000001');
  });

  it('is offered from the statement too, and lists the refunds made', async () => {
    const setup = seedDues();
    const { associationId, rosa, api } = setup;
    api.recordPayment({ associationId, memberId: rosa, date: '2026-03-05', amount: 3000 });
    api.refundCredit({ associationId, memberId: rosa, date: '2026-03-06', amount: 400, reason: 'Pidió una parte' });
    const { user } = renderApp(`#/a/${associationId}/socios/${rosa}/estado`, { engine: setup.engine });
    await screen.findByTestId('member-position');
    expect(text('position-credit')).toBe('S/ 6.00');
    await user.click(screen.getByRole('button', { name: 'Ver la devolución 001-000001' }));
    expect(await screen.findByRole('region', { name: 'Devolución de saldo a favor 001-000001' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Devolver saldo a favor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Devolver saldo a favor' });
    expect((within(dialog).getByLabelText('Monto a devolver (S/)') as HTMLInputElement).value).toBe('6.00');
  });
});

describe('a member who left', () => {
  it('can still be chosen in Cobrar while she holds credit, to take it back; one who left settled cannot', async () => {
    const setup = seedDues();
    const { associationId, rosa, juan, api } = setup;
    api.recordPayment({ associationId, memberId: juan, date: '2026-03-05', amount: 3000 });
    api.recordPayment({ associationId, memberId: rosa, date: '2026-03-05', amount: 2000 });
    api.memberLeaves({ associationId, memberId: juan, leftOn: '2026-03-10', reason: 'Se mudó a Lima' });
    api.memberLeaves({ associationId, memberId: rosa, leftOn: '2026-03-10', reason: 'Se mudó a Cusco' });
    const { user } = renderApp(`#/a/${associationId}/aportes/cobrar`, { engine: setup.engine });
    const option = await screen.findByRole('option', { name: 'Ñahui, Juan — 41234502 (ya no es socio/a)' });
    expect(screen.queryByRole('option', { name: /Quispe/ })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Socio'), option);
    await screen.findByTestId('member-position');
    expect(text('position-credit')).toBe('S/ 10.00');
    expect(screen.getByRole('button', { name: 'Devolver saldo a favor' })).toBeTruthy();
  });
});

describe('the same figures everywhere', () => {
  it('Cobrar, the statement, the consulta de socio and Inicio agree with the engine for the same member', async () => {
    const setup = seedDues();
    const { associationId, rosa, juan, api, engine } = setup;
    api.recordPayment({ associationId, memberId: rosa, date: '2026-03-05', amount: 1500 });
    api.recordPayment({ associationId, memberId: juan, date: '2026-03-05', amount: 2500 });
    const rosaPosition = api.memberPosition({ associationId, memberId: rosa });
    const juanPosition = api.memberPosition({ associationId, memberId: juan });
    expect(rosaPosition).toMatchObject({ owed: 500, overdue: 500, creditAvailable: 0, net: 500 });
    expect(juanPosition).toMatchObject({ owed: 0, overdue: 0, creditAvailable: 500, net: -500 });

    const figures = () => [text('position-owed'), text('position-overdue'), text('position-credit')];
    const rosaFigures = ['S/ 5.00', 'S/ 5.00', 'S/ 0.00'];
    const juanFigures = ['S/ 0.00', 'S/ 0.00', 'S/ 5.00'];

    // Cobrar
    await openCobrar(setup, rosa);
    expect(figures()).toEqual(rosaFigures);
    expect(amountInput().value).toBe('5.00');
    cleanup();
    await openCobrar(setup, juan);
    expect(figures()).toEqual(juanFigures);
    cleanup();

    // Estado de cuenta
    renderApp(`#/a/${associationId}/socios/${rosa}/estado`, { engine });
    await screen.findByTestId('member-position');
    expect(figures()).toEqual(rosaFigures);
    expect(text('statement-balance-figure')).toBe('Debe S/ 5.00');
    cleanup();
    renderApp(`#/a/${associationId}/socios/${juan}/estado`, { engine });
    await screen.findByTestId('member-position');
    expect(figures()).toEqual(juanFigures);
    expect(text('statement-balance-figure')).toBe('A favor S/ 5.00');
    cleanup();

    // Consulta de socio
    const lookup = renderApp(`#/consulta/${associationId}`, { engine });
    await lookup.user.type(await screen.findByLabelText('Su DNI'), '41234501{Enter}');
    await screen.findByTestId('member-position');
    expect(figures()).toEqual(rosaFigures);
    expect(text('statement-balance-figure')).toBe('Debe S/ 5.00');
    await lookup.user.click(screen.getAllByRole('button', { name: 'Consultar otro DNI' })[0]!);
    await lookup.user.type(await screen.findByLabelText('Su DNI'), '41234502{Enter}');
    await screen.findByTestId('member-position');
    expect(figures()).toEqual(juanFigures);
    expect(text('statement-balance-figure')).toBe('A favor S/ 5.00');
    cleanup();

    // Inicio: Rosa is the only member behind, by her overdue amount; Juan's credit hides nobody's debt.
    renderApp(`#/a/${associationId}/inicio`, { engine });
    await waitFor(() => expect(text('home-arrears')).toBe('1'));
    expect(screen.getByText('Deben S/ 5.00 en total')).toBeTruthy();
  });
});
