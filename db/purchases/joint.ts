import type { ParsedInput } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { KhipuError } from '../../shared/errors';
import { allocate, formatSoles, sumCentimos } from '../../shared/money';
import { jointPurchaseTypeName } from '../../shared/operations/purchases';
import type { WriteContext } from '../audit/log';
import { createCharge, voidCharge } from '../contributions/charges';
import { requireMember, roleAccount } from '../contributions/common';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';
import type { PricedLine } from './lines';

// Joint purchases: the association buys for several members and recharges each her share, exactly to
// the céntimo. A share is an ordinary charge (db/contributions/charges.ts) of the system type "Compras
// conjuntas" (extraordinary, credited to 169 Otras cuentas por cobrar, where the purchase's joint lines
// were debited), so it is on the member's statement, position and arrears and is paid with receipts.

type JointInput = NonNullable<ParsedInput<'recordPurchase'>['jointShares']>;

export interface PlannedShare { memberId: number; memberName: string; quantity: number | null; amount: number }

/** Thousandths as the messages show them: 1250 → "1.25", 500000 → "500". */
const quantityWords = (thousandths: number) => (thousandths / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 });

/**
 * Each member's share of the joint lines, checked before anything is written: by quantity (the parts
 * add up to what the joint lines bought; amounts by largest remainder, so they add up exactly) or by
 * amount (the parts add up to the joint lines' amount).
 */
export function planShares(
  db: LedgerDatabase, associationId: number, lines: readonly PricedLine[], joint: JointInput | null | undefined,
): PlannedShare[] {
  const jointLines = lines.filter((line) => line.category === 'joint');
  if (jointLines.length === 0) {
    if (joint) throw new KhipuError('purchase.sharesWithoutJointLines', { field: 'jointShares' });
    return [];
  }
  if (!joint) throw new KhipuError('purchase.sharesRequired', { field: 'jointShares' });
  const total = sumCentimos(jointLines.map((line) => line.amount));
  const seen = new Set<number>();
  const members = joint.members.map((share, index) => {
    const field = `jointShares.members.${index}`;
    const member = requireMember(db, associationId, share.memberId, `${field}.memberId`);
    if (seen.has(member.id)) throw new KhipuError('purchase.shareMemberTwice', { field: `${field}.memberId`, params: { name: member.full_name } });
    seen.add(member.id);
    return { member, share, field };
  });

  if (joint.by === 'amount') {
    const shares = members.map(({ member, share, field }) => {
      if (share.amount === null || share.amount === undefined) {
        throw new KhipuError('purchase.shareAmountRequired', { field: `${field}.amount`, params: { name: member.full_name } });
      }
      return { memberId: member.id, memberName: member.full_name, quantity: share.quantity ?? null, amount: share.amount };
    });
    const shared = sumCentimos(shares.map((share) => share.amount));
    if (shared !== total) {
      throw new KhipuError('purchase.shareAmountsMismatch', {
        field: 'jointShares.members', params: { shares: formatSoles(shared), total: formatSoles(total) },
      });
    }
    return shares;
  }

  const missing = jointLines.find((line) => line.quantity === null);
  if (missing) {
    throw new KhipuError('purchase.jointNeedsQuantities', {
      field: `lines.${missing.lineNo - 1}.quantity`, params: { description: missing.description },
    });
  }
  const bought = jointLines.reduce((sum, line) => sum + line.quantity!, 0);
  const quantities = members.map(({ member, share, field }) => {
    if (share.quantity === null || share.quantity === undefined) {
      throw new KhipuError('purchase.shareQuantityRequired', { field: `${field}.quantity`, params: { name: member.full_name } });
    }
    return share.quantity;
  });
  const shared = quantities.reduce((sum, quantity) => sum + quantity, 0);
  if (shared !== bought) {
    throw new KhipuError('purchase.shareQuantitiesMismatch', {
      field: 'jointShares.members', params: { shares: quantityWords(shared), bought: quantityWords(bought) },
    });
  }
  const amounts = allocate(total, quantities);
  return members.map(({ member, field }, index) => {
    const amount = amounts[index]!;
    if (amount <= 0) throw new KhipuError('purchase.shareZero', { field: `${field}.quantity`, params: { name: member.full_name } });
    return { memberId: member.id, memberName: member.full_name, quantity: quantities[index]!, amount };
  });
}

/**
 * The system type the shares are charged on, created on first use: extraordinary, credited to
 * receivable_other (169). A type of that name made for something else is not taken over.
 */
function jointPurchaseType(db: LedgerDatabase, context: WriteContext, associationId: number): number {
  const account = roleAccount(db, associationId, 'receivable_other');
  const found = prepared(db, `SELECT id, kind, account_id, archived_at FROM contribution_types
        WHERE association_id = ? AND khipu_fold(name) = khipu_fold(?)`).get(associationId, jointPurchaseTypeName) as
    { id: number; kind: string; account_id: number; archived_at: string | null } | undefined;
  if (found) {
    if (found.kind !== 'extraordinary' || found.account_id !== account || found.archived_at !== null) {
      throw new KhipuError('purchase.jointTypeConflict', { field: 'jointShares', params: { name: jointPurchaseTypeName } });
    }
    return found.id;
  }
  return Number(prepared(db, `INSERT INTO contribution_types (association_id, kind, name, account_id, created_at)
        VALUES (?, 'extraordinary', ?, ?, ?)`).run(associationId, jointPurchaseTypeName, account, context.now().toISOString())
    .lastInsertRowid);
}

/** Charges each share on its member (the charges service posts and audits each) and returns the charge ids in order. */
export function chargeShares(
  db: LedgerDatabase, context: WriteContext,
  purchase: { associationId: number; date: string; dueDate: string; label: string; what: string },
  shares: readonly PlannedShare[],
): number[] {
  if (shares.length === 0) return [];
  const typeId = jointPurchaseType(db, context, purchase.associationId);
  return shares.map((share) => {
    const portion = share.quantity === null ? '' : ` (${quantityWords(share.quantity)})`;
    return createCharge(db, context, {
      associationId: purchase.associationId, memberId: share.memberId, contributionTypeId: typeId, date: purchase.date,
      dueDate: purchase.dueDate, amount: share.amount, confirmDuplicate: true,
      description: `Compra conjunta: ${purchase.what}${portion} — ${purchase.label}`.slice(0, 200),
    }).id;
  });
}

export function checkSharesDueDate(date: string, dueDate: string): void {
  if (dueDate < date) {
    throw new KhipuError('purchase.sharesDueBeforeDate', {
      field: 'dueDateForShares', params: { dueDate: displayDate(dueDate), date: displayDate(date) },
    });
  }
}

interface ShareCharge { chargeId: number; memberName: string; live: boolean; paid: number }

function shareCharges(db: LedgerDatabase, purchaseId: number): ShareCharge[] {
  return (prepared(db, `SELECT s.charge_id AS chargeId, m.full_name AS memberName, c.voided_on IS NULL AS live,
              COALESCE((SELECT SUM(a.amount) FROM allocations a
                         WHERE a.charge_id = c.id AND a.voided_on IS NULL AND a.source <> 'credit'), 0) AS paid
         FROM joint_purchase_shares s JOIN charges c ON c.id = s.charge_id JOIN members m ON m.id = s.member_id
        WHERE s.purchase_id = ? ORDER BY s.id`).all(purchaseId) as { chargeId: number; memberName: string; live: number; paid: number }[])
    .map((row) => ({ ...row, live: row.live === 1 }));
}

/** Refuses the void of a joint purchase a member has paid part of, naming her and what she paid. */
export function refusePaidShares(db: LedgerDatabase, purchaseId: number, label: string): void {
  const paid = shareCharges(db, purchaseId).find((share) => share.live && share.paid > 0);
  if (paid) {
    throw new KhipuError('purchase.sharePaid', {
      field: 'purchaseId', params: { label, name: paid.memberName, amount: formatSoles(paid.paid) },
    });
  }
}

/** Cancels the live share charges of a purchase being voided (credit in favour they used goes back to the member). */
export function voidShareCharges(db: LedgerDatabase, context: WriteContext, purchaseId: number, date: string, reason: string): number[] {
  const live = shareCharges(db, purchaseId).filter((share) => share.live);
  for (const share of live) voidCharge(db, context, { chargeId: share.chargeId, date, reason }, { byPurchaseVoid: true });
  return live.map((share) => share.chargeId);
}
