import type { SettlementList } from '../../../../shared/operations/acopio';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import { formatQuantity } from '../sales/quantity';
import './member-acopio.css';

/**
 * Her acopio on her estado de cuenta: each liquidación of the period (what she delivered, its value,
 * the levy, the dues paid with it, the net, what was paid to her and what is still owed to her).
 * Nothing is shown for a member who delivers nothing. Shared by the screen and the print.
 */
export function MemberSettlementsTable({ list, className = 'data' }: { list: SettlementList; className?: string }) {
  const t = useT();
  const live = list.rows.filter((row) => row.status === 'valid');
  if (live.length === 0) return null;
  return (
    <table className={`${className} member-acopio`} data-testid="statement-acopio">
      <caption>{t('acopio.member.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('acopio.col.number')}</th>
          <th scope="col">{t('acopio.member.period')}</th>
          <th scope="col" className="num">{t('acopio.member.quantity')}</th>
          <th scope="col" className="num">{t('acopio.col.gross')}</th>
          <th scope="col" className="num">{t('acopio.col.levy')}</th>
          <th scope="col" className="num">{t('acopio.col.deductions')}</th>
          <th scope="col" className="num">{t('acopio.member.net')}</th>
          <th scope="col" className="num">{t('acopio.member.paid')}</th>
          <th scope="col" className="num">{t('acopio.member.unpaid')}</th>
        </tr>
      </thead>
      <tbody>
        {live.map((row) => (
          <tr key={row.id}>
            <td className="code">{row.formattedNumber}</td>
            <td className="member-acopio__period">
              {/* Each date whole; the period may take two lines on a narrow page. */}
              <span>{formatDate(row.from)}</span> <span>{t('acopio.member.periodTo', { to: formatDate(row.to) })}</span>
            </td>
            <td className="num">{formatQuantity(row.quantity)}</td>
            <td className="num">{formatMoney(row.gross)}</td>
            <td className="num">{formatMoney(row.levy)}</td>
            <td className="num">{formatMoney(row.deductions)}</td>
            <td className="num">{formatMoney(row.net)}</td>
            <td className="num">{formatMoney(row.paid)}</td>
            <td className="num">{formatMoney(row.unpaid)}</td>
          </tr>
        ))}
        <tr className="member-acopio__total">
          <th scope="row" colSpan={3}>{t('acopio.total')}</th>
          <td className="num">{formatMoney(list.totals.gross)}</td>
          <td className="num">{formatMoney(list.totals.levy)}</td>
          <td className="num">{formatMoney(list.totals.deductions)}</td>
          <td className="num">{formatMoney(list.totals.net)}</td>
          <td className="num">{formatMoney(list.totals.paid)}</td>
          <td className="num" data-testid="statement-acopio-unpaid">{formatMoney(list.totals.unpaid)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** The member's liquidaciones whose period falls in the statement's; they show beside her dues. */
export function MemberAcopio({ associationId, memberId, from, to }: { associationId: number; memberId: number; from: string | null; to: string | null }) {
  const list = useOperation('listSettlements', { associationId, memberId, from, to });
  return list.data ? <MemberSettlementsTable list={list.data} /> : null;
}
