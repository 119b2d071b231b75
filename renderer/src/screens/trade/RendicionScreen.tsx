import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { RendicionCashPlace, RendicionConceptRow, RendicionDeCuentas } from '../../../../shared/operations/trade';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { PrintActions } from '../../components/PrintActions';
import { formatDate, formatMoney, todayIso } from '../../format/format';
import { moneyPlaceWords } from '../../print/accountWords';
import { DateForm } from '../reports/ReportParts';
import { SalesTabs } from '../sales/SalesTabs';
import { conceptWords, debtWords } from './rendicionWords';
import { tradePrintRoute, yearStartOf } from './routes';
import '../sales/sales.css';

type Translate = ReturnType<typeof useT>;

const placesWords = (t: Translate, places: readonly RendicionCashPlace[]) =>
  places.map((place) => `${moneyPlaceWords(t, place.kind, place.name)} ${formatMoney(place.amount)}`).join('; ');

function ConceptTable({ side, rows, total, caption }: { side: 'in' | 'out'; rows: RendicionConceptRow<string>[]; total: number; caption: string }) {
  const t = useT();
  return (
    <table className="data" data-testid={`rendicion-${side}`}>
      <caption>{caption}</caption>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={2}>{t('tradeUi.rendicion.nothing')}</td></tr>}
        {rows.map((row) => (
          <tr key={`${row.concept}-${row.category ?? ''}`}>
            <th scope="row">{conceptWords(t, side, row)}</th>
            <td className="num">{formatMoney(row.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr><th scope="row">{t('tradeUi.rendicion.total')}</th><td className="num"><strong>{formatMoney(total)}</strong></td></tr>
      </tfoot>
    </table>
  );
}

function RendicionSummary({ report }: { report: RendicionDeCuentas }) {
  const t = useT();
  const { members } = report;
  return (
    <div className="rendicion">
      <p data-testid="rendicion-start">
        {t('tradeUi.rendicion.start', { date: formatDate(report.from), total: formatMoney(report.cashAtStart.total) })}
        {report.cashAtStart.places.length > 0 && ` (${placesWords(t, report.cashAtStart.places)})`}
      </p>
      <ConceptTable side="in" rows={report.income.rows} total={report.income.total} caption={t('tradeUi.rendicion.income')} />
      <ConceptTable side="out" rows={report.expenses.rows} total={report.expenses.total} caption={t('tradeUi.rendicion.expenses')} />
      <p data-testid="rendicion-end">
        <strong>{t('tradeUi.rendicion.end', { date: formatDate(report.to), total: formatMoney(report.cashAtEnd.total) })}</strong>
        {report.cashAtEnd.places.length > 0 && ` (${placesWords(t, report.cashAtEnd.places)})`}
      </p>
      <h2>{t('tradeUi.rendicion.members')}</h2>
      {members.rows.length === 0 ? <p>{t('tradeUi.rendicion.noMembers')}</p> : (
        <table className="data" data-testid="rendicion-members">
          <thead>
            <tr>
              <th scope="col">{t('tradeUi.rendicion.member')}</th>
              <th scope="col" className="num">{t('tradeUi.rendicion.paid')}</th>
              <th scope="col" className="num">{t('tradeUi.rendicion.owes')}</th>
              <th scope="col" className="num">{t('tradeUi.rendicion.credit')}</th>
            </tr>
          </thead>
          <tbody>
            {members.rows.map((row) => (
              <tr key={row.memberId}>
                <th scope="row">{row.fullName}</th>
                <td className="num">{formatMoney(row.paid)}</td>
                <td className="num">{formatMoney(row.owes)}</td>
                <td className="num">{row.credit ? formatMoney(row.credit) : ''}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('tradeUi.rendicion.total')}</th>
              <td className="num">{formatMoney(members.totals.paid)}</td>
              <td className="num">{formatMoney(members.totals.owes)}</td>
              <td className="num">{members.totals.credit ? formatMoney(members.totals.credit) : ''}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <h2>{t('tradeUi.rendicion.debts')}</h2>
      <p data-testid="rendicion-owed-by">{debtWords(t, report, 'owedBy')}</p>
      <p data-testid="rendicion-owed-to">{debtWords(t, report, 'owedTo')}</p>
    </div>
  );
}

/**
 * Rendición de cuentas: what the treasurer presents to the general assembly for a period, in plain
 * words and without account codes; printed on A4 with the junta directiva's signature lines.
 */
export function RendicionScreen() {
  const t = useT();
  const titleId = useId();
  const associationId = useAssociationId();
  const [period, setPeriod] = useState(() => ({ from: yearStartOf(todayIso()), to: todayIso() }));
  const report = useOperation('rendicionDeCuentas', { associationId, ...period }, { placeholderData: keepPreviousData });
  const data = report.isError ? undefined : report.data;
  return (
    <section className="screen reports" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('tradeUi.rendicion.title')}</h1>
      <SalesTabs />
      <p>{t('tradeUi.rendicion.lead')}</p>
      <DateForm
        fields={[{ name: 'from', label: t('reports.from'), initial: period.from }, { name: 'to', label: t('reports.to'), initial: period.to }]}
        engineError={report.error} onApply={(dates) => setPeriod({ from: dates.from!, to: dates.to! })} />
      {data && (
        <>
          <PrintActions route={tradePrintRoute('rendicion', { associationId, from: data.from, to: data.to })}
            suggestedName={`rendicion-de-cuentas-${data.from}-${data.to}.pdf`} />
          <RendicionSummary report={data} />
        </>
      )}
      {report.isPending && <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}
