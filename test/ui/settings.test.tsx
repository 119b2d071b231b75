import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

function fieldError(input: HTMLElement): string | null | undefined {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return document.getElementById(ids.at(-1) ?? '')?.textContent;
}

async function openSettings() {
  const engine = startEngine();
  const { associationId } = seedAssociation(engine.api);
  const harness = renderApp(`#/a/${associationId}/configuracion`, { engine });
  await screen.findByRole('heading', { level: 2, name: 'Fecha de cierre' });
  return { ...harness, associationId };
}

const sidebarLabels = async () =>
  within(await screen.findByRole('navigation')).getAllByRole('link').map((link) => link.textContent);

describe('configuración', () => {
  it("shows the association's details read-only", async () => {
    await openSettings();
    const facts = screen.getByRole('region', { name: 'Datos de la asociación' });
    const pairs = Object.fromEntries(
      [...facts.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(pairs).toEqual({
      Nombre: "Asociación Sumaq Q'oy",
      RUC: '20131312955',
      'Forma jurídica': 'Asociación',
      Distrito: 'Chincheros',
      Provincia: 'Chincheros',
      Departamento: 'Apurímac',
      'El año contable empieza en': 'enero',
    });
    expect(within(facts).queryByRole('textbox')).toBeNull();
    expect(screen.getByTestId('current-lock-date').textContent).toBe('Sin fecha de cierre: se puede registrar en cualquier fecha.');
  });

  it('switches the whole UI to English and back, and remembers it on this laptop', async () => {
    const { user } = await openSettings();
    expect((await sidebarLabels()).slice(0, 2)).toEqual(['Inicio', 'Socios']);

    await user.selectOptions(screen.getByLabelText('Idioma'), 'English');
    expect((await sidebarLabels()).slice(0, 3)).toEqual(['Home', 'Members', 'Contributions']);
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Lock date' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(JSON.parse(window.localStorage.getItem('khipu.settings') ?? '{}')).toMatchObject({ locale: 'en' });

    await user.selectOptions(screen.getByLabelText('Language'), 'Español');
    expect((await sidebarLabels()).slice(0, 2)).toEqual(['Inicio', 'Socios']);
    expect(document.documentElement.lang).toBe('es-PE');
  });

  it('turns larger text on and off', async () => {
    const { user } = await openSettings();
    const box = screen.getByRole('checkbox', { name: 'Texto más grande' });
    expect(document.documentElement.classList.contains('larger-text')).toBe(false);
    await user.click(box);
    expect(document.documentElement.classList.contains('larger-text')).toBe(true);
    expect(JSON.parse(window.localStorage.getItem('khipu.settings') ?? '{}')).toMatchObject({ largerText: true });
    await user.click(box);
    expect(document.documentElement.classList.contains('larger-text')).toBe(false);
  });

  it('sets the lock date, refuses to move it back without a reason, then reopens with one', async () => {
    const { user, api, associationId } = await openSettings();
    const date = screen.getByLabelText('Nueva fecha de cierre') as HTMLInputElement;
    const reason = screen.getByLabelText('Motivo') as HTMLInputElement;
    const save = screen.getByRole('button', { name: 'Guardar la fecha de cierre' });

    await user.type(date, '31-01-2026');
    await user.click(save);
    expect(fieldError(date)).toBe('Escriba la fecha como dd/mm/aaaa, por ejemplo 05/03/2026.');
    expect(api.getAssociation({ associationId }).lockDate).toBeNull();

    await user.clear(date);
    await user.type(date, '31/01/2026');
    await user.click(save);
    expect(await screen.findByText('Listo: cerrado hasta el 31/01/2026.')).toBeTruthy();
    expect(screen.getByTestId('current-lock-date').textContent).toBe('Cerrado hasta el 31/01/2026.');
    expect(api.getAssociation({ associationId }).lockDate).toBe('2026-01-31');
    expect(date.value).toBe('31/01/2026');

    await user.clear(date);
    await user.type(date, '15/01/2026');
    await user.click(save);
    expect(await screen.findByText(/Para reabrir un periodo indique el motivo/)).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(fieldError(reason)).toMatch(/es anterior a la actual/);
    expect(date.getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(reason);
    expect(api.getAssociation({ associationId }).lockDate).toBe('2026-01-31');

    await user.type(reason, 'Faltaba registrar la cuota de enero de Rosa');
    await user.click(save);
    expect(await screen.findByText('Listo: cerrado hasta el 15/01/2026.')).toBeTruthy();
    expect(api.getAssociation({ associationId }).lockDate).toBe('2026-01-15');
    expect(reason.value).toBe('');

    // Removing the lock is a reopening too.
    await user.clear(date);
    await user.click(save);
    expect(await screen.findByText(/indique el motivo/)).toBeTruthy();
    await user.type(reason, 'Revisión del contador');
    await user.click(save);
    expect(await screen.findByText('Listo: se quitó la fecha de cierre.')).toBeTruthy();
    expect(api.getAssociation({ associationId }).lockDate).toBeNull();
  });
});
