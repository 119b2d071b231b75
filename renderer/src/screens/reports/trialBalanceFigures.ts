import type { TrialBalance } from '../../../../shared/results';
import { subtractCentimos, sumCentimos } from '../../../../shared/money';

/** The columns of the printed form: each signed balance split into its debit and its credit side. */
export interface TrialBalanceAmounts {
  openingDebit: number;
  openingCredit: number;
  debits: number;
  credits: number;
  closingDebit: number;
  closingCredit: number;
}

export interface TrialBalanceLine extends TrialBalanceAmounts {
  accountId: number;
  code: string;
  name: string;
}

export interface TrialBalanceFigures {
  lines: TrialBalanceLine[];
  totals: TrialBalanceAmounts;
  balanced: boolean;
  /** Always ≥ 0: how far debits are from credits. */
  difference: number;
  /** What the closing debit balances (and, when it balances, the credit ones) add up to: the figure in the totals row. */
  total: number;
}

const abs = (centimos: number) => (centimos < 0 ? subtractCentimos(0, centimos) : centimos);
const debitSide = (signed: number) => (signed > 0 ? signed : 0);
const creditSide = (signed: number) => (signed < 0 ? abs(signed) : 0);

/** Debit-positive convention: a positive balance is a debit balance (deudor), a negative one a credit balance (acreedor). */
export function trialBalanceFigures(balance: TrialBalance): TrialBalanceFigures {
  const lines = balance.rows.map((row) => ({
    accountId: row.accountId,
    code: row.code,
    name: row.name,
    openingDebit: debitSide(row.opening),
    openingCredit: creditSide(row.opening),
    debits: row.debits,
    credits: row.credits,
    closingDebit: debitSide(row.closing),
    closingCredit: creditSide(row.closing),
  }));
  const sum = (key: keyof TrialBalanceAmounts) => sumCentimos(lines.map((line) => line[key]));
  const totals: TrialBalanceAmounts = {
    openingDebit: sum('openingDebit'),
    openingCredit: sum('openingCredit'),
    debits: sum('debits'),
    credits: sum('credits'),
    closingDebit: sum('closingDebit'),
    closingCredit: sum('closingCredit'),
  };
  // The engine's totals are the judge; both checks must hold to the céntimo.
  const { debits, credits, debitBalances, creditBalances } = balance.totals;
  const difference = abs(subtractCentimos(debits, credits)) || abs(subtractCentimos(debitBalances, creditBalances));
  return { lines, totals, balanced: difference === 0, difference, total: debitBalances };
}
