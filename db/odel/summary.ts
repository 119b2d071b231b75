import { KhipuError } from '../../shared/errors';
import { displayDate } from '../../shared/dates';
import { addCentimos, roundHalfAwayFromZero } from '../../shared/money';
import { assertUbigeo, findUbigeo } from '../../shared/peru/ubigeo';
import { OFFICER_POSTS } from '../../shared/operations/members';
import type {
  AssociationSheet, DocumentCounts, OdelAssociationRow, OdelDistrict, OdelFigures, OdelSummary,
} from '../../shared/operations/odel';
import { getAssociation } from '../associations/service';
import { activeOnSql } from '../members/active';
import { listOfficers } from '../members/list';
import { monthBounds } from '../reports/balances';
import type { LedgerDatabase } from '../storage/open';
import { closingLinesBetween } from '../closing/lines';
import { postedLinesOnly } from '../reports/common';
import { SIDE_ROLES } from '../trade/common';

// The ODEL promoter's figures. Every figure is one SQL query over all the
// associations asked for (grouped by association), never one query per
// association: a promoter's file may hold ten associations over ten years.

interface Scope {
  /** One association, or every association of a district, or (both null) the whole file. */
  associationId: number | null;
  ubigeo: string | null;
}

interface Period { from: string; to: string; asOf: string }

/** `AND <alias>.association_id ...` for the scope; parameters are named @associationId / @ubigeo. */
function scopeFilter(alias: string, scope: Scope): string {
  if (scope.associationId !== null) return `AND ${alias}.association_id = @associationId`;
  if (scope.ubigeo !== null) return `AND ${alias}.association_id IN (SELECT id FROM associations WHERE ubigeo = @ubigeo)`;
  return '';
}

function emptyFigures(associations: number): OdelFigures {
  return {
    associations, women: 0, men: 0, members: 0, income: 0, sales: 0, contractSales: 0, expenses: 0, result: 0,
    cash: 0, receivables: 0, debts: 0, financialDebts: 0, purchases: 0, payables: 0, receivablesFromBuyers: 0,
    contractsValue: 0, contractsDelivered: 0, contractsDeliveredShareBp: 0, contractsCollected: 0, contractsPending: 0,
  };
}

const MONEY_KEYS = [
  'income', 'sales', 'contractSales', 'expenses', 'result', 'cash', 'receivables', 'debts', 'financialDebts',
  'purchases', 'payables', 'receivablesFromBuyers', 'contractsValue', 'contractsDelivered', 'contractsCollected',
  'contractsPending',
] as const;
const COUNT_KEYS = ['associations', 'women', 'men', 'members'] as const;

/** Adds `b` into `a`; money through addCentimos, so an unsafe total throws instead of rounding. */
function accumulate(a: OdelFigures, b: OdelFigures): void {
  for (const key of COUNT_KEYS) a[key] += b[key];
  for (const key of MONEY_KEYS) a[key] = addCentimos(a[key], b[key]);
  a.contractsDeliveredShareBp = deliveredShare(a.contractsDelivered, a.contractsValue);
}

/** Delivered as basis points of the value, rounded once (0 with no contract). */
function deliveredShare(delivered: number, value: number): number {
  return value === 0 ? 0 : roundHalfAwayFromZero(delivered * 10_000, value);
}

/**
 * The contracts' figures per association at asOf, in ONE query over the contract documents (indexed by
 * contract): value under the version in force on asOf, delivered net of rejected, collected, pending.
 */
function contractFigures(db: LedgerDatabase, scope: Scope, asOf: string): {
  id: number; value: number; delivered: number; collected: number; pending: number;
}[] {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contract_deliveries'").get()) return [];
  const live = (alias: string) => `${alias}.date <= @asOf AND (${alias}.voided_on IS NULL OR ${alias}.voided_on > @asOf)`;
  return db.prepare(`
    SELECT c.association_id AS id,
           COALESCE(SUM((SELECT SUM(i.amount) FROM contract_items i WHERE i.contract_id = c.id
                          AND i.version = (SELECT COALESCE(MAX(m.version), 0) FROM contract_amendments m
                                            WHERE m.contract_id = c.id AND m.date <= @asOf))), 0) AS value,
           COALESCE(SUM((SELECT SUM(d.amount - COALESCE((SELECT d.amount - a.accepted_amount FROM contract_acceptances a
                                                          WHERE a.delivery_id = d.id AND ${live('a')}), 0))
                           FROM contract_deliveries d WHERE d.contract_id = c.id AND ${live('d')})), 0) AS delivered,
           COALESCE(SUM((SELECT SUM(k.received) FROM contract_collections k WHERE k.contract_id = c.id AND ${live('k')})), 0)
             AS collected,
           COALESCE(SUM((SELECT SUM(v.total) FROM contract_invoices v WHERE v.contract_id = c.id AND ${live('v')})), 0)
             - COALESCE(SUM((SELECT SUM(k.total) FROM contract_collections k WHERE k.contract_id = c.id AND ${live('k')})), 0)
             AS pending
      FROM contracts c
     WHERE c.signed_on IS NOT NULL AND c.signed_on <= @asOf ${scopeFilter('c', scope)}
     GROUP BY c.association_id`)
    .all({ ...scope, asOf }) as { id: number; value: number; delivered: number; collected: number; pending: number }[];
}

/**
 * Figures per association id. Six queries whatever the number of associations: the associations, members,
 * flows of the period, stocks at asOf (both through the monthly snapshots and journal_lines_account_date),
 * purchases of the period, and the parties' balances at asOf; plus the few closing lines of each.
 */
function figuresByAssociation(db: LedgerDatabase, scope: Scope, period: Period): Map<number, OdelFigures> {
  const params = { ...scope, ...period };
  const byId = new Map<number, OdelFigures>();
  const associations = db
    .prepare('SELECT id FROM associations WHERE (@associationId IS NULL OR id = @associationId) AND (@ubigeo IS NULL OR ubigeo = @ubigeo)')
    .all(params) as { id: number }[];
  for (const { id } of associations) byId.set(id, emptyFigures(1));

  // Members active on asOf (db/members/active.ts: the one rule).
  const members = db
    .prepare(
      `SELECT m.association_id AS id,
              COALESCE(SUM(m.sex = 'F'), 0) AS women, COALESCE(SUM(m.sex = 'M'), 0) AS men, COUNT(*) AS members
         FROM members m
        WHERE ${activeOnSql('m.id', '@asOf')}
          ${scopeFilter('m', scope)}
        GROUP BY m.association_id`,
    )
    .all(params) as { id: number; women: number; men: number; members: number }[];
  for (const row of members) Object.assign(byId.get(row.id) ?? {}, { women: row.women, men: row.men, members: row.members });

  // Income (class 7, credit positive) and expenses (class 6) in the period: whole months from the
  // monthly snapshots, the two boundary months from the lines. Contract sales need the line's contract,
  // which the snapshots do not keep: they come from the class-7 lines of the period (by account and
  // date, not through journal_lines_contract, which would read every contract line ever posted).
  const flows = db
    .prepare(
      `SELECT id,
              COALESCE(-SUM(CASE WHEN code GLOB '7*' THEN amount END), 0) AS income,
              COALESCE(-SUM(CASE WHEN code GLOB '70*' THEN amount END), 0) AS sales,
              COALESCE(-SUM(contractAmount), 0) AS contractSales,
              COALESCE(SUM(CASE WHEN code GLOB '6*' THEN amount END), 0) AS expenses
         FROM (
           SELECT a.association_id AS id, a.code AS code, s.debits - s.credits AS amount, NULL AS contractAmount
             FROM accounts a
             CROSS JOIN account_month_balances s ON s.account_id = a.id AND s.month > @fromMonth AND s.month < @toMonth
            WHERE (a.code GLOB '6*' OR a.code GLOB '7*') ${scopeFilter('a', scope)}
           UNION ALL
           SELECT a.association_id, a.code, l.amount, NULL
             FROM accounts a
             CROSS JOIN journal_lines l ON l.account_id = a.id AND l.date >= @from AND l.date <= @fromMonthEnd
             ${postedLinesOnly(db)}
            WHERE (a.code GLOB '6*' OR a.code GLOB '7*') ${scopeFilter('a', scope)}
           UNION ALL
           SELECT a.association_id, a.code, l.amount, NULL
             FROM accounts a
             CROSS JOIN journal_lines l ON l.account_id = a.id AND l.date >= @toMonthStart AND l.date <= @to
             ${postedLinesOnly(db)}
            WHERE (a.code GLOB '6*' OR a.code GLOB '7*') ${scopeFilter('a', scope)}
           UNION ALL
           SELECT a.association_id, a.code, NULL, l.amount
             FROM accounts a
             CROSS JOIN journal_lines l INDEXED BY journal_lines_account_date
                   ON l.account_id = a.id AND l.date >= @from AND l.date <= @to
             ${postedLinesOnly(db)}
            WHERE a.code GLOB '7*' AND l.contract_id IS NOT NULL ${scopeFilter('a', scope)}
         )
        GROUP BY id`,
    )
    .all({ ...params, ...monthBounds(period.from, period.to) }) as {
      id: number; income: number; sales: number; contractSales: number; expenses: number;
    }[];
  for (const row of flows) {
    const figures = byId.get(row.id);
    if (!figures) continue;
    Object.assign(figures, { income: row.income, sales: row.sales, contractSales: row.contractSales, expenses: row.expenses });
  }
  // A closing entry (db/closing/lines.ts) is neither income nor expense: it moves the year's result to 59.
  for (const [id, figures] of byId) {
    for (const line of closingLinesBetween(db, id, period.from, period.to)) {
      if (line.code.startsWith('7')) figures.income += line.amount;
      if (line.code.startsWith('70')) figures.sales += line.amount;
      if (line.code.startsWith('6')) figures.expenses -= line.amount;
    }
  }

  // Balances at asOf of cash and banks, receivables and debts: the months before asOf's month from the
  // monthly snapshots, then the lines of asOf's month up to asOf.
  const stockAccounts = `(substr(a.code, 1, 2) IN ('10', '12', '13', '14', '16') OR substr(a.code, 1, 2) BETWEEN '40' AND '47')
              ${scopeFilter('a', scope)}`;
  const asOf = monthBounds(period.asOf, period.asOf);
  const stocks = db
    .prepare(
      `SELECT id,
              COALESCE(SUM(CASE WHEN element = '10' THEN amount END), 0) AS cash,
              COALESCE(SUM(CASE WHEN element IN ('12', '13', '14', '16') THEN amount END), 0) AS receivables,
              COALESCE(-SUM(CASE WHEN element BETWEEN '40' AND '47' THEN amount END), 0) AS debts,
              COALESCE(-SUM(CASE WHEN element = '45' THEN amount END), 0) AS financialDebts
         FROM (
           SELECT a.association_id AS id, substr(a.code, 1, 2) AS element, s.debits - s.credits AS amount
             FROM accounts a CROSS JOIN account_month_balances s ON s.account_id = a.id AND s.month < @asOfMonth
            WHERE ${stockAccounts}
           UNION ALL
           SELECT a.association_id, substr(a.code, 1, 2), l.amount
             FROM accounts a CROSS JOIN journal_lines l ON l.account_id = a.id AND l.date >= @asOfMonthStart AND l.date <= @asOf
             ${postedLinesOnly(db)}
            WHERE ${stockAccounts}
         )
        GROUP BY id`,
    )
    .all({ ...params, asOfMonth: asOf.fromMonth, asOfMonthStart: asOf.fromMonthStart }) as {
      id: number; cash: number; receivables: number; debts: number; financialDebts: number;
    }[];
  for (const row of stocks) {
    const figures = byId.get(row.id);
    if (!figures) continue;
    Object.assign(figures, { cash: row.cash, receivables: row.receivables, debts: row.debts, financialDebts: row.financialDebts });
  }
  for (const row of purchasesOfPeriod(db, params)) {
    const figures = byId.get(row.id);
    if (figures) figures.purchases = row.purchases;
  }
  for (const row of partyBalances(db, scope, params)) {
    const figures = byId.get(row.id);
    if (figures) Object.assign(figures, { payables: row.payables, receivablesFromBuyers: row.receivablesFromBuyers });
  }
  for (const row of contractFigures(db, scope, period.asOf)) {
    const figures = byId.get(row.id);
    if (!figures) continue;
    Object.assign(figures, {
      contractsValue: row.value, contractsDelivered: row.delivered, contractsCollected: row.collected, contractsPending: row.pending,
      contractsDeliveredShareBp: deliveredShare(row.delivered, row.value),
    });
  }
  for (const figures of byId.values()) figures.result = addCentimos(figures.income, -figures.expenses);
  return byId;
}

/**
 * The purchases book's foot per association (db/trade/books.ts, the same `live` rule): subtotals of the
 * purchases dated in the period and not voided by its last day. Driven from the associations so each one's
 * purchases are read by purchases_association_date.
 */
function purchasesOfPeriod(db: LedgerDatabase, params: Scope & Period): { id: number; purchases: number }[] {
  return db
    .prepare(
      `SELECT s.id, SUM(d.subtotal) AS purchases
         FROM associations s
         CROSS JOIN purchases d ON d.association_id = s.id AND d.date >= @from AND d.date <= @to
        WHERE (d.voided_on IS NULL OR d.voided_on > @to)
          AND (@associationId IS NULL OR s.id = @associationId) AND (@ubigeo IS NULL OR s.ubigeo = @ubigeo)
        GROUP BY s.id`,
    )
    .all(params) as { id: number; purchases: number }[];
}

/**
 * Per association, the positive party balances at asOf on each trade side (db/trade/common.ts SIDE_ROLES: the
 * accounts a party statement reads), summed: what is owed to suppliers, what buyers owe. A party's balance needs
 * all its lines (the monthly snapshots carry no party), read by account and party from journal_lines_account_party
 * alone (schema 20), in the order the GROUP BY wants.
 */
function partyBalances(
  db: LedgerDatabase, scope: Scope, params: Scope & Period,
): { id: number; payables: number; receivablesFromBuyers: number }[] {
  // The roles are the code's own constants, written into the statement: a bound list read per line cost 8 ms at 1M.
  const list = (roles: readonly string[]) => roles.map((role) => `'${role}'`).join(', ');
  return db
    .prepare(
      `SELECT id,
              COALESCE(SUM(CASE WHEN role IN (${list(SIDE_ROLES.payable)}) AND balance < 0 THEN -balance END), 0) AS payables,
              COALESCE(SUM(CASE WHEN role IN (${list(SIDE_ROLES.receivable)}) AND balance > 0 THEN balance END), 0) AS receivablesFromBuyers
         FROM (
           SELECT r.association_id AS id, r.role, SUM(l.amount) AS balance
             FROM accounts r
             JOIN accounts a ON a.association_id = r.association_id AND substr(a.code, 1, length(r.code)) = r.code AND a.postable = 1
             CROSS JOIN journal_lines l INDEXED BY journal_lines_account_party
                     ON l.account_id = a.id AND l.party_id IS NOT NULL AND l.date <= @asOf
             ${postedLinesOnly(db)}
            WHERE r.role IN (${list([...SIDE_ROLES.payable, ...SIDE_ROLES.receivable])}) ${scopeFilter('r', scope)}
            GROUP BY r.association_id, r.role, l.party_id
         )
        GROUP BY id`,
    )
    .all(params) as { id: number; payables: number; receivablesFromBuyers: number }[];
}

function checkPeriod(from: string, to: string): void {
  if (from > to) {
    throw new KhipuError('period.invalid', { field: 'from', params: { from: displayDate(from), to: displayDate(to) } });
  }
}

const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

export function odelSummary(
  db: LedgerDatabase,
  input: { ubigeo?: string | null | undefined; from: string; to: string; asOf?: string | undefined },
): OdelSummary {
  checkPeriod(input.from, input.to);
  const ubigeo = input.ubigeo ? assertUbigeo(input.ubigeo).code : null;
  const period: Period = { from: input.from, to: input.to, asOf: input.asOf ?? input.to };
  const scope: Scope = { associationId: null, ubigeo };
  const figures = figuresByAssociation(db, scope, period);
  const rows = db
    .prepare(
      `SELECT id, name, ruc, legal_form AS legalForm, ubigeo, main_products AS mainProducts FROM associations
        WHERE @ubigeo IS NULL OR ubigeo = @ubigeo`,
    )
    .all({ ubigeo }) as { id: number; name: string; ruc: string | null; legalForm: string; ubigeo: string; mainProducts: string }[];

  const districts = new Map<string, OdelDistrict>();
  for (const row of rows) {
    let district = districts.get(row.ubigeo);
    if (!district) {
      const place = findUbigeo(row.ubigeo);
      district = {
        ubigeo: row.ubigeo, department: place?.department ?? '', province: place?.province ?? '',
        district: place?.district ?? '', associations: [], subtotal: emptyFigures(0),
      };
      districts.set(row.ubigeo, district);
    }
    const association: OdelAssociationRow = {
      associationId: row.id, name: row.name, ruc: row.ruc, legalForm: row.legalForm,
      mainProducts: JSON.parse(row.mainProducts) as string[],
      ...(figures.get(row.id) ?? emptyFigures(1)),
    };
    district.associations.push(association);
    accumulate(district.subtotal, association);
  }
  const ordered = [...districts.values()].sort((a, b) => a.ubigeo.localeCompare(b.ubigeo));
  const total = emptyFigures(0);
  for (const district of ordered) {
    district.associations.sort((a, b) => collator.compare(a.name, b.name) || a.associationId - b.associationId);
    accumulate(total, district.subtotal);
  }
  return { ubigeo, ...period, districts: ordered, total };
}

const POST_ORDER = new Map<string, number>(OFFICER_POSTS.map((post, index) => [post, index]));

export function associationSheet(
  db: LedgerDatabase,
  input: { associationId: number; from: string; to: string; asOf?: string | undefined },
): AssociationSheet {
  checkPeriod(input.from, input.to);
  const association = getAssociation(db, input.associationId); // throws association.notFound
  const period: Period = { from: input.from, to: input.to, asOf: input.asOf ?? input.to };
  const figures = figuresByAssociation(db, { associationId: association.id, ubigeo: null }, period).get(association.id)
    ?? emptyFigures(1);
  const officers = listOfficers(db, association.id, period.asOf).sort(
    (a, b) => (POST_ORDER.get(a.post) ?? 99) - (POST_ORDER.get(b.post) ?? 99) || a.termStart.localeCompare(b.termStart),
  );
  const entries = db
    .prepare(
      `SELECT COUNT(*) AS entries, COALESCE(SUM(reverses_entry_id IS NOT NULL), 0) AS reversals
         FROM journal_entries WHERE association_id = @associationId AND posted = 1 AND date >= @from AND date <= @to`,
    )
    .get({ associationId: association.id, ...period }) as { entries: number; reversals: number };
  const documents = documentCounts(db, association.id, period);
  return { association, ...period, figures, officers, entries: entries.entries, reversals: entries.reversals, ...documents };
}

type CountedDocuments = 'receipts' | 'paymentVouchers' | 'sales' | 'notasDeVenta' | 'saleCollections';

/** Per kind of document: its table, the column of its amount, and which of its rows count. */
const COUNTED: Record<CountedDocuments, { table: string; amount: string; only?: string }> = {
  receipts: { table: 'receipts', amount: 'total' },
  paymentVouchers: { table: 'payment_vouchers', amount: 'amount' },
  sales: { table: 'sales', amount: 'total' },
  notasDeVenta: { table: 'sales', amount: 'total', only: "document_kind = 'nota_venta'" },
  saleCollections: { table: 'sale_collections', amount: 'amount' },
};

/** The documents of one association dated in the period: one query, each table read by its (association_id, date) index. */
function documentCounts(db: LedgerDatabase, associationId: number, period: Period): Record<CountedDocuments, DocumentCounts> {
  const sql = Object.entries(COUNTED).map(([kind, { table, amount, only }]) =>
    `SELECT '${kind}' AS kind, COUNT(*) AS issued, COALESCE(SUM(voided_on IS NOT NULL), 0) AS voided,
            COALESCE(SUM(CASE WHEN voided_on IS NULL THEN ${amount} END), 0) AS total
       FROM ${table} WHERE association_id = @associationId AND date >= @from AND date <= @to${only ? ` AND ${only}` : ''}`,
  ).join('\n UNION ALL\n');
  const rows = db.prepare(sql).all({ associationId, from: period.from, to: period.to }) as (DocumentCounts & { kind: CountedDocuments })[];
  const counts = {} as Record<CountedDocuments, DocumentCounts>;
  for (const { kind, issued, voided, total } of rows) counts[kind] = { issued, voided, total };
  return counts;
}
