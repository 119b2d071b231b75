import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

// Aportes: mistakes a treasurer can undo, and the dues form (issue 11, classes 2 and 7).

function seed(engine: ReturnType<typeof startEngine>) {
  const { associationId } = seedAssociation(engine.api);
  const rosa = engine.api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: "Quispe Q'oy", sex: 'F', joinedOn: '2025-01-10' });
  const { types } = engine.api.seedDefaultContributionTypes({ associationId });
  const typeId = (kind: string) => types.find((t) => t.kind === kind)!.id;
  return { associationId, rosa, typeId };
}

describe('aportes: generating dues', () => {
  it('shows the dues type chosen in the Cuota list, and says "1 cuota" for one', async () => {
    const engine = startEngine();
    const { associationId, typeId } = seed(engine);
    const { user, api } = renderApp(`#/a/${associationId}/aportes`, { engine });
    const panel = await screen.findByRole('region', { name: 'Generar las cuotas de un periodo' });
    const select = within(panel).getByLabelText('Cuota') as HTMLSelectElement;
    expect(select.value).toBe(String(typeId('ordinary_due')));
    expect(select.selectedOptions[0]?.textContent).toBe('Cuota ordinaria mensual');
    const period = within(panel).getByLabelText('Periodo (mm/aaaa)');
    await user.clear(period);
    await user.type(period, '02/2026');
    await user.click(within(panel).getByRole('button', { name: 'Generar cuotas' }));
    expect(await within(panel).findByText('Se generó 1 cuota por S/ 10.00. 0 ya existían.')).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Generar cuotas' }));
    expect(await within(panel).findByText('Se generaron 0 cuotas por S/ 0.00. 1 ya existía.')).toBeTruthy();
    expect(api.listCharges({ associationId })).toMatchObject([{ date: '2026-02-01', dueDate: '2026-02-28' }]);
  });

  it("sets a dues type's due rule, and the dues generated fall due by it", async () => {
    const engine = startEngine();
    const { associationId, typeId } = seed(engine);
    const { user, api } = renderApp(`#/a/${associationId}/aportes`, { engine });
    const types = await screen.findByRole('region', { name: 'Tipos de aporte' });
    await user.click(await within(types).findByRole('button', { name: 'Cambiar «Cuota ordinaria mensual»' }));
    await user.selectOptions(within(types).getByLabelText('Vence'), 'day_of_month');
    await user.type(within(types).getByLabelText('Día del mes (1 a 31)'), '10');
    await user.click(within(types).getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(api.listContributionTypes({ associationId }).find((t) => t.id === typeId('ordinary_due'))).toMatchObject({ dueRule: 'day_of_month', dueValue: 10 }));
    expect(await within(types).findByText(/mensual, vence el día 10/)).toBeTruthy();
    api.generateDues({ associationId, contributionTypeId: typeId('ordinary_due'), period: '2026-04' });
    expect(api.listCharges({ associationId })[0]).toMatchObject({ date: '2026-04-01', dueDate: '2026-04-10' });
  });
});

describe('aportes: charges', () => {
  it('clears the charge form after saving and asks before recording the same charge again', async () => {
    const engine = startEngine();
    const { associationId, rosa, typeId } = seed(engine);
    const { user, api } = renderApp(`#/a/${associationId}/aportes`, { engine });
    const panel = await screen.findByRole('region', { name: 'Cargo a un socio' });
    const fill = async () => {
      await within(panel).findByRole('option', { name: /Quispe Q'oy, Rosa/ });
      await user.selectOptions(within(panel).getByLabelText('Socio'), String(rosa.id));
      await user.selectOptions(within(panel).getByLabelText('Concepto'), String(typeId('fine')));
      await user.clear(within(panel).getByLabelText('Monto (S/)'));
      await user.type(within(panel).getByLabelText('Monto (S/)'), '20');
      await user.click(within(panel).getByRole('button', { name: 'Registrar el cargo' }));
    };
    await fill();
    expect(await within(panel).findByText("Se registró el cargo de S/ 20.00 a Rosa Quispe Q'oy.")).toBeTruthy();
    expect((within(panel).getByLabelText('Monto (S/)') as HTMLInputElement).value).toBe('');
    expect((within(panel).getByLabelText('Concepto') as HTMLSelectElement).value).toBe('');
    expect((within(panel).getByLabelText('Socio') as HTMLSelectElement).value).toBe('');

    await fill();
    const question = await within(panel).findByRole('alertdialog');
    expect(question.textContent).toContain("Ya registró «Multa por inasistencia» a Rosa Quispe Q'oy hoy. ¿Registrar el cargo otra vez?");
    await user.click(within(question).getByRole('button', { name: 'No' }));
    expect(api.listCharges({ associationId })).toHaveLength(1);

    await user.click(within(panel).getByRole('button', { name: 'Registrar el cargo' }));
    await user.click(await within(panel).findByRole('button', { name: 'Sí, registrarlo otra vez' }));
    await waitFor(() => expect(api.listCharges({ associationId })).toHaveLength(2));
  });

  it('voids a charge and an in-kind contribution with a reason; both stay listed as ANULADO', async () => {
    const engine = startEngine();
    const { associationId, rosa, typeId } = seed(engine);
    const fine = engine.api.createCharge({ associationId, memberId: rosa.id, contributionTypeId: typeId('fine'), date: '2026-03-01', amount: 2000, description: 'Multa por inasistencia a la asamblea' });
    const work = engine.api.recordInKindContribution({ associationId, memberId: rosa.id, contributionTypeId: typeId('in_kind'), date: '2026-03-02', description: 'Faena del canal', value: 3000 });
    const { user, api } = renderApp(`#/a/${associationId}/aportes`, { engine });
    const panel = await screen.findByRole('region', { name: 'Corregir los cargos y aportes de un socio' });
    await within(panel).findByRole('option', { name: /Quispe Q'oy, Rosa/ });
    await user.selectOptions(within(panel).getByLabelText('Socio'), String(rosa.id));

    await user.click(await within(panel).findByRole('button', { name: 'Anular «Multa por inasistencia a la asamblea» del 01/03/2026' }));
    const form = within(panel).getByRole('form', { name: 'Anular «Multa por inasistencia a la asamblea» (S/ 20.00)' });
    await user.click(within(form).getByRole('button', { name: 'Anular' }));
    expect(within(form).getByLabelText('Motivo').getAttribute('aria-invalid')).toBe('true');
    expect(api.listCharges({ associationId })).toHaveLength(1);
    await user.type(within(form).getByLabelText('Motivo'), 'Sí asistió a la asamblea');
    await user.click(within(form).getByRole('button', { name: 'Anular' }));
    expect(await within(panel).findByText(/el \d\d\/\d\d\/\d{4}: Sí asistió a la asamblea/)).toBeTruthy();
    expect(within(panel).getByText('Se anuló «Multa por inasistencia a la asamblea».')).toBeTruthy();
    expect(api.listCharges({ associationId, includeVoided: true })[0]).toMatchObject({ id: fine.id, voided: { reason: 'Sí asistió a la asamblea' } });
    expect(api.listCharges({ associationId })).toEqual([]);

    await user.click(within(panel).getByRole('button', { name: 'Anular el aporte «Faena del canal» del 02/03/2026' }));
    const inKindForm = within(panel).getByRole('form', { name: 'Anular el aporte en especie «Faena del canal» (S/ 30.00)' });
    await user.type(within(inKindForm).getByLabelText('Motivo'), 'Era de otra socia');
    await user.click(within(inKindForm).getByRole('button', { name: 'Anular' }));
    expect(await within(panel).findByText(/: Era de otra socia/)).toBeTruthy();
    expect(within(panel).getAllByText('ANULADO')).toHaveLength(2);
    expect(api.listInKindContributions({ associationId })[0]).toMatchObject({ id: work.id, voided: { reason: 'Era de otra socia' } });
  });

  it('offers a member who has left, so a charge recorded while she was a member can still be voided', async () => {
    const engine = startEngine();
    const { associationId, rosa, typeId } = seed(engine);
    engine.api.createCharge({ associationId, memberId: rosa.id, contributionTypeId: typeId('fine'), date: '2026-03-01', amount: 2000, description: 'Multa por inasistencia' });
    engine.api.memberLeaves({ associationId, memberId: rosa.id, leftOn: '2026-03-10', reason: 'Se mudó a Lima' });
    const { user } = renderApp(`#/a/${associationId}/aportes`, { engine });
    const panel = await screen.findByRole('region', { name: 'Corregir los cargos y aportes de un socio' });
    await within(panel).findByRole('option', { name: /Quispe Q'oy, Rosa/ });
    await user.selectOptions(within(panel).getByLabelText('Socio'), String(rosa.id));
    expect(await within(panel).findByRole('button', { name: 'Anular «Multa por inasistencia» del 01/03/2026' })).toBeTruthy();
  });
});
