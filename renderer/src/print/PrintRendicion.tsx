import type {
  RendicionCashPlace, RendicionConceptRow, RendicionDeCuentas, RendicionOfficer,
} from '../../../shared/operations/trade';
import type { AssociationDetails } from '../../../shared/results';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import type { MessageKey } from '../i18n/messages';
import { conceptWords, debtWords } from '../screens/trade/rendicionWords';
import { moneyPlaceWords } from './accountWords';
import { FinancialDocument } from './FinancialDocument';
import { PrintFrame } from './PrintFrame';
import { readPeriodParams } from './tradePrintParams';
import { useAssociationPrint } from './useAssociationPrint';
import './PrintRendicion.css';

/**
 * `/print/rendicion?associationId=1&from=…&to=…`: the treasurer's report the general assembly approves on paper,
 * in plain words and without account codes, with the junta directiva's signature lines.
 */
export function PrintRendicion() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint(readPeriodParams);
  const report = useOperation('rendicionDeCuentas', { associationId, from: request?.from ?? '', to: request?.to ?? '' }, { enabled });
  return (
    <PrintFrame valid={enabled} missingMessage={t('tradePrint.missing')} queries={[association, report]} autoprint={autoprint}>
      {() => <RendicionDocument association={association.data!} data={report.data!} />}
    </PrintFrame>
  );
}

/** A caption, one row per place or concept with its amount, and their total; `empty` says there were none. */
function MoneyTable({ caption, rows, total, testId, empty }: {
  caption: string; rows: { key: string; label: string; amount: number }[]; total: number; testId: string; empty?: string;
}) {
  const t = useT();
  return (
    <table className="print-fr__table print-trade__table print-rendicion__money" data-testid={testId}>
      <caption>{caption}</caption>
      <tbody>
        {empty && rows.length === 0 && <tr><td colSpan={2}>{empty}</td></tr>}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="num">{formatMoney(row.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="print-trade__total"><th scope="row">{t('tradePrint.total')}</th><td className="num">{formatMoney(total)}</td></tr>
      </tfoot>
    </table>
  );
}

function PlacesTable({ caption, places, total, testId }: { caption: string; places: RendicionCashPlace[]; total: number; testId: string }) {
  const t = useT();
  const rows = places.map((place) => ({ key: String(place.accountId), label: moneyPlaceWords(t, place.kind, place.name), amount: place.amount }));
  return <MoneyTable caption={caption} rows={rows} total={total} testId={testId} />;
}

function ConceptsTable({ caption, side, rows, total }: { caption: string; side: 'in' | 'out'; rows: RendicionConceptRow<string>[]; total: number }) {
  const t = useT();
  const lines = rows.map((row) => ({ key: `${row.concept}:${row.category ?? ''}`, label: conceptWords(t, side, row), amount: row.amount }));
  return <MoneyTable caption={caption} rows={lines} total={total} testId={`print-rendicion-${side}`} empty={t('tradePrint.rendicion.nothing')} />;
}

const SIGNATURE_LABEL: Record<string, MessageKey> = {
  presidente: 'tradePrint.rendicion.president', tesorero: 'tradePrint.rendicion.treasurer', fiscal: 'tradePrint.rendicion.fiscal',
};

function Signatures({ officers }: { officers: RendicionOfficer[] }) {
  const t = useT();
  return (
    <div className="print-rendicion__signatures" data-testid="print-rendicion-signatures">
      {officers.map((officer) => (
        <div key={officer.post} className="print-rendicion__signature">
          <div>{officer.fullName ?? t('tradePrint.rendicion.vacant')}</div>
          <div>{t(SIGNATURE_LABEL[officer.post] ?? 'tradePrint.rendicion.president')}</div>
        </div>
      ))}
    </div>
  );
}

function RendicionDocument({ association, data }: { association: AssociationDetails; data: RendicionDeCuentas }) {
  const t = useT();
  const { members } = data;
  return (
    <FinancialDocument association={association} title={t('tradePrint.rendicion.title')}
      period={t('tradePrint.period', { from: formatDate(data.from), to: formatDate(data.to) })}>
      <div className="print-rendicion">
        <p>{t('tradePrint.rendicion.lead')}</p>
        <div className="print-rendicion__columns">
          <PlacesTable caption={t('tradePrint.rendicion.start', { date: formatDate(data.from) })}
            places={data.cashAtStart.places} total={data.cashAtStart.total} testId="print-rendicion-start" />
          <PlacesTable caption={t('tradePrint.rendicion.end', { date: formatDate(data.to) })}
            places={data.cashAtEnd.places} total={data.cashAtEnd.total} testId="print-rendicion-end" />
        </div>
        <div className="print-rendicion__columns">
          <ConceptsTable caption={t('tradePrint.rendicion.income')} side="in" rows={data.income.rows} total={data.income.total} />
          <ConceptsTable caption={t('tradePrint.rendicion.expenses')} side="out" rows={data.expenses.rows} total={data.expenses.total} />
        </div>
        <p className="print-rendicion__check" data-testid="print-rendicion-check">
          {t('tradePrint.rendicion.check', {
            start: formatMoney(data.cashAtStart.total), income: formatMoney(data.income.total),
            expenses: formatMoney(data.expenses.total), end: formatMoney(data.cashAtEnd.total),
          })}
        </p>
        <h2>{t('tradePrint.rendicion.debts', { date: formatDate(data.to) })}</h2>
        <p>{debtWords(t, data, 'owedBy')}</p>
        <p>{debtWords(t, data, 'owedTo')}</p>
        <h2>{t('tradePrint.rendicion.members')}</h2>
        {members.rows.length === 0 ? <p>{t('tradePrint.rendicion.noMembers')}</p> : (
          <table className="print-fr__table print-trade__table" data-testid="print-rendicion-members">
            <thead>
              <tr>
                <th scope="col">{t('tradePrint.rendicion.member')}</th>
                <th scope="col" className="num">{t('tradePrint.rendicion.paid')}</th>
                <th scope="col" className="num">{t('tradePrint.rendicion.owes')}</th>
                <th scope="col" className="num">{t('tradePrint.rendicion.overdue')}</th>
                <th scope="col" className="num">{t('tradePrint.rendicion.credit')}</th>
              </tr>
            </thead>
            <tbody>
              {members.rows.map((row) => (
                <tr key={row.memberId}>
                  <th scope="row">{row.fullName}</th>
                  <td className="num">{row.paid ? formatMoney(row.paid) : ''}</td>
                  <td className="num">{row.owes ? formatMoney(row.owes) : ''}</td>
                  <td className="num">{row.overdue ? formatMoney(row.overdue) : ''}</td>
                  <td className="num">{row.credit ? formatMoney(row.credit) : ''}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="print-trade__total">
                <th scope="row">{t('tradePrint.total')}</th>
                <td className="num">{formatMoney(members.totals.paid)}</td>
                <td className="num">{formatMoney(members.totals.owes)}</td>
                <td className="num">{formatMoney(members.totals.overdue)}</td>
                <td className="num">{formatMoney(members.totals.credit)}</td>
              </tr>
            </tfoot>
          </table>
        )}
        <p className="print-rendicion__approval">{t('tradePrint.rendicion.approval')}</p>
        <Signatures officers={data.officers} />
      </div>
    </FinancialDocument>
  );
}
