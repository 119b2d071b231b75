import { format, startOfMonth } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderApp, seedAssociation, startEngine } from './harness';

describe('inicio', () => {
  it("shows cash on hand, this month's dues collected, members behind and a year of income and expenses", async () => {
    const engine = startEngine();
    const { api } = engine;
    const { associationId, role } = seedAssociation(api);
    // The screen asks for "today" by the computer's clock: build this month's figures around it.
    const today = new Date();
    const firstOfMonth = format(startOfMonth(today), 'yyyy-MM-dd');
    const todayIso = format(today, 'yyyy-MM-dd');
    const rosa = api.createMember({ associationId, dni: '41234501', givenNames: 'Rosa', surnames: 'Quispe', sex: 'F', joinedOn: '2025-01-10' });
    api.createMember({ associationId, dni: '41234502', givenNames: 'Juan', surnames: 'Ñahui', sex: 'M', joinedOn: '2025-01-10' });
    api.postEntry({ associationId, date: firstOfMonth, description: 'Aporte inicial', lines: [
      { accountId: role('cash'), amount: 50_000 }, { accountId: role('member_capital_contributions'), amount: -50_000 },
    ] });
    const { types } = api.seedDefaultContributionTypes({ associationId });
    const dues = types.find((t) => t.kind === 'ordinary_due')!;
    api.generateDues({ associationId, contributionTypeId: dues.id, period: firstOfMonth.slice(0, 7), date: firstOfMonth, dueDate: firstOfMonth });
    api.recordPayment({ associationId, memberId: rosa.id, date: todayIso, amount: 1_000 });

    renderApp(`#/a/${associationId}/inicio`, { engine });
    await waitFor(() => expect(screen.getByTestId('home-cash').textContent).toBe('S/ 510.00'));
    expect(screen.getByTestId('home-dues').textContent).toBe('S/ 10.00');
    expect(screen.getByText('de S/ 20.00 (50 %)')).toBeTruthy();
    expect(screen.getByText('Ingresos y gastos de los últimos 12 meses')).toBeTruthy();
    const dashboard = api.dashboard({ associationId, today: todayIso });
    expect(dashboard.months).toHaveLength(12);
    expect(dashboard.months.at(-1)).toMatchObject({ month: firstOfMonth.slice(0, 7), income: 2_000 });
  });
});
