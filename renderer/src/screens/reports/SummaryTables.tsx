import { Link } from 'react-router';
import type { ContributionsByMember, SexCounts } from '../../../../shared/operations/reports';
import { formatAmount } from '../../../../shared/money';
import { useT } from '../../app/settings';
import { formatMoney } from '../../format/format';
import { formatBasisPoints } from './ReportParts';

/** Aportes por socio: one row per member and type, then the totals by type and overall. Screen and paper alike. */
export function ContributionsTable({ report, associationId, className = 'data', labelledBy }: {
  report: ContributionsByMember;
  /** Screen only: each name links to the member's fin-statement. */
  associationId?: number | undefined;
  className?: string;
  labelledBy?: string;
}) {
  const t = useT();
  const figures = (row: { charged: number; paid: number; inKind: number; open: number }, money = false) =>
    (['charged', 'paid', 'inKind', 'open'] as const).map((key) => (
      <td key={key} className="num">{money ? formatMoney(row[key]) : formatAmount(row[key])}</td>
    ));
  return (
    <table className={`${className} contributions-report`} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('contributionsReport.col.member')}</th>
          <th scope="col">{t('contributionsReport.col.dni')}</th>
          <th scope="col">{t('contributionsReport.col.type')}</th>
          <th scope="col" className="num">{t('contributionsReport.col.charged')}</th>
          <th scope="col" className="num">{t('contributionsReport.col.paid')}</th>
          <th scope="col" className="num">{t('contributionsReport.col.inKind')}</th>
          <th scope="col" className="num">{t('contributionsReport.col.open')}</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => (
          <tr key={`${row.memberId}:${row.contributionTypeId}`} data-member={row.memberId}>
            <th scope="row">
              {associationId ? <Link to={`/a/${associationId}/socios/${row.memberId}/estado`}>{row.fullName}</Link> : row.fullName}
            </th>
            <td>{row.dni ?? ''}</td>
            <td>{row.typeName}</td>
            {figures(row)}
          </tr>
        ))}
        {report.byType.length > 0 && (
          <tr className="fin-statement__subheading"><th scope="rowgroup" colSpan={7}>{t('contributionsReport.byType')}</th></tr>
        )}
        {report.byType.map((type) => (
          <tr key={`type:${type.contributionTypeId}`} className="contributions-report__type" data-type={type.contributionTypeId}>
            <th scope="row" colSpan={3}>{type.typeName}</th>
            {figures(type)}
          </tr>
        ))}
        <tr className="fin-statement__total fin-statement__total--grand" data-testid="contributions-totals">
          <th scope="row" colSpan={3}>{t('contributionsReport.totals')}</th>
          {figures(report.totals, true)}
        </tr>
      </tbody>
    </table>
  );
}

/** Women, men, not recorded and total, with their shares (basis points that add up to 100.00 %). */
export function SexCountsTable({ counts, caption, testId, className = 'data' }: { counts: SexCounts; caption: string; testId: string; className?: string }) {
  const t = useT();
  const rows = [
    { key: 'women', label: t('membersBySex.women'), count: counts.women, share: counts.womenBasisPoints },
    { key: 'men', label: t('membersBySex.men'), count: counts.men, share: counts.menBasisPoints },
    { key: 'unknown', label: t('membersBySex.unknown'), count: counts.unknown, share: counts.unknownBasisPoints },
  ];
  return (
    <table className={`${className} members-by-sex`} data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('membersBySex.col.group')}</th>
          <th scope="col" className="num">{t('membersBySex.col.count')}</th>
          <th scope="col" className="num">{t('membersBySex.col.share')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-group={row.key}>
            <th scope="row">{row.label}</th>
            <td className="num">{row.count}</td>
            <td className="num">{formatBasisPoints(row.share)}</td>
          </tr>
        ))}
        <tr className="fin-statement__total fin-statement__total--grand" data-group="total">
          <th scope="row">{t('membersBySex.total')}</th>
          <td className="num">{counts.total}</td>
          <td className="num">{counts.total === 0 ? '' : formatBasisPoints(10000)}</td>
        </tr>
      </tbody>
    </table>
  );
}
