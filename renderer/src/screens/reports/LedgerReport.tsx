import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { AccountPicker } from '../../components/AccountPicker';
import { Field } from '../../components/Field';
import { formatDate, formatMoney, todayIso } from '../../format/format';
import { financialPrintRoute } from '../../print/financialRoutes';
import { BookTable } from './BookTable';
import { monthStart } from './drillDown';
import { DateForm, ReportHeading, usePeriodLabel } from './ReportParts';

/** Libro mayor of one account (and its sub-accounts), the current month by default. */
export function LedgerReport({ associationId }: { associationId: number }) {
  const t = useT();
  const titleId = useId();
  const periodLabel = usePeriodLabel();
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
      {data && (
        <>
          <ReportHeading label={`${data.code} ${data.name} · ${periodLabel(data.from, data.to)}`}
            printRoute={financialPrintRoute('ledger', associationId, { from: data.from, to: data.to, accountId: data.accountId })}
            suggestedName={`libro-mayor-${data.code}-${data.from}-${data.to}.pdf`}
            exportRequest={{ report: 'generalLedger', params: { associationId, accountId: data.accountId, from: data.from, to: data.to } }} />
          <p className="reports__result" data-testid="book-status">
            {t('book.closingStatus', { date: formatDate(data.to), amount: formatMoney(data.closing) })}
          </p>
          <div className="reports__table">
            <BookTable book={data} showAccount={data.accountIds.length > 1} associationId={associationId} labelledBy={titleId} />
          </div>
        </>
      )}
      {ledger.isPending && accountId !== null && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
