import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { AccountPicker } from '../../components/AccountPicker';
import { Field } from '../../components/Field';
import { todayIso } from '../../format/format';
import { BookResult } from './BookResult';
import { monthStart } from './drillDown';
import { DateForm } from './ReportParts';

/** Libro mayor of one account (and its sub-accounts), the current month by default. */
export function LedgerReport({ associationId }: { associationId: number }) {
  const t = useT();
  const titleId = useId();
  const [period, setPeriod] = useState(() => ({ from: monthStart(todayIso()), to: todayIso() }));
  const [chosen, setChosen] = useState<number | null>(null);
  const [accountId, setAccountId] = useState<number | null>(null);
  const [missingAccount, setMissingAccount] = useState(false);
  const accounts = useOperation('listAccounts', { associationId });
  const ledger = useOperation('generalLedger', { associationId, ...period, accountId: accountId ?? 0 },
    { enabled: accountId !== null, placeholderData: keepPreviousData });
  const data = ledger.isError || accountId === null ? undefined : ledger.data;
  return (
    <section className="reports__section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('book.ledgerTitle')}</h2>
      <p>{t('book.ledgerLead')}</p>
      <DateForm
        fields={[{ name: 'from', label: t('reports.from'), initial: period.from }, { name: 'to', label: t('reports.to'), initial: period.to }]}
        engineError={ledger.error}
        onApply={(dates) => {
          setPeriod({ from: dates.from!, to: dates.to! });
          setMissingAccount(chosen === null);
          setAccountId(chosen);
        }}>
        <Field label={t('book.account')} hint={t('book.accountHint')} error={missingAccount ? t('book.chooseAccount') : undefined}>
          <AccountPicker accounts={(accounts.data ?? []).filter((account) => !account.archived)} value={chosen} onChange={setChosen} />
        </Field>
      </DateForm>
      {accountId === null && !missingAccount && <p className="notice">{t('book.chooseAccount')}</p>}
      {data && <BookResult book={data} associationId={associationId} labelledBy={titleId} print="ledger" fileName={`libro-mayor-${data.code}-${data.from}-${data.to}`} />}
      {ledger.isPending && accountId !== null && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
