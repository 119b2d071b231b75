import { afterEach, expect, it } from 'vitest';
import fc from 'fast-check';
import { fiscalYearOf } from '../journal/post';
import { fiscalYearBounds } from '../closing/years';
import { dayBefore, fiscalYearStart } from './common';
import { reportsFixture, type ReportsFixture } from './testing';

// Entries over several fiscal years (any start month), the finished years closed oldest first (one
// sometimes reopened and posted into again): for any period inside one fiscal year, the trial
// balance equals an oracle summed over every journal line, agrees account by account with the
// balance sheet and the income statement, and the libro mayor opens where the trial balance does.

const roles = [
  'cash', 'bank', 'receivable_customers', 'equipment', 'payable_suppliers', 'loans_payable', 'member_capital_contributions',
  'accumulated_results', 'purchases_supplies', 'transport_expense', 'financial_expense', 'sales_products', 'dues_income',
  'financial_income',
] as const;

const base = Date.UTC(2023, 0, 1);
const isoDay = (day: number) => new Date(base + day * 86_400_000).toISOString().slice(0, 10);
const TODAY = '2026-03-15'; // the fixture's clock

const entry = fc.record({
  day: fc.integer({ min: 0, max: 1094 }), // 2023-01-01 .. 2025-12-31
  debit: fc.constantFrom(...roles),
  credit: fc.constantFrom(...roles),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
});

let fixture: ReportsFixture | undefined;
afterEach(() => fixture?.env.cleanup());

interface Line { accountId: number; type: string; date: string; amount: number; entryId: number; sourceType: string | null }

it('trial balance, libro mayor, balance sheet and income statement agree in every fiscal year, closed or not', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.array(entry, { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 0, max: 4 }),
      fc.boolean(),
      fc.array(fc.record({ to: fc.integer({ min: 0, max: 1300 }), offset: fc.integer({ min: 0, max: 400 }), atYearEnd: fc.boolean() }),
        { minLength: 1, maxLength: 4 }),
      (startMonth, entries, closeCount, reopenLast, periods) => {
        fixture?.env.cleanup();
        const f = (fixture = reportsFixture({ fiscalYearStartMonth: startMonth }));
        const { api, associationId, env } = f;
        for (const e of entries) {
          if (e.debit !== e.credit) f.post(isoDay(e.day), 'Movimiento', [[e.debit, e.amount], [e.credit, -e.amount]]);
        }
        // Close the finished years oldest first; maybe reopen the last one and post into it.
        const closed: number[] = [];
        for (let year = fiscalYearOf(isoDay(0), startMonth); closed.length < closeCount; year += 1) {
          const bounds = fiscalYearBounds(year, startMonth);
          if (bounds.to >= TODAY) break;
          api.closeFiscalYear({ associationId, fiscalYear: year });
          closed.push(year);
        }
        const last = closed.at(-1);
        if (reopenLast && last !== undefined) {
          const { to } = fiscalYearBounds(last, startMonth);
          api.reopenFiscalYear({ associationId, fiscalYear: last, date: to, reason: 'Corrección' });
          f.post(to, 'Venta olvidada', [['cash', 777], ['sales_products', -777]]);
        }

        const accounts = api.listAccounts({ associationId });
        const byId = new Map(accounts.map((a) => [a.id, a]));
        const lines = env.db.prepare(
          `SELECT l.account_id AS accountId, a.type, l.date, l.amount, l.entry_id AS entryId, e.source_type AS sourceType
             FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id JOIN accounts a ON a.id = l.account_id`,
        ).all() as Line[];
        const closings = env.db.prepare('SELECT fiscal_year AS year, entry_id AS entryId, void_entry_id AS voidId FROM fiscal_year_closings')
          .all() as { year: number; entryId: number | null; voidId: number | null }[];
        const isResult = (type: string) => type === 'income' || type === 'expense';
        const results591 = f.role('accumulated_results');
        const results592 = f.role('accumulated_losses');

        for (const period of periods) {
          // Half the periods end on a fiscal year's last day: the day its closing entry is dated.
          const to = period.atYearEnd ? fiscalYearBounds(fiscalYearOf(isoDay(period.to), startMonth), startMonth).to : isoDay(period.to);
          const toDay = Math.round((Date.parse(to) - base) / 86_400_000);
          const yearStart = fiscalYearStart(to, startMonth);
          const fromDay = Math.max(0, toDay - period.offset);
          const from = isoDay(fromDay) < yearStart ? yearStart : isoDay(fromDay);
          const year = fiscalYearOf(to, startMonth);
          const leftOut = new Set(closings.filter((c) => c.year === year).flatMap((c) => [c.entryId, c.voidId]));

          // The oracle: every line, income and expenses from the year's start, earlier results in 591/592.
          const oracle = new Map<number, { opening: number; debits: number; credits: number }>();
          const at = (id: number) => oracle.get(id) ?? oracle.set(id, { opening: 0, debits: 0, credits: 0 }).get(id)!;
          let carried = 0;
          for (const l of lines) {
            if (l.date > to || leftOut.has(l.entryId)) continue;
            if (isResult(l.type) && l.date < yearStart) { carried += l.amount; continue; }
            const sum = at(l.accountId);
            if (l.date < from) sum.opening += l.amount;
            else if (l.amount > 0) sum.debits += l.amount;
            else sum.credits -= l.amount;
          }
          if (carried !== 0) at(carried < 0 ? results591 : results592).opening += carried;

          const trial = api.trialBalance({ associationId, from, to });
          const expected = [...oracle].filter(([, s]) => s.opening !== 0 || s.debits !== 0 || s.credits !== 0)
            .map(([id, s]) => ({ accountId: id, ...s, closing: s.opening + s.debits - s.credits }))
            .sort((a, b) => a.accountId - b.accountId);
          const got = trial.rows.map((r) => ({ accountId: r.accountId, opening: r.opening, debits: r.debits, credits: r.credits, closing: r.closing }))
            .sort((a, b) => a.accountId - b.accountId);
          expect(got).toEqual(expected);
          expect(trial.totals.debits).toBe(trial.totals.credits);
          expect(trial.totals.debitBalances).toBe(trial.totals.creditBalances);
          const closingOf = (id: number) => trial.rows.find((r) => r.accountId === id)?.closing ?? 0;
          const openingOf = (id: number) => trial.rows.find((r) => r.accountId === id)?.opening ?? 0;

          // Balance sheet at `to`: every balance account as in the trial balance; 59 with the computed prior results.
          const sheet = api.balanceSheet({ associationId, date: to, comparative: false });
          const groups = [sheet.assets.current, sheet.assets.nonCurrent, sheet.liabilities.current, sheet.liabilities.nonCurrent, sheet.equity]
            .flatMap((s) => s.groups);
          const shown = new Map(groups.flatMap((g) => g.accounts).map((r) => [r.accountId, r.amount]));
          for (const account of accounts) {
            if (!account.postable || isResult(account.type) || account.id === results591 || account.id === results592) continue;
            const sign = account.type === 'asset' ? 1 : -1;
            expect(shown.get(account.id) ?? 0).toBe(sign * closingOf(account.id) + 0);
          }
          const priorResults = groups.find((g) => g.key === 'priorResults')?.amount ?? 0;
          const periodResult = groups.find((g) => g.key === 'periodResult')!.amount;
          expect((shown.get(results591) ?? 0) + (shown.get(results592) ?? 0) + priorResults)
            .toBe(0 - (closingOf(results591) + closingOf(results592)));

          // Income statement of the year to date: its accounts are the trial balance's, closings never counted.
          const statement = api.incomeStatement({ associationId, from: yearStart, to, comparative: false });
          expect(statement.result).toBe(periodResult);
          const stated = new Map([...statement.income.groups, ...statement.expenses.groups].flatMap((g) => g.accounts)
            .map((r) => [r.accountId, byId.get(r.accountId)!.type === 'income' ? -r.amount : r.amount]));
          const movements = new Map<number, number>();
          for (const l of lines) {
            if (isResult(l.type) && l.date >= yearStart && l.date <= to && l.sourceType !== 'closing' && l.sourceType !== 'closing_void') {
              movements.set(l.accountId, (movements.get(l.accountId) ?? 0) + l.amount);
            }
          }
          for (const account of accounts.filter((a) => a.postable && isResult(a.type))) {
            expect(stated.get(account.id) ?? 0).toBe(movements.get(account.id) ?? 0);
            expect(closingOf(account.id)).toBe(movements.get(account.id) ?? 0);
          }
          if (from > yearStart) {
            const before = api.incomeStatement({ associationId, from: yearStart, to: dayBefore(from), comparative: false });
            expect(before.result).toBe(0 - accounts.filter((a) => a.postable && isResult(a.type)).reduce((s, a) => s + openingOf(a.id), 0));
          }

          // Libro mayor of 59 and of one income account open where the trial balance does.
          const heading59 = accounts.find((a) => a.code === '59')!;
          expect(api.generalLedger({ associationId, accountId: heading59.id, from, to }).opening)
            .toBe(openingOf(results591) + openingOf(results592));
          const sales = f.role('sales_products');
          expect(api.generalLedger({ associationId, accountId: sales, from, to }).opening).toBe(openingOf(sales));
        }
      },
    ),
    { numRuns: 30 },
  );
});
