import { useState } from 'react';
import type { JournalEntryView } from '../../../../shared/results';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { Dialog } from '../../components/Dialog';
import { formatDate, formatDateTime, formatMoney } from '../../format/format';
import { formatEntryNumber } from './entryNumber';
import { ReverseForm } from './ReverseForm';

/** The printed number of a linked entry (a reversal or the entry it reverses). */
function useLinkedNumber(entryId: number | null): string | null {
  const linked = useOperation('getEntry', { entryId: entryId ?? 0 }, { enabled: entryId !== null });
  return linked.data ? formatEntryNumber(linked.data) : null;
}

/** Entries a document posted: they are corrected by voiding the document, which keeps its number. */
const DOCUMENT_SOURCES = new Set(['receipt', 'dues', 'charge', 'in_kind']);

export function EntryDetail({ entry, onClose }: { entry: JournalEntryView; onClose(): void }) {
  const t = useT();
  const [reversing, setReversing] = useState(false);
  const [reversedAs, setReversedAs] = useState<string | null>(null);
  const number = formatEntryNumber(entry);
  const postedByDocument = entry.sourceType !== null && DOCUMENT_SOURCES.has(entry.sourceType);
  const reversedBy = useLinkedNumber(entry.reversedByEntryId);
  const reverses = useLinkedNumber(entry.reversesEntryId);
  const debits = entry.lines.reduce((sum, l) => sum + Math.max(l.amount, 0), 0);
  const credits = entry.lines.reduce((sum, l) => sum + Math.max(-l.amount, 0), 0);
  const title = reversing ? t('entry.reverseTitle', { number }) : t('entry.detailTitle', { number });
  return (
    <Dialog title={title} onClose={onClose}>
      <dl className="entry-meta">
        <dt>{t('entry.date')}</dt><dd>{formatDate(entry.date)}</dd>
        <dt>{t('entry.description')}</dt><dd>{entry.description}</dd>
      </dl>
      <p className="subtitle">{t('entry.recordedBy', { who: entry.createdBy, when: formatDateTime(entry.createdAt) })}</p>
      {entry.reversedByEntryId && <p className="notice">{t('entry.reversedBy', { number: reversedBy ?? '…' })}</p>}
      {entry.reversesEntryId && <p className="notice">{t('entry.reverses', { number: reverses ?? '…' })}</p>}
      {/* A document's entry is corrected by voiding the document (its number is kept), never here. */}
      {postedByDocument && <p className="notice">{t('entry.fromDocument')}</p>}
      <table className="data">
        <thead>
          <tr>
            <th>{t('entry.col.account')}</th>
            <th className="num">{t('entry.col.debit')}</th>
            <th className="num">{t('entry.col.credit')}</th>
            <th>{t('entry.col.memo')}</th>
          </tr>
        </thead>
        <tbody>
          {entry.lines.map((line) => (
            <tr key={line.lineNo}>
              <td><span className="code">{line.code}</span> {line.accountName}</td>
              <td className="num">{line.amount > 0 ? formatMoney(line.amount) : ''}</td>
              <td className="num">{line.amount < 0 ? formatMoney(-line.amount) : ''}</td>
              <td>{line.memo}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{t('entry.totals')}</td>
            <td className="num">{formatMoney(debits)}</td>
            <td className="num">{formatMoney(credits)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      {reversedAs && <p className="alert alert--ok" role="status">{t('entry.reverseDone', { number: reversedAs })}</p>}
      {reversing ? (
        <ReverseForm entry={entry} onCancel={() => setReversing(false)} onDone={(posted) => { setReversing(false); setReversedAs(posted); }} />
      ) : (
        <div className="actions">
          {!entry.reversedByEntryId && !entry.reversesEntryId && !reversedAs && !postedByDocument && (
            <button type="button" className="button--danger" onClick={() => setReversing(true)}>{t('entry.reverse')}</button>
          )}
          <button type="button" onClick={onClose}>{t('action.close')}</button>
        </div>
      )}
    </Dialog>
  );
}
