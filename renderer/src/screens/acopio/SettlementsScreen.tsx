import { useState } from 'react';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { PrintActions } from '../../components/PrintActions';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { IssuedDocumentActions } from '../contributions/IssuedDocumentActions';
import { PrintAllSettlements } from './PrintAllSettlements';
import { fortnightOf } from './SettleScreen';

/** The liquidaciones of a period: one row per member, each opened to print or void it. */
export function SettlementsScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const initial = fortnightOf(todayIso());
  const [fromText, setFromText] = useState(formatDate(initial.from));
  const [toText, setToText] = useState(formatDate(initial.to));
  const [open, setOpen] = useState<number | null>(null);
  const from = parseDisplayDate(fromText);
  const to = parseDisplayDate(toText);
  const list = useOperation('listSettlements', { associationId, from, to }, { enabled: from !== null && to !== null });
  return (
    <>
      <div className="form-row">
        <Field label={t('acopio.settle.from')} hint={t('form.dateHint')} error={from ? undefined : t('form.dateInvalid')}>
          <input type="text" inputMode="numeric" value={fromText} onChange={(event) => setFromText(event.target.value)} />
        </Field>
        <Field label={t('acopio.settle.to')} hint={t('form.dateHint')} error={to ? undefined : t('form.dateInvalid')}>
          <input type="text" inputMode="numeric" value={toText} onChange={(event) => setToText(event.target.value)} />
        </Field>
      </div>
      <ErrorAlert message={list.error?.message} />
      {open !== null && <SettlementPanel key={open} settlementId={open} />}
      {list.data && (list.data.rows.length === 0 ? <p className="notice">{t('acopio.list.empty')}</p> : (
        <>
          <table className="data" data-testid="acopio-settlements">
            <thead>
              <tr>
                <th>{t('acopio.col.number')}</th>
                <th>{t('acopio.col.member')}</th>
                <th className="num">{t('acopio.col.gross')}</th>
                <th className="num">{t('acopio.col.levy')}</th>
                <th className="num">{t('acopio.col.deductions')}</th>
                <th className="num">{t('acopio.col.net')}</th>
                <th>{t('acopio.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setOpen(row.id)}
                      aria-label={t('acopio.list.open', { number: row.formattedNumber, name: row.memberName })}>{row.formattedNumber}</button>
                  </td>
                  <td>{row.memberName}</td>
                  <td className="num">{formatMoney(row.gross)}</td>
                  <td className="num">{formatMoney(row.levy)}</td>
                  <td className="num">{formatMoney(row.deductions)}</td>
                  <td className="num">{formatMoney(row.net)}</td>
                  <td>{row.status === 'voided' ? t('acopio.status.voided') : row.unpaid > 0 ? t('acopio.status.unpaid', { amount: formatMoney(row.unpaid) }) : t('acopio.status.paid')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {from && to && (
            <>
              <PrintAllSettlements ids={list.data.rows.filter((r) => r.status === 'valid').map((r) => r.id)} suggestedName={`liquidaciones-${from}-${to}.pdf`} />
              <h2>{t('acopio.settle.summary')}</h2>
              <PrintActions route={`/print/settlements-summary?associationId=${associationId}&from=${from}&to=${to}`} suggestedName={`resumen-liquidaciones-${from}-${to}.pdf`} />
            </>
          )}
        </>
      ))}
    </>
  );
}

function SettlementPanel({ settlementId }: { settlementId: number }) {
  const t = useT();
  const settlement = useOperation('getSettlement', { settlementId });
  const recordPrint = useWrite('recordSettlementPrint');
  const voidSettlement = useWrite('voidSettlement');
  const data = settlement.data;
  if (!data) return <ErrorAlert message={settlement.error?.message} />;
  return (
    <section className="panel" aria-labelledby={`settlement-${settlementId}`}>
      <h2 id={`settlement-${settlementId}`}>{t('acopio.panel.title', { number: data.formattedNumber, name: data.memberName })}</h2>
      <p>{t('acopio.panel.period', { from: formatDate(data.from), to: formatDate(data.to) })}</p>
      {data.voided && <p className="alert alert--error">{t('acopio.panel.voided', { date: formatDate(data.voided.date), reason: data.voided.reason })}</p>}
      <dl className="acopio-settle__figures">
        <div><dt>{t('acopio.col.gross')}</dt><dd>{formatMoney(data.gross)}</dd></div>
        <div><dt>{t('acopio.col.levy')}</dt><dd>{formatMoney(data.levy)}</dd></div>
        <div><dt>{t('acopio.col.deductions')}</dt><dd>{formatMoney(data.deductionsTotal)}</dd></div>
        <div><dt>{t('acopio.col.net')}</dt><dd>{formatMoney(data.net)}</dd></div>
        <div><dt>{t('acopio.panel.unpaid')}</dt><dd>{formatMoney(data.unpaid)}</dd></div>
      </dl>
      <IssuedDocumentActions
        printWords={{ saved: (path) => t('acopio.print.saved', { path }), printed: t('acopio.print.printed'), cancelled: t('acopio.print.cancelled') }}
        buttons={{ a5: t('acopio.print.a5'), ticket: t('acopio.print.ticket'), pdf: t('acopio.print.pdf') }}
        route={(paper) => `/print/settlement?id=${settlementId}&size=${paper === 'ticket80' ? '80mm' : 'a5'}`}
        suggestedName={`liquidacion-${data.formattedNumber}.pdf`}
        recordPrint={() => recordPrint.mutateAsync({ settlementId })}
        voidable={data.status === 'valid' && data.paid === 0}
        voiding={{
          button: t('acopio.void'), explain: t('acopio.voidExplain'),
          labels: { date: t('acopio.voidDate'), reason: t('acopio.voidReason'), submit: t('acopio.voidSubmit') },
          onVoid: (input) => voidSettlement.mutateAsync({ settlementId, ...input }),
        }} />
    </section>
  );
}
