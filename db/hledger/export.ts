import { KhipuError } from '../../shared/errors';
import { displayDate } from '../../shared/dates';
import type { AccountType } from '../../shared/results';
import type { HledgerExport } from '../../shared/operations/odel';
import { foldText } from '../../shared/text';
import { listAccounts } from '../accounts/service';
import { getAssociation } from '../associations/service';
import type { LedgerDatabase } from '../storage/open';

/**
 * The association's books as one plain-text journal that hledger (1.25 and later) and ledger-cli
 * (3.3 and later) both read unmodified, with the same balances, so an accountant can check every
 * Khipu report with two independent programs. The format is the subset both tools parse alike:
 *
 *   - `commodity "S/"` with `format "S/" 1,000.00`; every amount is `"S/" 1234.56` / `"S/" -0.07`:
 *     the symbol in double quotes (ledger refuses a bare `/` in a commodity), the point as decimal
 *     mark, no thousands separator in the file (the tools add them on display), always two decimals,
 *     straight from the integer céntimos by string formatting (no float ever).
 *   - Accounts are `<type root>:<PCGE chain>`, e.g. `activo:1 Activo disponible y exigible:10 Caja y
 *     bancos:101 Caja`, each declared on its own line with its type on the next, indented line
 *     (`    ; type: Asset`): hledger reads the tag (balancesheet, incomestatement and `--strict` work),
 *     ledger reads a comment, and neither makes it part of the name (ledger would on the account line).
 *   - Each entry is `yyyy-mm-dd (fiscalYear-number) description`, one posting per line, debit
 *     positive, the line's memo after `  ; `.
 *   - Text: one line, single spaces, no control characters, `;` (hledger's comment mark) becomes `,`.
 *     In account names `:` (the separator) becomes `꞉` (U+A789, a colon look-alike). In memos, which
 *     are comments, `:` also becomes `꞉` and `[` `]` become `(` `)`: both tools read `word:` and
 *     `:word:` in a comment as tags (hledger moves a posting dated by `date:`), and `[...]` as a date.
 *     Descriptions keep their colons and brackets: neither tool looks for tags or dates there.
 */

const ROOTS: Record<AccountType, { name: string; type: string }> = {
  asset: { name: 'activo', type: 'Asset' },
  liability: { name: 'pasivo', type: 'Liability' },
  equity: { name: 'patrimonio', type: 'Equity' },
  income: { name: 'ingresos', type: 'Revenue' },
  expense: { name: 'gastos', type: 'Expense' },
};

/** What a `:` becomes where a colon would mean something to hledger or ledger. */
export const COLON_LOOKALIKE = '\uA789';

/** Text on one line: NFC, no control characters, single spaces, no `;` (hledger's comment mark). */
export function journalText(text: string): string {
  return text.normalize('NFC').replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/;/g, ',').trim();
}

/** A memo as a posting comment that neither tool reads as a tag or a date. */
export function journalComment(text: string): string {
  return journalText(text).replace(/:/g, COLON_LOOKALIKE).replace(/\[/g, '(').replace(/\]/g, ')');
}

/** One component of an account name: no `:` (the separator). */
function accountPart(text: string): string {
  return journalText(text).replace(/:/g, COLON_LOOKALIKE);
}

/** Integer céntimos as `"S/" 1234.56` / `"S/" -0.07`, by string formatting only. */
export function journalAmount(centimos: number): string {
  if (!Number.isSafeInteger(centimos)) throw new KhipuError('money.notCentimos', { params: { value: String(centimos) } });
  const negative = centimos < 0;
  const digits = BigInt(negative ? -centimos : centimos).toString().padStart(3, '0');
  return `"S/" ${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The full journal name of every account of the association, by id. */
export function journalAccountNames(db: LedgerDatabase, associationId: number): Map<number, { name: string; type: AccountType }> {
  const accounts = listAccounts(db, associationId);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const names = new Map<number, { name: string; type: AccountType }>();
  for (const account of accounts) {
    const chain: string[] = [];
    for (let current = byId.get(account.id); current; current = current.parentId === null ? undefined : byId.get(current.parentId)) {
      chain.unshift(`${current.code} ${accountPart(current.name)}`);
    }
    names.set(account.id, { name: [ROOTS[account.type].name, ...chain].join(':'), type: account.type });
  }
  return names;
}

interface LineRow {
  entry_id: number; fiscal_year: number; number: number; date: string; description: string;
  account_id: number; amount: number; memo: string | null;
}

export function exportHledgerJournal(
  db: LedgerDatabase,
  input: { associationId: number; from?: string | null | undefined; to?: string | null | undefined },
): HledgerExport {
  const from = input.from ?? null;
  const to = input.to ?? null;
  if (from !== null && to !== null && from > to) {
    throw new KhipuError('period.invalid', { field: 'from', params: { from: displayDate(from), to: displayDate(to) } });
  }
  const association = getAssociation(db, input.associationId);
  const accounts = journalAccountNames(db, association.id);
  const width = 72; // amounts line up for most names; a longer name still gets its two spaces
  const out: string[] = [
    `; Khipu: libro diario de ${journalText(association.name)}`,
    `; RUC ${association.ruc ?? '-'}, ubigeo ${association.ubigeo} (${journalText(`${association.district}, ${association.province}, ${association.department}`)})`,
    `; Periodo: ${from === null ? 'desde el inicio' : `desde ${from}`} ${to === null ? 'hasta el último asiento' : `hasta ${to}`}`,
    '; Montos en soles (S/), débito positivo, crédito negativo. Cuentas del PCGE 2019.',
    '; Se lee con hledger y con ledger-cli sin cambios; en notas y nombres de cuenta, «:» se escribe «꞉».',
    '',
    'decimal-mark .',
    'commodity "S/"',
    '    format "S/" 1,000.00',
    '',
  ];
  const declare = (name: string, type: AccountType) => out.push(`account ${name}`, `    ; type: ${ROOTS[type].type}`);
  for (const [type, root] of Object.entries(ROOTS) as [AccountType, (typeof ROOTS)[AccountType]][]) declare(root.name, type);
  for (const account of accounts.values()) declare(account.name, account.type);

  const posting = (accountId: number, amount: number, memo: string | null) => {
    const account = accounts.get(accountId);
    if (!account) throw new KhipuError('account.notFound', { params: { id: accountId } });
    const note = memo === null ? '' : journalComment(memo);
    return `    ${account.name.padEnd(width)}  ${journalAmount(amount)}${note === '' ? '' : `  ; ${note}`}`;
  };

  let transactions = 0;
  if (from !== null) {
    // What came before the period, as one opening entry the day before: every account's balance.
    const opening = db
      .prepare(
        `SELECT a.id AS account_id, SUM(l.amount) AS amount
           FROM accounts a JOIN journal_lines l ON l.account_id = a.id AND l.date < @from
           JOIN journal_entries e ON e.id = l.entry_id AND e.posted = 1
          WHERE a.association_id = @associationId
          GROUP BY a.id HAVING SUM(l.amount) <> 0 ORDER BY a.code`,
      )
      .all({ associationId: association.id, from }) as { account_id: number; amount: number }[];
    if (opening.length > 0) {
      out.push('', `${dayBefore(from)} (apertura) Saldos al ${displayDate(dayBefore(from))}: asientos anteriores al periodo`);
      for (const row of opening) out.push(posting(row.account_id, row.amount, null));
      transactions += 1;
    }
  }

  const lines = db
    .prepare(
      `SELECT e.id AS entry_id, e.fiscal_year, e.number, e.date, e.description, l.account_id, l.amount, l.memo
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
        WHERE e.association_id = @associationId AND e.posted = 1
          AND (@from IS NULL OR e.date >= @from) AND (@to IS NULL OR e.date <= @to)
        ORDER BY e.date, e.fiscal_year, e.number, e.id, l.line_no`,
    )
    .iterate({ associationId: association.id, from, to }) as IterableIterator<LineRow>;
  let current: number | null = null;
  for (const line of lines) {
    if (line.entry_id !== current) {
      current = line.entry_id;
      transactions += 1;
      out.push('', `${line.date} (${line.fiscal_year}-${line.number}) ${journalText(line.description) || '-'}`);
    }
    out.push(posting(line.account_id, line.amount, line.memo));
  }
  out.push('');

  const slug = foldText(association.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'asociacion';
  return {
    fileName: `khipu-${slug}${from === null ? '' : `-desde-${from}`}${to === null ? '' : `-hasta-${to}`}.journal`,
    content: out.join('\n'),
    transactions,
  };
}
