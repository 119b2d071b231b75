import { allocate } from '../../shared/money';
import type { RendicionInConcept, RendicionOutConcept } from '../../shared/operations/trade';
import type { LedgerDatabase } from '../storage/open';
import { prepared } from '../storage/statements';

// What each céntimo that moved the cash was for. A document's entry is split by what the document says it paid
// (a receipt by the charges it settled, a supplier voucher by the purchases it settled and their categories);
// any other entry by its counter-accounts, line by line. Either way the pieces add up to the entry's cash
// movement exactly, so the rendición's in − out is the cash at the end less the cash at the start.

export type ConceptKey =
  | { direction: 'in'; concept: RendicionInConcept; category: null }
  | { direction: 'out'; concept: RendicionOutConcept; category: string | null };

const inc = (concept: RendicionInConcept): ConceptKey => ({ direction: 'in', concept, category: null });
const out = (concept: RendicionOutConcept, category: string | null = null): ConceptKey => ({ direction: 'out', concept, category });

/** A weighted piece of a document: its concept and the amount the document records for it. */
export interface ConceptWeight { key: ConceptKey; weight: number }

export interface CashEntry { entryId: number; sourceType: string | null; sourceId: number | null; cash: number }

/** Adds signed céntimos to a concept: an in concept counts cash coming in, an out concept cash going out. */
export type ConceptSink = (key: ConceptKey, cashIn: number) => void;

/** Spreads an entry's cash over the document's concepts, exactly (shared/money allocate). */
function spread(entry: CashEntry, weights: readonly ConceptWeight[], sink: ConceptSink): boolean {
  const usable = weights.filter((w) => w.weight > 0);
  if (usable.length === 0) return false;
  const magnitude = Math.abs(entry.cash);
  const parts = allocate(magnitude, usable.map((w) => w.weight));
  usable.forEach((w, i) => sink(w.key, Math.sign(entry.cash) * (parts[i] ?? 0)));
  return true;
}

// ------------------------------------------------------------------ by counter-account

/** The concept of a counter-account line; null: by its sign, other income or other expenses. */
function conceptOfRole(role: string | null, code: string, isCredit: boolean): ConceptKey | null {
  switch (role) {
    case 'dues_income': return inc('dues');
    case 'fines_income': return inc('fines');
    case 'extraordinary_income': return inc('extraordinary');
    case 'entrance_fees_income': return inc('entranceFees');
    case 'levy_income': return inc('levies');
    case 'capital': case 'member_capital_contributions': case 'member_contributions_receivable': return inc('capital');
    case 'member_credit': return isCredit ? inc('memberAdvances') : out('refunds');
    case 'receivable_customers': return inc('collections');
    case 'sales_goods': case 'sales_products': case 'sales_services': return inc('sales');
    case 'loans_payable': case 'member_loans_payable': return isCredit ? inc('loans') : out('loanRepayments');
    case 'grants_income': case 'deferred_grants': case 'conditional_donations': return inc('grants');
    case 'donations_income': return inc('donations');
    case 'payable_suppliers': case 'fees_payable': return out('purchases');
    case 'inventory_goods': case 'inventory_products': case 'inventory_raw_materials': case 'inventory_supplies':
      return out('purchases', 'stock');
    case 'purchases': case 'purchases_raw_materials': case 'purchases_supplies': return out('purchases', 'supplies_consumed');
    case 'equipment': return out('purchases', 'equipment');
    case 'biological_assets': return out('purchases', 'animals');
    case 'personnel_expense': case 'wages_payable': case 'member_work_expense': return out('labour');
    case 'transport_expense': return out('transport');
    case 'services_expense': return out('services');
    case 'taxes_expense': case 'taxes_payable': case 'withholding_tax_payable': return out('taxes');
    case 'bank_fees': return out('bankFees');
    default: break;
  }
  if (code.startsWith('70')) return inc('sales');
  return null;
}

export interface AccountInfo { role: string | null; code: string }

/** Line by line: an unrecognised credit is other income, an unrecognised debit another expense. */
export function spreadByAccounts(
  lines: readonly { accountId: number; amount: number }[], accounts: Map<number, AccountInfo>, sink: ConceptSink,
): void {
  for (const line of lines) {
    if (line.amount === 0) continue;
    const account = accounts.get(line.accountId);
    const key = conceptOfRole(account?.role ?? null, account?.code ?? '', line.amount < 0)
      ?? (line.amount < 0 ? inc('otherIncome') : out('otherExpenses'));
    // The counter-line's credit is cash coming in.
    sink(key, -line.amount);
  }
}

// ------------------------------------------------------------------ by document

const CHARGE_CONCEPT_OF_KIND: Record<string, RendicionInConcept> = {
  ordinary_due: 'dues', fine: 'fines', extraordinary: 'extraordinary', capital: 'capital', levy_per_unit: 'levies',
  in_kind: 'otherIncome',
};

/** Receipts: by the charges each line settled (the contribution type's income account first), advances apart. */
function receiptWeights(db: LedgerDatabase, receiptIds: readonly number[]): Map<number, ConceptWeight[]> {
  const rows = prepared(db, `
      SELECT rl.receipt_id AS id, rl.amount, rl.charge_id, t.kind, ta.role AS type_role, ra.role AS receivable_role
        FROM json_each(?) k JOIN receipt_lines rl ON rl.receipt_id = k.value
        LEFT JOIN charges c ON c.id = rl.charge_id
        LEFT JOIN contribution_types t ON t.id = c.contribution_type_id
        LEFT JOIN accounts ta ON ta.id = t.account_id
        LEFT JOIN accounts ra ON ra.id = c.receivable_account_id`)
    .all(JSON.stringify(receiptIds)) as {
    id: number; amount: number; charge_id: number | null; kind: string | null; type_role: string | null; receivable_role: string | null;
  }[];
  const byReceipt = new Map<number, ConceptWeight[]>();
  for (const r of rows) {
    let concept: RendicionInConcept;
    if (r.charge_id === null) concept = 'memberAdvances';
    else if (r.type_role === 'receivable_other' || r.receivable_role === 'receivable_other') concept = 'jointPurchaseShares';
    else if (r.type_role === 'entrance_fees_income') concept = 'entranceFees';
    else concept = CHARGE_CONCEPT_OF_KIND[r.kind ?? ''] ?? 'otherIncome';
    const list = byReceipt.get(r.id) ?? [];
    list.push({ key: inc(concept), weight: r.amount });
    byReceipt.set(r.id, list);
  }
  return byReceipt;
}

/**
 * Payment vouchers: a supplier's by the categories of the purchases it settled (each allocation spread over the
 * purchase's lines), what it paid beyond them an advance; labour, refunds and other payments by their kind.
 */
function voucherWeights(db: LedgerDatabase, voucherIds: readonly number[], accounts: Map<number, AccountInfo>): Map<number, ConceptWeight[]> {
  const ids = JSON.stringify(voucherIds);
  const vouchers = prepared(db, `SELECT v.id, v.kind, v.amount, v.expense_account_id FROM json_each(?) k
                                   JOIN payment_vouchers v ON v.id = k.value`)
    .all(ids) as { id: number; kind: string; amount: number; expense_account_id: number | null }[];
  // Only what the voucher settled on its own day: an advance applied to a later purchase moved no cash then,
  // and must not turn a month already presented from advance into purchase.
  const lines = prepared(db, `
      SELECT va.voucher_id, va.id AS allocation_id, va.amount AS allocated, pl.amount AS line_amount, pl.category
        FROM json_each(?) k JOIN voucher_allocations va ON va.voucher_id = k.value
        JOIN payment_vouchers v ON v.id = va.voucher_id AND va.date <= v.date
        JOIN purchase_lines pl ON pl.purchase_id = va.purchase_id
       ORDER BY va.id, pl.line_no`)
    .all(ids) as { voucher_id: number; allocation_id: number; allocated: number; line_amount: number; category: string | null }[];
  const allocations = new Map<number, { voucherId: number; allocated: number; lines: { amount: number; category: string | null }[] }>();
  for (const l of lines) {
    const a = allocations.get(l.allocation_id) ?? { voucherId: l.voucher_id, allocated: l.allocated, lines: [] };
    a.lines.push({ amount: l.line_amount, category: l.category });
    allocations.set(l.allocation_id, a);
  }
  const byVoucher = new Map<number, ConceptWeight[]>();
  const add = (voucherId: number, key: ConceptKey, weight: number) => {
    const list = byVoucher.get(voucherId) ?? [];
    list.push({ key, weight });
    byVoucher.set(voucherId, list);
  };
  const settled = new Map<number, number>();
  for (const a of allocations.values()) {
    // The purchase's IGV follows its lines: the allocation is spread over them by their amounts.
    const parts = allocate(a.allocated, a.lines.map((l) => l.amount));
    a.lines.forEach((l, i) => add(a.voucherId, out('purchases', l.category), parts[i] ?? 0));
    settled.set(a.voucherId, (settled.get(a.voucherId) ?? 0) + a.allocated);
  }
  for (const v of vouchers) {
    if (v.kind === 'supplier') {
      const advance = v.amount - (settled.get(v.id) ?? 0);
      if (advance > 0) add(v.id, out('supplierAdvances'), advance);
    } else if (v.kind === 'labour') {
      add(v.id, out('labour'), v.amount);
    } else if (v.kind === 'member_refund') {
      add(v.id, out('refunds'), v.amount);
    } else {
      const account = v.expense_account_id === null ? undefined : accounts.get(v.expense_account_id);
      const key = account ? conceptOfRole(account.role, account.code, false) : null;
      add(v.id, key?.direction === 'out' ? key : out('otherExpenses'), v.amount);
    }
  }
  return byVoucher;
}

/** Splits every cash entry into concepts through the sink; returns nothing, the sink sums. */
export function classifyCashEntries(
  db: LedgerDatabase, entries: readonly CashEntry[], accounts: Map<number, AccountInfo>, sink: ConceptSink,
): void {
  const idsOf = (...types: string[]) =>
    [...new Set(entries.filter((e) => e.sourceType !== null && types.includes(e.sourceType) && e.sourceId !== null)
      .map((e) => e.sourceId as number))];
  const receipts = receiptWeights(db, idsOf('receipt', 'receipt_void'));
  const vouchers = voucherWeights(db, idsOf('payment_voucher', 'payment_voucher_void'), accounts);
  const counterLines = prepared(db, `SELECT l.entry_id, l.account_id AS accountId, l.amount FROM json_each(?) k
                                       JOIN journal_lines l ON l.entry_id = k.value`);
  const byDocument: Record<string, (entry: CashEntry) => ConceptWeight[] | undefined> = {
    receipt: (e) => receipts.get(e.sourceId ?? 0),
    receipt_void: (e) => receipts.get(e.sourceId ?? 0),
    payment_voucher: (e) => vouchers.get(e.sourceId ?? 0),
    payment_voucher_void: (e) => vouchers.get(e.sourceId ?? 0),
    credit_refund: () => [{ key: out('refunds'), weight: 1 }],
    credit_refund_void: () => [{ key: out('refunds'), weight: 1 }],
    sale: () => [{ key: inc('sales'), weight: 1 }],
    sale_void: () => [{ key: inc('sales'), weight: 1 }],
    sale_collection: () => [{ key: inc('collections'), weight: 1 }],
    sale_collection_void: () => [{ key: inc('collections'), weight: 1 }],
  };
  const rest: CashEntry[] = [];
  for (const entry of entries) {
    const weights = entry.sourceType === null ? undefined : byDocument[entry.sourceType]?.(entry);
    if (!weights || !spread(entry, weights, sink)) rest.push(entry);
  }
  if (rest.length === 0) return;
  const lines = counterLines.all(JSON.stringify(rest.map((e) => e.entryId))) as { entry_id: number; accountId: number; amount: number }[];
  const isCash = (accountId: number) => accounts.get(accountId)?.code.startsWith('10') ?? false;
  spreadByAccounts(lines.filter((l) => !isCash(l.accountId)), accounts, sink);
}
