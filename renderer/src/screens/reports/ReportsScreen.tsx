import { Link, useParams } from 'react-router';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { MessageKey } from '../../i18n/messages';
import { BalanceSheetReport } from './BalanceSheetReport';
import { CashBookReport } from './CashBookReport';
import { ContributionsReport } from './ContributionsReport';
import { IncomeStatementReport } from './IncomeStatementReport';
import { LedgerReport } from './LedgerReport';
import { MembersBySexReport } from './MembersBySexReport';
import { TrialBalanceReport } from './TrialBalanceReport';
import './reports.css';

const TABS = ['balance', 'resultados', 'caja', 'mayor', 'comprobacion', 'aportes', 'socios'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | undefined): value is Tab => (TABS as readonly string[]).includes(value ?? '');

/**
 * Reportes, one tab per report in the address (/reportes/balance, /reportes/caja…).
 * Without a tab it opens the trial balance, as it always has.
 */
export function ReportsScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const { report } = useParams();
  const tab: Tab = isTab(report) ? report : 'balance';
  const association = useOperation('getAssociation', { associationId });
  const fiscalYearStartMonth = association.data?.fiscalYearStartMonth;
  return (
    <section className="screen reports">
      <h1>{t('reports.title')}</h1>
      <nav className="tabs" aria-label={t('reports.tabs')}>
        {TABS.map((key) => (
          <Link key={key} to={`/a/${associationId}/reportes/${key}`} className={`tabs__tab${key === tab ? ' active' : ''}`}
            aria-current={key === tab ? 'page' : undefined}>
            {t(`reports.tab.${key}` as MessageKey)}
          </Link>
        ))}
      </nav>
      <p className="notice">{t('reports.soon')}</p>
      {/* Keyed by association and tab: each report starts from its own defaults. */}
      {tab === 'balance' && <BalanceSheetReport key={associationId} associationId={associationId} />}
      {tab === 'caja' && <CashBookReport key={associationId} associationId={associationId} />}
      {tab === 'mayor' && <LedgerReport key={associationId} associationId={associationId} />}
      {tab === 'comprobacion' && <TrialBalanceReport key={associationId} associationId={associationId} />}
      {tab === 'socios' && <MembersBySexReport key={associationId} associationId={associationId} />}
      {(tab === 'resultados' || tab === 'aportes') && (
        <>
          <ErrorAlert message={association.error?.message} />
          {fiscalYearStartMonth !== undefined && (tab === 'resultados'
            ? <IncomeStatementReport key={associationId} associationId={associationId} fiscalYearStartMonth={fiscalYearStartMonth} />
            : <ContributionsReport key={associationId} associationId={associationId} fiscalYearStartMonth={fiscalYearStartMonth} />)}
        </>
      )}
    </section>
  );
}
