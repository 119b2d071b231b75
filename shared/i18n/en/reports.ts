/** Errors of the financial reports (en). */
export const reportsErrors: Record<string, string> = {
  'report.unbalanced':
    'The statement of financial position at {date} does not balance: assets {assets}, liabilities and equity {liabilitiesAndEquity}. Check the database.',
  'report.notCashAccount': 'The account “{name}” is not a cash or bank account (element 10): choose a cash account.',
};
