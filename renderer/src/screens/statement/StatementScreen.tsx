import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { PrintActions } from '../../components/PrintActions';
import { MemberAcopio } from '../acopio/MemberAcopio';
import { CreditRefundDialog } from './CreditRefundDialog';
import { CreditRefundPanel } from './CreditRefundPanel';
import { MemberFigures } from './MemberFigures';
import { statementPrintRoute, type StatementPeriod } from './routes';
import { periodWords } from './statementFigures';
import { StatementBalance, StatementTable, StatementTotals } from './StatementTable';
import './statement.css';

type DateErrors = { from?: string; to?: string };

export function StatementScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const { memberId: memberParam } = useParams();
  const memberId = Number(memberParam);
  if (!Number.isSafeInteger(memberId) || memberId <= 0) {
    return (
      <section className="screen statement">
        <h1>{t('statement.title')}</h1>
        <ErrorAlert message={t('statement.badMember')} />
        <p><Link to={`/a/${associationId}/socios`}>{t('statement.backToMembers')}</Link></p>
      </section>
    );
  }
  return <MemberStatementView key={`${associationId}-${memberId}`} associationId={associationId} memberId={memberId} />;
}

/** The period typed becomes the one shown only on "Mostrar", so half-typed dates never reach the engine. */
function MemberStatementView({ associationId, memberId }: { associationId: number; memberId: number }) {
  const t = useT();
  const titleId = useId();
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [period, setPeriod] = useState<StatementPeriod>({ from: null, to: null });
  const [dateErrors, setDateErrors] = useState<DateErrors>({});
  const statement = useOperation('memberStatement', { associationId, memberId, ...period }, { placeholderData: keepPreviousData });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const from = fromText.trim() === '' ? null : parseDisplayDate(fromText);
    const to = toText.trim() === '' ? null : parseDisplayDate(toText);
    const errors: DateErrors = {};
    if (fromText.trim() !== '' && from === null) errors.from = t('form.dateInvalid');
    if (toText.trim() !== '' && to === null) errors.to = t('form.dateInvalid');
    setDateErrors(errors);
    if (!errors.from && !errors.to) setPeriod({ from, to });
  };

  // The engine's refusal (e.g. "from" after "to") goes next to the date it names.
  const engineError = statement.error;
  const fieldError = (field: 'from' | 'to') => dateErrors[field] ?? (engineError?.field === field ? engineError.message : undefined);
  const otherError = engineError && engineError.field !== 'from' && engineError.field !== 'to' ? engineError.message : null;
  const data = statement.isError ? undefined : statement.data;
  const member = data?.member;

  return (
    <section className="screen statement" aria-labelledby={titleId}>
      <p className="no-print"><Link to={`/a/${associationId}/socios`}>{t('statement.backToMembers')}</Link></p>
      <h1 id={titleId}>
        {t('statement.title')}
        {member && <>: <span data-testid="statement-member">{member.fullName}</span></>}
      </h1>
      {member && <p className="statement__dni">{member.dni ? t('statement.dni', { dni: member.dni }) : t('statement.noDni')}</p>}
      <MemberToday associationId={associationId} memberId={memberId} />
      <p className="subtitle">{t('statement.lead')}</p>
      <form className="statement__period" onSubmit={apply} noValidate>
        <Field label={t('statement.from')} hint={t('statement.fromHint')} error={fieldError('from')}>
          <input type="text" inputMode="numeric" autoComplete="off" placeholder={t('form.dateHint')} value={fromText} onChange={(event) => setFromText(event.target.value)} />
        </Field>
        <Field label={t('statement.to')} hint={t('statement.toHint')} error={fieldError('to')}>
          <input type="text" inputMode="numeric" autoComplete="off" placeholder={t('form.dateHint')} value={toText} onChange={(event) => setToText(event.target.value)} />
        </Field>
        <button type="submit" className="button--primary">{t('statement.show')}</button>
      </form>
      <ErrorAlert message={otherError} />
      {data && (
        <>
          <div className="statement__heading">
            <p className="statement__period-label" data-testid="statement-period">{periodWords(t, data.from, data.to, formatDate)}</p>
            <PrintActions
              route={statementPrintRoute(associationId, memberId, period)}
              suggestedName={`estado-de-cuenta-${data.member.dni ?? data.member.id}.pdf`}
            />
          </div>
          <StatementBalance statement={data} />
          <StatementTotals statement={data} />
          <div className="statement__table">
            <StatementTable statement={data} labelledBy={titleId} />
          </div>
          <MemberAcopio associationId={associationId} memberId={memberId} from={period.from} to={period.to} />
        </>
      )}
      {statement.isPending && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}

/**
 * The member today, as the engine's one position gives it (the same figures as Cobrar and the
 * consulta de socio), with the way to return her credit in favour and the refunds already made.
 */
function MemberToday({ associationId, memberId }: { associationId: number; memberId: number }) {
  const t = useT();
  const position = useOperation('memberPosition', { associationId, memberId, asOf: todayIso() });
  const refunds = useOperation('listCreditRefunds', { associationId, memberId });
  const [refunding, setRefunding] = useState(false);
  const [shownRefund, setShownRefund] = useState<number | null>(null);
  const figures = position.data;
  return (
    <section className="statement__today" aria-labelledby="statement-today">
      <h2 id="statement-today">{t('position.today')}</h2>
      <ErrorAlert message={position.error?.message ?? refunds.error?.message} />
      {figures && <MemberFigures position={figures} onRefund={() => { setShownRefund(null); setRefunding(true); }} />}
      {refunds.data && refunds.data.length > 0 && (
        <div className="statement__refunds">
          <h3>{t('refund.list')}</h3>
          <ul>
            {refunds.data.map((refund) => (
              <li key={refund.id}>
                <button type="button" onClick={() => setShownRefund(refund.id)}>
                  {t('refund.list.open', { number: refund.formattedNumber })}
                </button>
                {' '}{formatDate(refund.date)} · {formatMoney(refund.amount)}
                {refund.status === 'voided' && <> · <strong>{t('refund.list.voided')}</strong></>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {shownRefund !== null && <CreditRefundPanel refundId={shownRefund} />}
      {refunding && figures && (
        <CreditRefundDialog memberId={memberId} creditAvailable={figures.creditAvailable} onClose={() => setRefunding(false)}
          onRefunded={(refundId) => { setRefunding(false); setShownRefund(refundId); }} />
      )}
    </section>
  );
}
