import { formatReceiptNumber } from '../../shared/operations/contributions';
import type { MemberAcopioStatement } from '../../shared/operations/acopio';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// The acopio part of the member statement (db/contributions/statement.ts): her deliveries, her
// settlements and what was paid to her, with what the association owes her before and after.
// Voided sheets, settlements and vouchers are left out of the figures (a voided settlement or
// voucher is listed with its status); the balance is what 4419 holds for her.

export function memberAcopioStatement(
  db: LedgerDatabase, memberId: number, from: string | null, to: string | null,
): MemberAcopioStatement | undefined {
  if (!prepared(db, 'SELECT 1 FROM acopio_rows WHERE member_id = ? LIMIT 1').get(memberId)) return undefined;
  const bounds = { memberId, from: from ?? '0000-01-01', to: to ?? '9999-12-31' };
  // Before the period, summed in SQL: what was owed to her when it opened.
  const { openingOwed } = prepared(db, `SELECT
        COALESCE((SELECT SUM(r.amount) FROM acopio_rows r JOIN acopio_days d ON d.id = r.day_id
                   WHERE r.member_id = @memberId AND d.voided_on IS NULL AND d.date < @from), 0)
      - COALESCE((SELECT SUM(s.levy + s.deductions) FROM settlements s
                   WHERE s.member_id = @memberId AND s.voided_on IS NULL AND s.date < @from), 0)
      - COALESCE((SELECT SUM(p.amount) FROM settlement_payments p JOIN payment_vouchers v ON v.id = p.voucher_id
                    JOIN settlements s ON s.id = p.settlement_id
                   WHERE s.member_id = @memberId AND v.voided_on IS NULL AND v.date < @from), 0) AS openingOwed`)
    .get(bounds) as { openingOwed: number };
  const deliveries = prepared(db, `SELECT d.id AS dayId, d.date, p.name AS productName, p.unit, r.grade, r.quantity, r.amount
        FROM acopio_rows r JOIN acopio_days d ON d.id = r.day_id JOIN products p ON p.id = d.product_id
       WHERE r.member_id = @memberId AND d.voided_on IS NULL AND d.date >= @from AND d.date <= @to ORDER BY d.date, d.id`)
    .all(bounds) as MemberAcopioStatement['deliveries'];
  const settlements = prepared(db, `SELECT id, series, number, date, period_from, period_to, gross, levy, deductions, net, voided_on
        FROM settlements WHERE member_id = @memberId AND date >= @from AND date <= @to ORDER BY date, number`).all(bounds) as {
    id: number; series: string; number: number; date: string; period_from: string; period_to: string; gross: number; levy: number;
    deductions: number; net: number; voided_on: string | null;
  }[];
  const payments = prepared(db, `SELECT v.id, v.series, v.number, v.date, SUM(p.amount) AS amount, v.voided_on
        FROM settlement_payments p JOIN payment_vouchers v ON v.id = p.voucher_id JOIN settlements s ON s.id = p.settlement_id
       WHERE s.member_id = @memberId AND v.date >= @from AND v.date <= @to GROUP BY v.id ORDER BY v.date, v.number`).all(bounds) as {
    id: number; series: string; number: number; date: string; amount: number; voided_on: string | null;
  }[];
  const live = <Row extends { voided_on: string | null }>(rows: Row[]) => rows.filter((row) => row.voided_on === null);
  const sum = <Row>(rows: Row[], pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const totals = {
    quantity: sum(deliveries, (d) => d.quantity), accrued: sum(deliveries, (d) => d.amount),
    levy: sum(live(settlements), (x) => x.levy), deductions: sum(live(settlements), (x) => x.deductions),
    paid: sum(live(payments), (x) => x.amount),
  };
  return {
    openingOwed,
    deliveries,
    settlements: settlements.map((x) => ({
      settlementId: x.id, formattedNumber: formatReceiptNumber(x.series, x.number), date: x.date, from: x.period_from, to: x.period_to,
      gross: x.gross, levy: x.levy, deductions: x.deductions, net: x.net, status: x.voided_on === null ? 'valid' as const : 'voided' as const,
    })),
    payments: payments.map((x) => ({
      voucherId: x.id, formattedNumber: formatReceiptNumber(x.series, x.number), date: x.date, amount: x.amount,
      status: x.voided_on === null ? 'valid' as const : 'voided' as const,
    })),
    totals,
    closingOwed: openingOwed + totals.accrued - totals.levy - totals.deductions - totals.paid,
  };
}
