import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp, startEngine } from './harness';

describe('first-run wizard', () => {
  it('refuses a bad RUC next to the field, writes nothing, then creates the association', async () => {
    const engine = startEngine();
    const { user, api } = renderApp('#/', { engine });
    await user.click(await screen.findByRole('button', { name: /Registrar mi asociación/ }));
    await user.type(screen.getByLabelText('Nombre de la asociación'), "Asociación Señor de Exaltación");
    await user.type(screen.getByLabelText('RUC'), '20131312950');
    await user.type(screen.getByLabelText('Buscar distrito'), 'chincheros');
    await user.click(await screen.findByRole('button', { name: /^Chincheros — Chincheros, Apurímac/ }));
    expect((screen.getByLabelText('Distrito') as HTMLSelectElement).value).toBe('030601');
    await user.click(screen.getByRole('button', { name: 'Crear la asociación' }));

    const ruc = screen.getByLabelText('RUC');
    expect(ruc.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(ruc.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(message?.textContent).toMatch(/dígito verificador/);
    expect(api.listAssociations({})).toEqual([]);

    await user.clear(ruc);
    await user.type(ruc, '20131312955');
    await user.click(screen.getByRole('button', { name: 'Crear la asociación' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Asociación Señor de Exaltación' })).toBeTruthy();
    expect(api.listAssociations({})).toMatchObject([{ name: 'Asociación Señor de Exaltación', ubigeo: '030601', ruc: '20131312955' }]);
  });

  it('asks for the district when none is chosen', async () => {
    const { user, api } = renderApp('#/');
    await user.click(await screen.findByRole('button', { name: /Registrar mi asociación/ }));
    await user.type(screen.getByLabelText('Nombre de la asociación'), 'Comité Tika Pallana');
    await user.click(screen.getByRole('button', { name: 'Crear la asociación' }));
    expect(await screen.findByText(/Indique el ubigeo del distrito/)).toBeTruthy();
    expect(screen.getByLabelText('Distrito').getAttribute('aria-invalid')).toBe('true');
    expect(api.listAssociations({})).toEqual([]);
  });

  it('opens the example association', async () => {
    const { user, api } = renderApp('#/');
    await user.click(await screen.findByRole('button', { name: /Abrir el ejemplo/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /Sumaq Q'oy/ })).toBeTruthy();
    expect(api.listAssociations({})).toHaveLength(1);
  });
});
