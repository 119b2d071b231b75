/** "2026-00012": the fiscal year and the correlative number, as printed on the books. */
export function formatEntryNumber(entry: { fiscalYear: number; number: number }): string {
  return `${entry.fiscalYear}-${String(entry.number).padStart(5, '0')}`;
}

/** The entry's total: the sum of its debits (debit-positive convention). */
export function entryTotal(lines: readonly { amount: number }[]): number {
  return lines.reduce((sum, line) => (line.amount > 0 ? sum + line.amount : sum), 0);
}
