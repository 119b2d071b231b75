import { afterEach, expect, it } from 'vitest';
import fc from 'fast-check';
import { reportsFixture, type ReportsFixture } from './testing';

// Whatever is posted or reversed, on any fiscal-year start, the balance sheet balances at any date,
// its period result is the income statement of the fiscal year to date, and the cash book closes at
// the accounts' balance.

const roles = [
  'cash', 'bank', 'receivable_customers', 'inventory_supplies', 'equipment', 'accumulated_depreciation', 'payable_suppliers',
  'loans_payable', 'deferred_grants', 'member_capital_contributions', 'accumulated_results', 'purchases_supplies',
  'transport_expense', 'financial_expense', 'cost_of_sales', 'sales_products', 'dues_income', 'financial_income',
] as const;

const isoDay = (day: number) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);

const entry = fc.record({
  day: fc.integer({ min: 0, max: 900 }),
  debit: fc.constantFrom(...roles),
  credit: fc.constantFrom(...roles),
  amount: fc.integer({ min: 1, max: 10_000_000 }),
  reverseAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
});

let fixture: ReportsFixture | undefined;
afterEach(() => fixture?.env.cleanup());

it('the balance sheet always balances, with reversals and any fiscal-year start', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }), fc.array(entry, { minLength: 1, maxLength: 25 }), fc.array(fc.integer({ min: 0, max: 1300 }), { minLength: 1, maxLength: 4 }),
      (startMonth, entries, reportDays) => {
        fixture?.env.cleanup();
        const f = (fixture = reportsFixture({ fiscalYearStartMonth: startMonth }));
        for (const e of entries) {
          if (e.debit === e.credit) continue;
          const id = f.post(isoDay(e.day), 'Asiento de prueba', [[e.debit, e.amount], [e.credit, -e.amount]]);
          if (e.reverseAfter !== null) f.api.reverseEntry({ entryId: id, date: isoDay(e.day + e.reverseAfter), reason: 'Prueba' });
        }
        for (const day of reportDays) {
          const date = isoDay(day);
          const sheet = f.api.balanceSheet({ associationId: f.associationId, date });
          expect(sheet.totals.assets).toBe(sheet.totals.liabilitiesAndEquity);
          expect(sheet.totals.priorAssets).toBe(sheet.totals.priorLiabilitiesAndEquity);
          const statement = f.api.incomeStatement({ associationId: f.associationId, from: sheet.fiscalYearStart, to: date, comparative: false });
          expect(statement.result).toBe(sheet.equity.groups.find((g) => g.key === 'periodResult')!.amount);
          const book = f.api.cashBook({ associationId: f.associationId, from: isoDay(0), to: date });
          const cash = f.api.accountBalances({ associationId: f.associationId, date }).find((b) => b.code === '10')!.balance;
          expect(book.closing).toBe(cash);
          expect(book.movements.at(-1)?.balance ?? book.opening).toBe(cash);
        }
      },
    ),
    { numRuns: 40 },
  );
});
