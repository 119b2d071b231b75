import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_CENTIMOS, MAX_LINE_CENTIMOS } from '../shared/money';
import { createLedgerApi, dispatch, type LedgerApi } from './api';
import { tempDatabase, testContext } from './testing/temp-db';

// The largest amounts the operations accept, many times over: every report adds them up exactly
// (compared with BigInt sums), in numbers that stay safe, and none answers an internal error.

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
let associationId: number;
let memberId: number;
const account: Record<'cash' | 'income' | 'expense', number> = { cash: 0, income: 0, expense: 0 };
const expected = { income: 0n, expenses: 0n, charges: 0n, payments: 0n, debitLines: 0n };

const ENTRIES = 300; // each at the document ceiling: ten lines at the line ceiling on each side
const MEMBER_DOCUMENTS = 12;
const big = BigInt(MAX_LINE_CENTIMOS);
const odd = BigInt(MAX_LINE_CENTIMOS - 1); // an odd amount: any rounding would show

beforeAll(() => {
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  associationId = api.createAssociation({ name: 'Asociación Grande', legalForm: 'asociacion', ubigeo: '030601' }).id;
  const accounts = api.listAccounts({ associationId });
  const postable = (prefix: string) => accounts.find((a) => a.postable && a.code.startsWith(prefix))!.id;
  account.cash = accounts.find((a) => a.code === '101')!.id;
  account.income = postable('7');
  account.expense = postable('6');

  const entries = Array.from({ length: ENTRIES }, (_, index) => {
    const income = index % 3 !== 2;
    const amount = index % 2 === 0 ? big : odd;
    const [debit, credit] = income ? [account.cash, account.income] : [account.expense, account.cash];
    const lines = Array.from({ length: 10 }, () => [{ accountId: debit, amount: Number(amount) }, { accountId: credit, amount: -Number(amount) }]).flat();
    if (income) expected.income += 10n * amount;
    else expected.expenses += 10n * amount;
    expected.debitLines += 10n * amount;
    return { date: `2026-03-${String((index % 28) + 1).padStart(2, '0')}`, description: `Movimiento ${index + 1}`, lines };
  });
  api.postEntries({ associationId, entries });

  memberId = api.createMember({
    associationId, dni: '41234567', givenNames: 'Rosa', surnames: 'Quispe', sex: 'F', joinedOn: '2020-01-01',
  }).id;
  const type = api.createContributionType({ associationId, kind: 'extraordinary', name: 'Aporte extraordinario' });
  for (let n = 0; n < MEMBER_DOCUMENTS; n += 1) {
    api.createCharge({ associationId, memberId, contributionTypeId: type.id, date: '2026-04-01', amount: MAX_LINE_CENTIMOS, confirmDuplicate: true });
    api.recordPayment({ associationId, memberId, date: '2026-04-02', amount: MAX_LINE_CENTIMOS });
    expected.charges += big;
    expected.payments += big;
  }
  // The charges are income, the payments cash (both at the line ceiling).
  expected.income += expected.charges;
  expected.debitLines += expected.charges + expected.payments;
});
afterAll(() => env.cleanup());

const safe = (n: number) => expect(Number.isSafeInteger(n)).toBe(true);
const cash = () => expected.income - expected.expenses;

describe('reports over amounts at the ceilings', () => {
  it('trial balance: total debits are the BigInt sum of every debit line', () => {
    const trial = api.trialBalance({ associationId, to: '2026-12-31' });
    safe(trial.totals.debits);
    expect(BigInt(trial.totals.debits)).toBe(expected.debitLines);
    expect(trial.totals.credits).toBe(trial.totals.debits);
  });

  it('balance sheet and income statement: cash and result to the céntimo', () => {
    const sheet = api.balanceSheet({ associationId, date: '2026-12-31' });
    expect(BigInt(sheet.totals.assets)).toBe(cash());
    expect(sheet.totals.liabilitiesAndEquity).toBe(sheet.totals.assets);
    const income = api.incomeStatement({ associationId, from: '2026-01-01', to: '2026-12-31' });
    expect(BigInt(income.income.total)).toBe(expected.income);
    expect(BigInt(income.expenses.total)).toBe(expected.expenses);
    expect(BigInt(income.result)).toBe(expected.income - expected.expenses);
  });

  it('cash book and general ledger: totals and closing balance', () => {
    const book = api.cashBook({ associationId, from: '2026-01-01', to: '2026-12-31', accountId: account.cash });
    expect(BigInt(book.totals.debits) - BigInt(book.totals.credits)).toBe(cash());
    expect(BigInt(book.closing)).toBe(cash());
    expect(book.movements.at(-1)!.balance).toBe(book.closing);
    const ledger = api.generalLedger({ associationId, accountId: account.expense, from: '2026-01-01', to: '2026-12-31' });
    expect(BigInt(ledger.closing)).toBe(expected.expenses);
  });

  it('member statement: charges and payments at the ceiling, nothing owed', () => {
    const statement = api.memberStatement({ associationId, memberId });
    expect(BigInt(statement.totals.charges)).toBe(expected.charges);
    expect(BigInt(statement.totals.payments)).toBe(expected.payments);
    expect(statement.closingBalance).toBe(0);
  });

  it('ODEL summary: income, expenses and cash of the file', () => {
    const summary = api.odelSummary({ from: '2026-01-01', to: '2026-12-31' });
    expect(BigInt(summary.total.income)).toBe(expected.income);
    expect(BigInt(summary.total.expenses)).toBe(expected.expenses);
    expect(BigInt(summary.total.cash)).toBe(cash());
  });

  it('hledger export: its postings add up to the same debits', () => {
    const { content } = api.exportHledgerJournal({ associationId });
    const amounts = [...content.matchAll(/"S\/" (-?)(\d+)\.(\d{2})/g)].map(([, sign, soles, cents]) => (sign ? -1n : 1n) * BigInt(`${soles}${cents}`));
    expect(amounts.filter((a) => a > 0n).reduce((a, b) => a + b, 0n)).toBe(expected.debitLines);
    expect(amounts.reduce((a, b) => a + b, 0n)).toBe(0n);
  });

  it('refuses one céntimo above either ceiling, through a batch too, naming the field', () => {
    const eleven = Array.from({ length: 11 }, () => [{ accountId: account.cash, amount: MAX_LINE_CENTIMOS }, { accountId: account.income, amount: -MAX_LINE_CENTIMOS }]).flat();
    const answer = dispatch(api, 'postEntries', { associationId, entries: [{ date: '2026-05-01', description: 'Demasiado', lines: eleven }] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'money.documentTooLarge' } });
    if (!answer.ok) expect(answer.error.message).toContain('S/ 1,000,000,000.00');
    expect(MAX_DOCUMENT_CENTIMOS).toBe(10 * MAX_LINE_CENTIMOS);
    expect(dispatch(api, 'createCharge', {
      associationId, memberId, contributionTypeId: 1, date: '2026-05-01', amount: MAX_LINE_CENTIMOS + 1,
    })).toMatchObject({ ok: false, error: { code: 'money.lineTooLarge', field: 'amount' } });
  });
});
