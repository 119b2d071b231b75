import { isIsoDate } from '../../../shared/dates';
import type { AssociationDetails } from '../../../shared/results';
import type { SettlementList } from '../../../shared/operations/acopio';
import type { MemberStatement } from '../../../shared/operations/contributions';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { PrintHeader } from './PrintHeader';
import { positiveId } from '../format/params';
import { PrintFrame } from './PrintFrame';
import { useAssociationPrint } from './useAssociationPrint';
import { periodWords } from '../screens/statement/statementFigures';
import { StatementBalance, StatementTable, StatementTotals } from '../screens/statement/StatementTable';
import { MemberSettlementsTable } from '../screens/acopio/MemberAcopio';
import './member-print.css';

interface StatementParams {
  associationId: number;
  memberId: number;
  from: string | null;
  to: string | null;
}

/** `?associationId=1&memberId=2&from=2026-01-01&to=2026-03-31` (dates optional); null when malformed. */
function readParams(params: URLSearchParams): StatementParams | null {
  const associationId = positiveId(params.get('associationId'));
  const memberId = positiveId(params.get('memberId'));
  const from = params.get('from') || null;
  const to = params.get('to') || null;
  if (associationId === null || memberId === null) return null;
  if ((from !== null && !isIsoDate(from)) || (to !== null && !isIsoDate(to))) return null;
  return { associationId, memberId, from, to };
}

/** One member's estado de cuenta on A4, black on white, outside the Shell: what the shell prints or saves as PDF. */
export function PrintStatement() {
  const t = useT();
  const { request, enabled, associationId, association, autoprint } = useAssociationPrint(readParams);
  const statement = useOperation(
    'memberStatement',
    { associationId, memberId: request?.memberId ?? 0, from: request?.from ?? null, to: request?.to ?? null },
    { enabled },
  );
  // Her liquidaciones de acopio in the period, printed under her dues (nothing when she delivers nothing).
  const settlements = useOperation(
    'listSettlements',
    { associationId, memberId: request?.memberId ?? 0, from: request?.from ?? null, to: request?.to ?? null },
    { enabled },
  );
  return (
    <PrintFrame valid={enabled} missingMessage={t('statement.printMissing')} queries={[association, statement, settlements]} autoprint={autoprint}>
      {() => <StatementDocument association={association.data!} data={statement.data!} settlements={settlements.data!} />}
    </PrintFrame>
  );
}

/** Rendered once every read has answered (PrintFrame). */
function StatementDocument({ association, data, settlements }: { association: AssociationDetails; data: MemberStatement; settlements: SettlementList }) {
  const t = useT();
  return (
    <article className="print-doc print-doc--statement">
      <PrintHeader association={association} />
      <h1 id="print-statement-title">{t('statement.title')}</h1>
      <div className="print-doc__member">
        <div>{t('statement.memberLine', { name: data.member.fullName })}</div>
        <div>{data.member.dni ? t('statement.dni', { dni: data.member.dni }) : t('statement.noDni')}</div>
      </div>
      <p className="print-doc__period">{periodWords(t, data.from, data.to, formatDate)}</p>
      <StatementTable statement={data} className="print-doc__table" labelledBy="print-statement-title" />
      <StatementTotals statement={data} />
      <StatementBalance statement={data} className="statement-balance print-doc__balance" />
      <MemberSettlementsTable list={settlements} className="print-doc__table" />
    </article>
  );
}
