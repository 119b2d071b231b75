import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { Field } from '../../components/Field';
import { todayIso } from '../../format/format';
import { BookResult } from './BookResult';
import { monthStart } from './drillDown';
import { DateForm } from './ReportParts';

/** Libro caja y bancos for the current month by default: all of element 10, or one cash or bank account. */
export function CashBookReport({ associationId }: { associationId: number }) {
  const t = useT();
  const titleId = useId();
  const [period, setPeriod] = useState(() => ({ from: monthStart(todayIso()), to: todayIso() }));
  const [accountId, setAccountId] = useState<number | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const accounts = useOperation('listAccounts', { associationId });
  const cashAccounts = (accounts.data ?? []).filter((account) => account.code.startsWith('10') && account.code !== '10' && !account.archived);
  const book = useOperation('cashBook', { associationId, ...period, accountId }, { placeholderData: keepPreviousData });
  const data = book.isError ? undefined : book.data;
  return (
    <section className="reports__section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('book.cashTitle')}</h2>
      <p>{t('book.cashLead')}</p>
      <DateForm
        fields={[{ name: 'from', label: t('reports.from'), initial: period.from }, { name: 'to', label: t('reports.to'), initial: period.to }]}
        engineError={book.error}
        onApply={(dates) => {
          setPeriod({ from: dates.from!, to: dates.to! });
          setAccountId(chosen);
        }}>
        <Field label={t('book.cashAccount')}>
          <select value={chosen ?? ''} onChange={(event) => setChosen(event.target.value ? Number(event.target.value) : null)}>
            <option value="">{t('book.allCash')}</option>
            {cashAccounts.map((account) => <option key={account.id} value={account.id}>{account.code} {account.name}</option>)}
          </select>
        </Field>
      </DateForm>
      {data && <BookResult book={data} associationId={associationId} labelledBy={titleId} print="cash-book" fileName={`libro-caja-${data.from}-${data.to}`} />}
      {book.isPending && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
