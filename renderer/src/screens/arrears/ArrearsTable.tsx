import { Link } from 'react-router';
import type { ArrearsReport, ArrearsRow } from '../../../../shared/operations/contributions';
import { useT } from '../../app/settings';
import { formatMoney } from '../../format/format';

interface TableProps {
  report: ArrearsReport;
  className?: string;
  labelledBy?: string;
  /** On screen each name opens the member's statement; on paper it is plain text. */
  memberLink?: (row: ArrearsRow) => string;
}

const buckets = ['days0to30', 'days31to90', 'over90', 'total'] as const;

/** Shared by the Morosidad screen and its print route. */
export function ArrearsTable({ report, className = 'data', labelledBy, memberLink }: TableProps) {
  const t = useT();
  // Blank rather than S/ 0.00 in an empty bucket: the eye finds the old debts faster.
  const cell = (centimos: number) => (centimos === 0 ? '' : formatMoney(centimos));
  return (
    <table className={`${className} arrears-table`} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('arrears.col.member')}</th>
          <th scope="col">{t('arrears.col.dni')}</th>
          <th scope="col" className="num">{t('arrears.col.days0to30')}</th>
          <th scope="col" className="num">{t('arrears.col.days31to90')}</th>
          <th scope="col" className="num">{t('arrears.col.over90')}</th>
          <th scope="col" className="num">{t('arrears.col.total')}</th>
          <th scope="col" className="num">{t('arrears.col.charges')}</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => (
          <tr key={row.memberId} data-member-id={row.memberId} data-testid="arrears-row">
            <th scope="row">{memberLink ? <Link to={memberLink(row)}>{row.fullName}</Link> : row.fullName}</th>
            <td className="code">{row.dni ?? '—'}</td>
            {buckets.map((key) => <td key={key} className="num">{cell(row[key])}</td>)}
            <td className="num">{row.charges}</td>
          </tr>
        ))}
        {/* In the body, not a <tfoot>: Chromium repeats a tfoot on every printed page. */}
        <tr className="arrears-table__totals" data-testid="arrears-totals">
          <th scope="row" colSpan={2}>{t('arrears.totals')}</th>
          {buckets.map((key) => <td key={key} className="num">{formatMoney(report.totals[key])}</td>)}
          <td className="num">{report.rows.reduce((sum, row) => sum + row.charges, 0)}</td>
        </tr>
      </tbody>
    </table>
  );
}
