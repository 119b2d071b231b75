/** Errors of the financial reports (en). */
export const reportsErrors: Record<string, string> = {
  'report.unbalanced':
    'The statement of financial position at {date} does not balance: assets {assets}, liabilities and equity {liabilitiesAndEquity}. Check the database.',
  'report.notCashAccount': 'The account “{name}” is not a cash or bank account (element 10): choose a cash account.',
  // Closing a fiscal year (db/closing/). Codes a trigger raises carry no placeholders.
  'closing.alreadyClosed': 'The year {year} is already closed (closing of {date}). To close it again, reopen it first.',
  'closing.yearNotEnded': 'The year {year} ends on {to}: it can be closed from the next day on.',
  'closing.earlierYearOpen': 'Close the year {year} first: years are closed in order, oldest first.',
  'closing.laterYearClosed': 'A later year is already closed: years are closed oldest first and reopened newest first.',
  'closing.dateOutsideYear': 'The closing date ({date}) must fall within the year {year}: from {from} to {to}.',
  'closing.entriesAfterDate':
    'The year {year} has movements up to {last}, after {date}: the closing must be dated on or after its last movement.',
  'closing.locked':
    'The date {date} is in a locked period (up to {lockDate}). Move the lock date back in Settings, with a reason, to close or reopen the year.',
  'closing.notClosed': 'The year {year} is not closed: there is nothing to reopen.',
  'closing.reopenDate': 'Reopening the year {year} must be dated between {from} (the closing) and {to} (the end of the year).',
  'closing.notFound': 'That closing of the year {year} does not exist.',
  'closing.noResultsAccount': 'The chart of accounts has no accumulated results account {name}: the year’s result cannot be carried.',
  'closing.immutable': 'A year’s closing is never changed or deleted: it is only undone by reopening the year.',
  'closing.entryMismatch': 'A closing movement is recorded only by closing the year, and undone only by reopening it.',
  'closing.dateNotInYear': 'A closing must be dated within the year it closes.',
  'closing.reopenNotInYear': 'Reopening a year must be dated between its closing and the end of that year.',
  'closing.reopenReasonRequired': 'Reopening a year must give its reason.',
  'entry.yearClosed': 'That year is closed: no movements are recorded in it. To correct it, reopen it in Settings with a reason.',
};
