import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerApi, type LedgerApi } from '../api';
import { tempDatabase, testContext } from '../testing/temp-db';
import type { LedgerDatabase } from '../storage/open';
import {
  khipuPartyBalances, ledgerPartyBalances, parseCsv, runTool, threeWay, toolAmount, toolVersion, type BalanceQuery, type JournalTool,
} from './cross-check';
import { generateBooks, type GeneratedBooks } from './dataset';
import { journalAccountNames, journalComment, journalText } from './export';

// One exported file, read unmodified by hledger 1.25 and ledger-cli 3.3 (Debian 12's packages):
// both must list the same postings Khipu holds and give Khipu's balance sheet, income statement
// and per-account balances to the céntimo, on the example association with awkward names and memos
// added, on two years of generated books with every trade document (per party too), and on random
// books posted through the engine.

/** Account names, memos and descriptions that mean something to one tool or the other. */
const ODD_ACCOUNT_NAMES = {
  bank: "Banco: Caja Q'ollana; cuenta «Ñuñoa» @ 5 = 6 (feria) [dominical] * ! \"x\" % | #",
  income: 'Señor de Exaltación: :faena: key:: value — ¡Q\'eswachaka! (año 2026) 🐄',
  payable: 'Por pagar a la comunidad campesina de Cotahuacho, distrito de Chincheros, Apurímac: ampliación, techado, '
    .repeat(3).slice(0, 200).trimEnd(),
  cash: "Caja: chica; «Q'ollana» [1] *!",
};
const ODD_MEMOS = [
  'Operación: 0042; voucher N° 17',
  'date: 2020-01-01',
  '[2020-01-01] depositado [=2021-01-01]',
  '[31/02] :faena:tarea: type: Liability',
  "Q'ollana @ 3 = 4 (a) * ! \"ñ\" % | \\ ~ {x} S/ 10.00",
  'Crédito N° 0042: TEA 18%; 36 cuotas, acuerdo: asamblea del 05/03 '.repeat(5).slice(0, 300).trimEnd(),
];
const ODD_DESCRIPTIONS = [
  "Depósito: feria [2020-01-01] @ 5 = 6 * ! (Q'ollana); año",
  '* ! Cobro (parcial) = 50% @ S/ 10.00',
  '(sin código) ; ; date: 2020-01-01',
  '| nota: partida; ñandú',
  'Faena comunal: limpieza del canal de riego, reparación de la bocatoma y traslado de materiales; '.repeat(6).slice(0, 500).trimEnd(),
];

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
let associationId: number;
let fullFile: string;
let periodFile: string;

function save(name: string, content: string): string {
  const file = join(env.folder, name);
  writeFileSync(file, content);
  return file;
}

/** The example association, plus accounts with odd names and entries with odd descriptions and memos. */
function exampleWithOddText(): number {
  const { id } = api.openExampleAssociation({});
  const byCode = (code: string) => api.listAccounts({ associationId: id }).find((a) => a.code === code)!.id;
  const bank = api.addAccount({ associationId: id, parentCode: '104', code: '1043', name: ODD_ACCOUNT_NAMES.bank }).id;
  const income = api.addAccount({ associationId: id, parentCode: '7599', code: '75998', name: ODD_ACCOUNT_NAMES.income }).id;
  const payable = api.addAccount({ associationId: id, parentCode: '469', code: '4693', name: ODD_ACCOUNT_NAMES.payable }).id;
  const cash = byCode('101');
  api.renameAccount({ associationId: id, accountId: cash, name: ODD_ACCOUNT_NAMES.cash });
  const dates = ['2025-05-10', '2025-08-20', '2025-11-30', '2026-01-15', '2026-03-02'];
  ODD_DESCRIPTIONS.forEach((description, index) => {
    const amount = 123_456 * (index + 1) + 7;
    api.postEntry({
      associationId: id, date: dates[index]!, description, lines: [
        { accountId: bank, amount, memo: ODD_MEMOS[index] },
        { accountId: cash, amount: 1_000, memo: ODD_MEMOS[(index + 1) % ODD_MEMOS.length] },
        { accountId: income, amount: -(amount - 5_000), memo: ODD_MEMOS[(index + 2) % ODD_MEMOS.length] },
        { accountId: payable, amount: -6_000, memo: ODD_MEMOS[5] },
      ],
    });
  });
  return id;
}

beforeAll(() => {
  toolVersion('hledger'); // either tool missing fails the whole file, with the command that installs it
  toolVersion('ledger');
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now }); // today 15/03/2026
  associationId = exampleWithOddText();
  fullFile = save('ejemplo.journal', api.exportHledgerJournal({ associationId }).content);
  periodFile = save('ejemplo-2025s2.journal', api.exportHledgerJournal({ associationId, from: '2025-07-01', to: '2025-12-31' }).content);
}, 60_000);

afterAll(() => env?.cleanup());

/** One posting as both tools and Khipu should see it. */
interface PostingView { date: string; code: string; description: string; account: string; amount: number; memo: string }

/** Khipu's own posted lines, written as the export promises to write them. */
function khipuPostings(db: LedgerDatabase, association: number): PostingView[] {
  const names = journalAccountNames(db, association);
  const rows = db.prepare(
    `SELECT e.date, e.fiscal_year, e.number, e.description, l.account_id, l.amount, l.memo
       FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
      WHERE e.association_id = ? AND e.posted = 1
      ORDER BY e.date, e.fiscal_year, e.number, e.id, l.line_no`,
  ).all(association) as { date: string; fiscal_year: number; number: number; description: string; account_id: number; amount: number; memo: string | null }[];
  return rows.map((r) => ({
    date: r.date, code: `${r.fiscal_year}-${r.number}`, description: journalText(r.description) || '-',
    account: names.get(r.account_id)!.name, amount: r.amount, memo: r.memo === null ? '' : journalComment(r.memo),
  }));
}

function toolPostings(tool: JournalTool, file: string): PostingView[] {
  if (tool === 'ledger') {
    const format = '%(date)\t%(code)\t%(payee)\t%(account)\t%(quantity(scrub(amount)))\t%(note)\n';
    return runTool('ledger', file, ['reg', '--date-format', '%Y-%m-%d', '--format', format])
      .split('\n').filter((row) => row !== '')
      .map((row) => {
        const [date = '', code = '', description = '', account = '', amount = '', memo = ''] = row.split('\t');
        return { date, code, description, account, amount: toolAmount(amount), memo: memo.trim() };
      });
  }
  const [header = [], ...rows] = parseCsv(runTool('hledger', file, ['print', '-O', 'csv']));
  const column = (name: string) => header.indexOf(name);
  return rows.map((r) => ({
    date: r[column('date')]!, code: r[column('code')]!, description: r[column('description')]!, account: r[column('account')]!,
    amount: toolAmount(r[column('amount')]!), memo: r[column('posting-comment')]!.trim(),
  }));
}

function expectAgreement(file: string, query: BalanceQuery, association = associationId): Record<string, number> {
  const { khipu, hledger, ledger } = threeWay(env.db, association, file, query);
  const label = JSON.stringify(query);
  expect(hledger, `hledger ${label}`).toEqual(khipu);
  expect(ledger, `ledger ${label}`).toEqual(khipu);
  return khipu;
}

const BALANCE_SHEET = ['activo', 'pasivo', 'patrimonio'] as const;
const INCOME_STATEMENT = ['ingresos', 'gastos'] as const;

/** Last day of each month from December 2024 to February 2026, and today. */
const DAYS = [
  ...Array.from({ length: 15 }, (_, month) => new Date(Date.UTC(2025, month, 0)).toISOString().slice(0, 10)), '2026-03-15',
];

describe('the export reads unmodified in hledger and ledger-cli', () => {
  it('both tools are installed', () => {
    expect(toolVersion('hledger')).toMatch(/^hledger 1\.\d+/);
    expect(toolVersion('ledger')).toMatch(/^Ledger 3\.\d+/);
  });

  it('both list every posting Khipu holds: same date, number, description, account, amount and memo', () => {
    const khipu = khipuPostings(env.db, associationId);
    expect(khipu.length).toBeGreaterThan(400);
    expect(toolPostings('hledger', fullFile)).toEqual(khipu);
    expect(toolPostings('ledger', fullFile)).toEqual(khipu);
  });

  it('odd names keep accents, ñ, apostrophes and brackets; a colon becomes ꞉ only where it would split or tag', () => {
    const names = [...journalAccountNames(env.db, associationId).values()].map((a) => a.name);
    const bank = "activo:1 Activo disponible y exigible:10 Caja y bancos:104 Bancos – cuentas corrientes:" +
      "1043 Banco꞉ Caja Q'ollana, cuenta «Ñuñoa» @ 5 = 6 (feria) [dominical] * ! \"x\" % | #";
    expect(names).toContain(bank);
    expect(names).toContain("activo:1 Activo disponible y exigible:10 Caja y bancos:101 Caja꞉ chica, «Q'ollana» [1] *!");
    // hledger lists every declared account; ledger every account with postings: all under the same names.
    expect(runTool('hledger', fullFile, ['accounts']).split('\n').filter(Boolean).sort()).toEqual(
      [...BALANCE_SHEET, ...INCOME_STATEMENT, ...names].sort(),
    );
    const used = new Set(khipuPostings(env.db, associationId).map((p) => p.account));
    expect(runTool('ledger', fullFile, ['accounts']).split('\n').filter(Boolean).sort()).toEqual([...used].sort());
    expect(used).toContain(bank);

    const postings = toolPostings('ledger', fullFile);
    expect(postings.map((p) => p.memo)).toEqual(expect.arrayContaining([
      'Operación꞉ 0042, voucher N° 17', 'date꞉ 2020-01-01', '(2020-01-01) depositado (=2021-01-01)', '(31/02) ꞉faena꞉tarea꞉ type꞉ Liability',
    ]));
    expect(postings.map((p) => p.description)).toEqual(expect.arrayContaining([
      "Depósito: feria [2020-01-01] @ 5 = 6 * ! (Q'ollana), año", '* ! Cobro (parcial) = 50% @ S/ 10.00', '(sin código) , , date: 2020-01-01',
    ]));
  });

  it('no memo becomes a tag or a date: the only tag is the account type, and nothing is dated before the books begin', () => {
    expect(runTool('ledger', fullFile, ['tags'])).toBe('');
    expect(runTool('hledger', fullFile, ['tags']).trim()).toBe('type');
    expect(runTool('hledger', fullFile, ['accounts', '--types', '^activo$', '^ingresos$']).replace(/ +/g, ' ').trim().split('\n'))
      .toEqual(['activo ; type: A', 'ingresos ; type: R']);
    expect(expectAgreement(fullFile, { to: '2024-12-31', level: 'accounts' })).toEqual({});
  });

  it('balance sheet at every month end: each account and the totals of assets, liabilities and equity', () => {
    for (const to of DAYS) {
      const accounts = expectAgreement(fullFile, { to, level: 'accounts' });
      const totals = expectAgreement(fullFile, { to, level: 'roots', roots: BALANCE_SHEET });
      if (to >= '2025-03-31') expect(Object.keys(accounts).length, to).toBeGreaterThan(5);
      if (to >= '2025-03-31') expect(Object.keys(totals), to).toEqual(expect.arrayContaining(['activo', 'patrimonio']));
    }
  });

  it('income statement of each month and of the year: each account, revenues and expenses', () => {
    const periods = DAYS.slice(1).map((to) => ({ from: `${to.slice(0, 7)}-01`, to }));
    for (const { from, to } of [...periods, { from: '2025-01-01', to: '2025-12-31' }, { from: '2025-03-16', to: '2026-03-15' }]) {
      expectAgreement(fullFile, { from, to, level: 'accounts', roots: INCOME_STATEMENT });
      const totals = expectAgreement(fullFile, { from, to, level: 'roots', roots: INCOME_STATEMENT });
      if (from >= '2025-03-01') expect(Object.keys(totals), from).toContain('ingresos');
    }
  });

  it('a period export opens with the balances before it, so both tools agree with Khipu within it', () => {
    for (const to of ['2025-06-30', '2025-07-31', '2025-09-15', '2025-12-31']) {
      expectAgreement(periodFile, { to, level: 'accounts' });
      expectAgreement(periodFile, { to, level: 'roots', roots: BALANCE_SHEET });
    }
    expect(Object.keys(expectAgreement(periodFile, { from: '2025-07-01', to: '2025-12-31', level: 'accounts', roots: INCOME_STATEMENT })).length)
      .toBeGreaterThan(2);
  });
});

describe('two years of generated books with purchases, payments, sales, stock and their voids', () => {
  let books: GeneratedBooks;
  let file: string;
  beforeAll(() => {
    books = generateBooks(env.db, api, { name: 'Asociación de Productores Agropecuarios Sumaq Q\'oy' });
    file = save('generado.journal', api.exportHledgerJournal({ associationId: books.associationId }).content);
  }, 60_000);

  it('both list every posting Khipu holds, the trade documents and their voids included', () => {
    const khipu = khipuPostings(env.db, books.associationId);
    const trade = env.db.prepare(`SELECT COUNT(*) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
        WHERE e.association_id = ? AND e.posted = 1 AND e.source_type IS NOT NULL AND e.source_type <> 'reversal'`).pluck().get(books.associationId) as number;
    expect(trade).toBeGreaterThan(2_000);
    expect(khipu.length).toBeGreaterThan(trade);
    expect(toolPostings('ledger', file)).toEqual(khipu);
    expect(toolPostings('hledger', file)).toEqual(khipu);
  });

  it("per party, ledger (by the name its entries carry) = the party's journal lines = its statement: balances, and each year's debits and credits", () => {
    const codes = ['421', '424', '121'];
    const parties = [
      ...books.trade.suppliers.map((id) => ({ id, side: 'payable' as const })), ...books.trade.buyers.map((id) => ({ id, side: 'receivable' as const })),
    ];
    const sum = (balances: Map<string, number>) => [...balances.values()].reduce((total, amount) => total + amount, 0);
    let owing = 0;
    for (const { id, side } of parties) {
      const { name } = api.getParty({ partyId: id });
      const sign = side === 'payable' ? -1 : 1; // what is owed, positive, on either side
      let moved = 0;
      for (const to of ['2024-06-12', '2025-03-13', books.lastDate]) {
        const journal = khipuPartyBalances(env.db, id, { codes, to });
        if (journal.size > 0) owing += 1;
        expect(Object.fromEntries(ledgerPartyBalances(file, { name, codes, to })), `${name} ${to}`).toEqual(Object.fromEntries(journal));
        const { closing } = api.partyStatement({ associationId: books.associationId, partyId: id, side, to });
        expect(closing, `${name} ${to}: statement`).toBe(0 + sign * sum(journal));
      }
      for (const [from, to] of [['2024-01-01', '2024-12-31'], ['2025-01-01', '2025-12-31']] as const) {
        const [debits, credits] = (['debits', 'credits'] as const).map((part) => {
          const journal = khipuPartyBalances(env.db, id, { codes, from, to, side: part });
          expect(Object.fromEntries(ledgerPartyBalances(file, { name, codes, from, to, side: part })), `${name} ${from} ${part}`)
            .toEqual(Object.fromEntries(journal));
          return sum(journal);
        }) as [number, number];
        const { totals } = api.partyStatement({ associationId: books.associationId, partyId: id, side, from, to });
        const grew = side === 'payable' ? 0 - credits : debits;
        const shrank = side === 'payable' ? debits : 0 - credits;
        expect(totals, `${name} ${from}: statement totals`).toEqual({ increase: grew, decrease: shrank });
        moved += debits - credits;
      }
      expect(moved, `${name}: no movement to compare`).toBeGreaterThan(0);
    }
    expect(owing).toBeGreaterThan(5); // open balances on some of those days, not only zeros
  });
});

describe('random books posted through the engine read the same in Khipu, hledger and ledger-cli', () => {
  const ALPHABET = [..."aeiouñÑáéíóúüQ'’ :;:@=()[]*!\"%|#\\~{}«»—-,./0123456789S/🐄\u00a0"];
  const oddText = (maxLength: number) => fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength })
    .map((chars) => chars.join('')).filter((text) => text.trim() !== '');
  const line = fc.record({ account: fc.nat(), amount: fc.integer({ min: 1, max: 100_000_000 }), credit: fc.boolean(), memo: fc.option(oddText(60)) });
  const entry = fc.record({
    day: fc.integer({ min: 0, max: 364 }), description: oddText(80),
    lines: fc.array(line, { minLength: 2, maxLength: 4 }),
  });
  let runs = 0;

  it('postings and balances at any day and over any period agree to the céntimo', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), oddText(40), fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 364 }),
        (entries, accountName, dayA, dayB) => {
          runs += 1;
          const { id } = api.createAssociation({ name: `Asociación aleatoria ${runs}`, legalForm: 'asociacion', ubigeo: '030601' });
          const odd = api.addAccount({ associationId: id, parentCode: '104', code: '1043', name: accountName });
          const postable = [odd, ...api.listAccounts({ associationId: id }).filter((a) => a.postable && a.id !== odd.id)];
          const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
          for (const drafted of entries) {
            const lines = drafted.lines.slice(0, -1).map((l) => ({
              accountId: postable[l.account % postable.length]!.id, amount: l.credit ? -l.amount : l.amount, memo: l.memo,
            }));
            const rest = lines.reduce((sum, l) => sum + l.amount, 0);
            const last = drafted.lines[drafted.lines.length - 1]!;
            if (rest === 0) lines[0]!.amount += lines[0]!.amount > 0 ? 1 : -1; // never a zero balancing line
            const balancing = -lines.reduce((sum, l) => sum + l.amount, 0);
            lines.push({ accountId: postable[last.account % postable.length]!.id, amount: balancing, memo: last.memo });
            api.postEntry({ associationId: id, date: day(drafted.day), description: drafted.description, lines });
          }
          const file = save(`aleatorio-${runs}.journal`, api.exportHledgerJournal({ associationId: id }).content);
          const khipu = khipuPostings(env.db, id);
          expect(toolPostings('hledger', file)).toEqual(khipu);
          expect(toolPostings('ledger', file)).toEqual(khipu);
          const [from, to] = [day(Math.min(dayA, dayB)), day(Math.max(dayA, dayB))];
          expectAgreement(file, { to, level: 'accounts' }, id);
          expectAgreement(file, { to: '2025-12-31', level: 'roots' }, id);
          expectAgreement(file, { from, to, level: 'accounts', roots: INCOME_STATEMENT }, id);
        }),
      { numRuns: 15 },
    );
  }, 120_000);
});
