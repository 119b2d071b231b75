import type { ReportName, SizeResult } from './run-size';

// The bench's table as Markdown, one column per size, so it can be pasted into docs/performance.md.

const ms = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const int = (x: number) => x.toLocaleString('en-US');

/** ✓ / ✗ against a target, judged on the largest size measured. */
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✓' : '✗');

/** Reports with a tighter target of their own (issue 12: party statement, aging and a year's purchases book). */
const REPORT_TARGETS: Partial<Record<string, number | null>> = {
  partyStatement: 20, agingPayable: 20, agingReceivable: 20, purchasesBook: 20,
  // No issue sets one: the whole-file review runs on demand, and SQLite's own integrity_check is most of it.
  checkIntegrity: null,
  // Issue 13.
  contractSheet: 20,
};

export function renderTable(sizes: readonly SizeResult[], reports: readonly ReportName[]): string {
  const largest = sizes[sizes.length - 1];
  const atMillion = largest?.size === '1m';
  const header = ['', ...sizes.map((s) => s.size), `target${atMillion ? ' (1m)' : ` (judged at ${largest?.size ?? '—'})`}`];
  const rows: string[][] = [];
  const row = (label: string, values: string[], target = '') => rows.push([label, ...values, target]);
  const each = (f: (s: SizeResult) => string) => sizes.map(f);

  row('journal lines', each((s) => int(s.generation.lines)));
  row('entries / receipts', each((s) => `${int(s.generation.entries)} / ${int(s.generation.receipts)}`));
  row('associations × members × years', each((s) => `${s.parameters.associations} × ${s.parameters.membersPerAssociation} × ${s.parameters.years}`));
  row('largest association: lines (in the year)', each((s) => `${int(s.largestAssociation.lines)} (${int(s.largestAssociation.periodLines)})`));
  row('generation, lines/s', each((s) => int(s.generation.linesPerSecond)),
    `> 100,000 ${mark(largest ? largest.generation.linesPerSecond > 100_000 : null)}`);
  row('recordPayment p50 / p95 ms', each((s) => `${ms(s.writes.recordPayment.p50)} / ${ms(s.writes.recordPayment.p95)}`),
    `p50 < 2 ${mark(largest ? largest.writes.recordPayment.p50 < 2 : null)}`);
  row('postEntry p50 / p95 ms', each((s) => `${ms(s.writes.postEntry.p50)} / ${ms(s.writes.postEntry.p95)}`));
  // Sizes measured before issue 12 have no trade writes: their cells stay empty.
  for (const write of ['recordPurchase', 'recordSale'] as const) {
    const p50 = largest?.writes[write]?.p50;
    row(`${write} p50 / p95 ms`, each((s) => (s.writes[write] ? `${ms(s.writes[write].p50)} / ${ms(s.writes[write].p95)}` : '—')),
      `p50 < 1 ${mark(p50 === undefined ? null : p50 < 1)}`);
  }
  // Issue 13: a day's acopio for 40 members, a fortnight settled for 40 members.
  for (const [write, target] of [['recordAcopioDay', 5], ['settleAcopioPeriod', 50]] as const) {
    const p50 = largest?.writes[write]?.p50;
    row(`${write} p50 / p95 ms`, each((s) => (s.writes[write] ? `${ms(s.writes[write].p50)} / ${ms(s.writes[write].p95)}` : '—')),
      `p50 < ${target} ${mark(p50 === undefined ? null : p50 < target)}`);
  }
  for (const report of reports) {
    const target = REPORT_TARGETS[report] === undefined ? 50 : REPORT_TARGETS[report];
    const value = largest?.reports[report];
    row(`${report} ms`, each((s) => ms(s.reports[report])),
      target === null ? '' : `< ${target} ${mark(value === undefined ? null : value < target)}`);
  }
  row('file size MB', each((s) => (s.fileBytes / 2 ** 20).toFixed(1)));
  row('peak RSS MB', each((s) => String(s.peakRssMB)));
  const measured = sizes.filter((s) => s.hledger !== null);
  for (const s of measured) {
    const h = s.hledger!;
    row(`hledger balancesheet ms (${s.size})`, each((x) => (x === s ? (h.available ? ms(h.balanceSheetMs) : 'n/a') : '')));
    row(`hledger ÷ Khipu balance sheet (${s.size})`, each((x) => (x === s ? (h.ratio === null ? 'n/a' : `${h.ratio}×`) : '')),
      `≥ 50× ${mark(h.ratio === null ? null : h.ratio >= 50)}`);
  }

  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
