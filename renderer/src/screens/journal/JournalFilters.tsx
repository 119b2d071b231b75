import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../../shared/results';
import { useT } from '../../app/settings';
import { AccountPicker } from '../../components/AccountPicker';
import { Field } from '../../components/Field';
import { formatDate, parseDisplayDate } from '../../format/format';
import type { JournalFilter } from './useJournalPages';

type Criteria = Pick<JournalFilter, 'from' | 'to' | 'accountId' | 'text'>;

interface JournalFiltersProps {
  accounts: readonly AccountView[];
  value: Criteria;
  onChange(next: Criteria): void;
}

/** A typed date is applied once it reads as dd/mm/aaaa; until then it is marked, and the list keeps its last filter. */
function DateFilter({ label, value, onChange }: { label: string; value: string | null | undefined; onChange(iso: string | null): void }) {
  const t = useT();
  const [text, setText] = useState(value ? formatDate(value) : '');
  useEffect(() => setText(value ? formatDate(value) : ''), [value]);
  const invalid = text.trim() !== '' && parseDisplayDate(text) === null;
  return (
    <Field label={label} hint={t('form.dateHint')} error={invalid ? t('form.dateInvalid') : undefined}>
      <input type="text" inputMode="numeric" value={text} onChange={(event) => {
        setText(event.target.value);
        const trimmed = event.target.value.trim();
        if (trimmed === '') onChange(null);
        else {
          const iso = parseDisplayDate(trimmed);
          if (iso) onChange(iso);
        }
      }} />
    </Field>
  );
}

export function JournalFilters({ accounts, value, onChange }: JournalFiltersProps) {
  const t = useT();
  const [text, setText] = useState(value.text ?? '');
  // Search as the user types, after a pause. Driven by the keystroke, not by an
  // effect: an effect re-running on every navigation could keep re-applying a stale filter.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  useEffect(() => () => clearTimeout(pending.current), []);
  const applyText = (next: string) => {
    clearTimeout(pending.current);
    latest.current.onChange({ ...latest.current.value, text: next.trim() || null });
  };
  const typeText = (next: string) => {
    setText(next);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => applyText(next), 300);
  };
  return (
    <fieldset className="filters">
      <legend>{t('journal.filters')}</legend>
      <div className="form-row">
        <DateFilter label={t('journal.from')} value={value.from} onChange={(from) => onChange({ ...value, from })} />
        <DateFilter label={t('journal.to')} value={value.to} onChange={(to) => onChange({ ...value, to })} />
        <Field label={t('journal.account')} hint={t('journal.accountHint')}>
          <AccountPicker accounts={accounts} value={value.accountId ?? null} onChange={(accountId) => onChange({ ...value, accountId })} />
        </Field>
        <Field label={t('journal.text')}>
          <input type="search" value={text} onChange={(event) => typeText(event.target.value)} onKeyDown={(event) => {
            // Enter searches at once, without waiting for the pause.
            if (event.key === 'Enter') applyText(text);
          }} />
        </Field>
      </div>
      <button type="button" onClick={() => { clearTimeout(pending.current); setText(''); onChange({ from: null, to: null, accountId: null, text: null }); }}>
        {t('journal.clearFilters')}
      </button>
    </fieldset>
  );
}
