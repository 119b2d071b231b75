import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

/** The message a Field shows under its input (the last id in aria-describedby). */
function fieldError(input: HTMLElement): string | null | undefined {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return document.getElementById(ids.at(-1) ?? '')?.textContent;
}

const row = (code: string) => document.querySelector<HTMLTableRowElement>(`tr[data-code="${code}"]`);

async function openChart() {
  const engine = startEngine();
  const { associationId } = seedAssociation(engine.api);
  const harness = renderApp(`#/a/${associationId}/cuentas`, { engine });
  await screen.findByRole('heading', { level: 1, name: 'Plan de cuentas' });
  await screen.findByRole('button', { name: 'Cuenta 10 Caja y bancos' });
  return { ...harness, associationId };
}

describe('plan de cuentas', () => {
  it('starts with the 2-digit accounts and opens a heading to show its sub-accounts', async () => {
    const { user } = await openChart();
    const cash = row('10')!;
    expect(within(cash).getByText('Activo')).toBeTruthy();
    expect(within(cash).getByText('Agrupa subcuentas')).toBeTruthy();
    // The official PCGE wording shows under the plain name when they differ.
    expect(within(cash).getByText('PCGE: Efectivo y equivalentes de efectivo')).toBeTruthy();
    expect(row('101')).toBeNull();

    const toggle = within(cash).getByRole('button', { name: 'Subcuentas de 10 Caja y bancos' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(row('101')!).getByText('Recibe movimientos')).toBeTruthy();
    expect(within(row('101')!).queryByText(/^PCGE:/)).toBeNull(); // "Caja" is also the official name
    expect(row('1041')).toBeNull(); // 104 is still closed

    toggle.focus();
    await user.keyboard('{Enter}');
    expect(row('101')).toBeNull();
    expect(row('40')!.textContent).toContain('Pasivo');
    expect(row('70')!.textContent).toContain('Ingreso');
  });

  it('searches by code prefix or by name without accents, opening everything it finds', async () => {
    const { user } = await openChart();
    const search = screen.getByLabelText('Buscar cuenta');
    await user.type(search, 'depositos');
    expect(row('106')).toBeTruthy();
    expect(row('10')).toBeTruthy(); // its heading comes along
    expect(row('101')).toBeNull();
    expect(row('40')).toBeNull();

    await user.clear(search);
    await user.type(search, '104');
    expect(row('1041')).toBeTruthy();
    expect(row('1042')).toBeTruthy();
    expect(row('106')).toBeNull();

    await user.clear(search);
    await user.type(search, 'zzz');
    expect(await screen.findByText('Ninguna cuenta coincide con «zzz».')).toBeTruthy();
  });

  it('refuses a sub-account code that does not start with the parent code, then adds a good one', async () => {
    const { user, api, associationId } = await openChart();
    const before = api.listAccounts({ associationId }).length;
    await user.type(screen.getByLabelText('Buscar cuenta'), '1041');
    await user.click(screen.getByRole('button', { name: 'Cuenta 1041 Banco – cuenta corriente' }));
    const dialog = screen.getByRole('dialog', { name: 'Cuenta 1041 Banco – cuenta corriente' });
    await user.click(within(dialog).getByRole('button', { name: 'Agregar subcuenta' }));

    const code = within(dialog).getByLabelText('Código de la subcuenta') as HTMLInputElement;
    expect(code.value).toBe('1041');
    expect(document.activeElement).toBe(code);
    await user.clear(code);
    await user.type(code, '2001');
    await user.type(within(dialog).getByLabelText('Nombre de la subcuenta'), 'Banco de la Nación');
    await user.click(within(dialog).getByRole('button', { name: 'Agregar la subcuenta' }));

    expect(await within(dialog).findByText(/debe tener solo dígitos y empezar con el código de la cuenta madre \(1041\)/)).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(fieldError(code)).toMatch(/cuenta madre \(1041\)/);
    expect(api.listAccounts({ associationId })).toHaveLength(before);

    await user.clear(code);
    await user.type(code, '104101');
    await user.click(within(dialog).getByRole('button', { name: 'Agregar la subcuenta' }));
    expect(await within(dialog).findByText('Se agregó la subcuenta 104101 Banco de la Nación.')).toBeTruthy();
    // The parent stopped taking postings: it now groups its sub-account.
    expect(within(dialog).getByText('Agrupa subcuentas')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cerrar' }));

    expect(api.listAccounts({ associationId })).toHaveLength(before + 1);
    expect(api.listAccounts({ associationId, search: '104101' })).toMatchObject([{ name: 'Banco de la Nación', type: 'asset' }]);
    await user.clear(screen.getByLabelText('Buscar cuenta'));
    expect(within(row('104101')!).getByRole('button', { name: 'Cuenta 104101 Banco de la Nación' })).toBeTruthy();
  });

  it('renames an account and keeps showing its official PCGE name', async () => {
    const { user, api, associationId } = await openChart();
    await user.click(within(row('10')!).getByRole('button', { name: /^Subcuentas/ }));
    await user.click(screen.getByRole('button', { name: 'Cuenta 101 Caja' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cambiar nombre' }));
    const name = within(dialog).getByLabelText('Nuevo nombre');
    await user.clear(name);
    await user.click(within(dialog).getByRole('button', { name: 'Guardar el nombre' }));
    expect(fieldError(name)).toBe('Complete el campo «Nuevo nombre».');

    await user.type(name, 'Caja chica de la tesorera');
    await user.click(within(dialog).getByRole('button', { name: 'Guardar el nombre' }));
    expect(await within(dialog).findByText('El nombre ahora es «Caja chica de la tesorera».')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    expect(within(row('101')!).getByText('PCGE: Caja')).toBeTruthy();
    expect(within(row('101')!).getByRole('button', { name: 'Cuenta 101 Caja chica de la tesorera' })).toBe(document.activeElement);
    expect(api.listAccounts({ associationId, search: '101' })[0]).toMatchObject({ name: 'Caja chica de la tesorera', pcgeName: 'Caja' });
  });

  it('archives an account, hides it unless asked, and restores it', async () => {
    const { user, api, associationId } = await openChart();
    const search = screen.getByLabelText('Buscar cuenta');
    await user.type(search, '10');

    // A heading with active sub-accounts cannot be archived: the engine says why.
    await user.click(screen.getByRole('button', { name: 'Cuenta 104 Bancos – cuentas corrientes' }));
    let dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Archivar' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/tiene subcuentas activas; archívelas primero/);
    await user.click(within(dialog).getByRole('button', { name: 'Cerrar' }));

    await user.click(screen.getByRole('button', { name: 'Cuenta 1042 Cuenta de detracciones (Banco de la Nación)' }));
    dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Archivar' }));
    expect(await within(dialog).findByText('Se archivó la cuenta 1042.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Restaurar' })).toBeTruthy();
    expect(api.listAccounts({ associationId, search: '1042' })[0]?.archived).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Cerrar' }));

    expect(row('1042')).toBeNull();
    expect(document.activeElement).toBe(search); // its row is gone, so focus goes somewhere useful
    await user.click(screen.getByLabelText('Mostrar las cuentas archivadas'));
    const archived = row('1042')!;
    expect(archived.className).toContain('is-archived');
    expect(within(archived).getByText('Archivada')).toBeTruthy();

    await user.click(within(archived).getByRole('button', { name: /^Cuenta 1042/ }));
    dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByRole('button', { name: 'Agregar subcuenta' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Restaurar' }));
    expect(await within(dialog).findByText('Se restauró la cuenta 1042.')).toBeTruthy();
    expect(api.listAccounts({ associationId, search: '1042' })[0]?.archived).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Cerrar' }));
    expect(within(row('1042')!).queryByText('Archivada')).toBeNull();
  });
});
