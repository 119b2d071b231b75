import type { FiscalYearClosingView } from '../../shared/operations/closing';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { listAccounts } from '../accounts/service';
import { getAssociation } from '../associations/service';
import { appendAudit, type WriteContext } from '../audit/log';
import { reverseDocumentEntry } from '../contributions/receipts';
import { insertEntry, type NewLine } from '../journal/post';
import { limaToday } from '../members/rules';
import { resultsAccountFor } from '../reports/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import { writeTransaction } from '../storage/write';
import { buildView } from './view';
import {
  checkNotLocked, fiscalYearBounds, hasEntries, latestClosedYear, liveClosing, yearResultBalances, yearsWithEntries,
} from './years';

// Cierre del ejercicio: one marked entry per fiscal year moves every income and expense account's
// balance for the year into results (PCGE 59): a surplus to 591 Excedentes acumulados, a deficit to
// 592 Déficits acumulados. Years close oldest first, only once they have ended, and reopen newest
// first by reversing the closing entry (the document-reversal path: 'closing_void', same source id).

function refuseLaterClosed(db: LedgerDatabase, associationId: number, fiscalYear: number): void {
  const latest = latestClosedYear(db, associationId);
  if (latest !== null && latest > fiscalYear) {
    throw new KhipuError('closing.laterYearClosed', { field: 'fiscalYear' });
  }
}

/** The earliest year before `fiscalYear` with entries and no live closing, if any. */
function earliestOpenYearBefore(db: LedgerDatabase, associationId: number, fiscalYear: number): number | null {
  const span = yearsWithEntries(db, associationId);
  if (!span) return null;
  for (let year = span.first; year < fiscalYear; year += 1) {
    if (hasEntries(db, associationId, year) && !liveClosing(db, associationId, year)) return year;
  }
  return null;
}

export function closeFiscalYear(
  db: LedgerDatabase, context: WriteContext, input: { associationId: number; fiscalYear: number; date?: string | null | undefined },
): FiscalYearClosingView {
  return writeTransaction(db, () => {
    const association = getAssociation(db, input.associationId);
    const { fiscalYear } = input;
    const bounds = fiscalYearBounds(fiscalYear, association.fiscalYearStartMonth);
    const year = { year: fiscalYear, from: displayDate(bounds.from), to: displayDate(bounds.to) };
    const existing = liveClosing(db, input.associationId, fiscalYear);
    if (existing) {
      throw new KhipuError('closing.alreadyClosed', { field: 'fiscalYear', params: { year: fiscalYear, date: displayDate(existing.date) } });
    }
    if (limaToday(context.now()) <= bounds.to) throw new KhipuError('closing.yearNotEnded', { field: 'fiscalYear', params: year });
    refuseLaterClosed(db, input.associationId, fiscalYear);
    const open = earliestOpenYearBefore(db, input.associationId, fiscalYear);
    if (open !== null) throw new KhipuError('closing.earlierYearOpen', { field: 'fiscalYear', params: { year: open } });

    const date = input.date ?? bounds.to;
    if (date < bounds.from || date > bounds.to) {
      throw new KhipuError('closing.dateOutsideYear', { field: 'date', params: { ...year, date: displayDate(date) } });
    }
    checkNotLocked(association.lockDate, date);
    // The closing is the year's last movement: what came after it would stay unclosed.
    const later = prepared(db, 'SELECT date FROM journal_entries WHERE association_id = ? AND date > ? AND date <= ? ORDER BY date DESC LIMIT 1')
      .get(input.associationId, date, bounds.to) as { date: string } | undefined;
    if (later) {
      throw new KhipuError('closing.entriesAfterDate', { field: 'date', params: { ...year, date: displayDate(date), last: displayDate(later.date) } });
    }

    const balances = yearResultBalances(db, input.associationId, bounds);
    const signedResult = balances.reduce((sum, b) => sum + b.amount, 0); // debit positive: a deficit
    const lines: NewLine[] = balances.map((b) => ({ accountId: b.accountId, amount: -b.amount }));
    if (signedResult !== 0) {
      lines.push({ accountId: resultsAccountFor(listAccounts(db, input.associationId), signedResult).id, amount: signedResult });
    }
    const closingId = Number(prepared(db, 'INSERT INTO fiscal_year_closings (association_id, fiscal_year, date, closed_at, closed_by) VALUES (?, ?, ?, ?, ?)')
      .run(input.associationId, fiscalYear, date, context.now().toISOString(), context.actor).lastInsertRowid);
    // A year whose income and expense accounts are all at zero closes without an entry.
    let entryId: number | null = null;
    if (lines.length > 0) {
      entryId = insertEntry(db, context, {
        associationId: input.associationId, date, description: `Cierre del ejercicio ${fiscalYear}`, lines,
        sourceType: 'closing', sourceId: closingId,
      }, { allowArchived: true }).id;
      prepared(db, 'UPDATE fiscal_year_closings SET entry_id = ? WHERE id = ?').run(entryId, closingId);
    }
    appendAudit(db, context, 'closeFiscalYear', input.associationId, {
      fiscalYear, date, closingId, entryId, result: -signedResult, accounts: balances.length,
    });
    return buildView(db, input.associationId, fiscalYear, liveClosing(db, input.associationId, fiscalYear));
  });
}

export function reopenFiscalYear(
  db: LedgerDatabase, context: WriteContext, input: { associationId: number; fiscalYear: number; date: string; reason: string },
): FiscalYearClosingView {
  return writeTransaction(db, () => {
    const association = getAssociation(db, input.associationId);
    const { fiscalYear } = input;
    const closing = liveClosing(db, input.associationId, fiscalYear);
    if (!closing) throw new KhipuError('closing.notClosed', { field: 'fiscalYear', params: { year: fiscalYear } });
    refuseLaterClosed(db, input.associationId, fiscalYear);
    const bounds = fiscalYearBounds(fiscalYear, association.fiscalYearStartMonth);
    // Dated within the closed year, so the reversal gives the year back its own income and expenses.
    if (input.date < closing.date || input.date > bounds.to) {
      throw new KhipuError('closing.reopenDate', {
        field: 'date', params: { year: fiscalYear, from: displayDate(closing.date), to: displayDate(bounds.to) },
      });
    }
    checkNotLocked(association.lockDate, input.date);
    const reason = input.reason.trim();
    const reversal = closing.entry_id === null ? null : reverseDocumentEntry(db, context, closing.entry_id, input.date, {
      description: `Reapertura del ejercicio ${fiscalYear}: ${reason}`, sourceType: 'closing_void', sourceId: closing.id,
    });
    prepared(db, `UPDATE fiscal_year_closings SET voided_on = ?, voided_at = ?, voided_by = ?, void_reason = ?, void_entry_id = ?
                   WHERE id = ?`)
      .run(input.date, context.now().toISOString(), context.actor, reason, reversal?.id ?? null, closing.id);
    appendAudit(db, context, 'reopenFiscalYear', input.associationId, {
      fiscalYear, date: input.date, reason, closingId: closing.id, reversalEntryId: reversal?.id ?? null,
    });
    const voided = prepared(db, 'SELECT * FROM fiscal_year_closings WHERE id = ?').get(closing.id) as Parameters<typeof buildView>[3];
    return buildView(db, input.associationId, fiscalYear, voided);
  });
}
