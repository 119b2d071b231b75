import type { ReportRange, StatementGroup, StatementSection } from '../../../../shared/operations/reports';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import { Amount } from './ReportParts';
import { rangeLink } from './drillDown';

/** The parts of a fin-statement, top to bottom. */
export type StatementBlock =
  | { kind: 'heading'; label: string }
  | { kind: 'section'; label: string | null; section: StatementSection; totalLabel: string | null; emptyLabel: string }
  | { kind: 'total'; label: string; amount: number; prior: number | null; testId: string };

interface Drill {
  associationId: number;
  /** Where the computed "result of the year" row leads (the income fin-statement of its range); no link without it. */
  resultLink?: ((range: ReportRange) => string) | undefined;
}

interface StatementTableProps {
  blocks: readonly StatementBlock[];
  currentLabel: string;
  /** Header of the comparative column; null when the report has none. */
  priorLabel: string | null;
  /** Screen only: every figure links to the journal entries behind it. Print leaves it out. */
  drill?: Drill | undefined;
  className?: string;
  labelledBy?: string;
}

/** Balance sheet and income fin-statement, on the screen and on paper alike: headings, accounts, totals. */
export function StatementTable({ blocks, currentLabel, priorLabel, drill, className = 'data', labelledBy }: StatementTableProps) {
  const t = useT();
  const columns = priorLabel === null ? 3 : 4;
  const rangeText = (range: ReportRange) => (range.from
    ? t('reports.period', { from: formatDate(range.from), to: formatDate(range.to) })
    : t('reports.sinceStart', { to: formatDate(range.to) }));

  const groupLink = (group: StatementGroup, range: ReportRange | null) => {
    if (!drill || !range) return null;
    if (group.kind === 'periodResult') return drill.resultLink?.(range) ?? null;
    return group.accountId ? rangeLink(drill.associationId, group.accountId, range) : null;
  };
  const groupLabel = (group: StatementGroup, range: ReportRange | null) => (range
    ? group.kind === 'periodResult'
      ? t('reports.openResult', { period: rangeText(range) })
      : t('reports.openJournal', { name: group.name, period: rangeText(range) })
    : undefined);

  const groupRows = (group: StatementGroup) => [
    <tr key={group.key} className="fin-statement__group" data-key={group.key}>
      <td className="code">{group.code}</td>
      <th scope="row">{group.name}</th>
      <td className="num"><Amount centimos={group.amount} to={groupLink(group, group.range)} label={groupLabel(group, group.range)} /></td>
      {priorLabel !== null && (
        <td className="num">
          {group.prior === null ? '' : <Amount centimos={group.prior} to={groupLink(group, group.priorRange)} label={groupLabel(group, group.priorRange)} />}
        </td>
      )}
    </tr>,
    ...group.accounts.map((account) => {
      const link = (range: ReportRange | null) => (drill && range ? rangeLink(drill.associationId, account.accountId, range) : null);
      const label = (range: ReportRange | null) => (range ? t('reports.openJournal', { name: account.name, period: rangeText(range) }) : undefined);
      return (
        <tr key={`${group.key}:${account.accountId}`} className="fin-statement__account" data-code={account.code}>
          <td className="code">{account.code}</td>
          <td className="fin-statement__account-name">{account.name}</td>
          <td className="num"><Amount centimos={account.amount} to={link(group.range)} label={label(group.range)} /></td>
          {priorLabel !== null && (
            <td className="num">{account.prior === null ? '' : <Amount centimos={account.prior} to={link(group.priorRange)} label={label(group.priorRange)} />}</td>
          )}
        </tr>
      );
    }),
  ];

  const totalRow = (key: string, label: string, amount: number, prior: number | null, className: string, testId?: string) => (
    <tr key={key} className={className} data-testid={testId}>
      <th scope="row" colSpan={2}>{label}</th>
      <td className="num">{formatMoney(amount)}</td>
      {priorLabel !== null && <td className="num">{prior === null ? '' : formatMoney(prior)}</td>}
    </tr>
  );

  return (
    <table className={`${className} fin-statement`} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('reports.col.code')}</th>
          <th scope="col">{t('reports.col.name')}</th>
          <th scope="col" className="num">{currentLabel}</th>
          {priorLabel !== null && <th scope="col" className="num">{priorLabel}</th>}
        </tr>
      </thead>
      <tbody>
        {blocks.flatMap((block, index) => {
          if (block.kind === 'heading') {
            return [<tr key={`h${index}`} className="fin-statement__heading"><th scope="rowgroup" colSpan={columns}>{block.label}</th></tr>];
          }
          if (block.kind === 'total') {
            return [totalRow(`t${index}`, block.label, block.amount, block.prior, 'statement__total fin-statement__total--grand', block.testId)];
          }
          const { section } = block;
          return [
            ...(block.label ? [<tr key={`s${index}`} className="fin-statement__subheading"><th scope="rowgroup" colSpan={columns}>{block.label}</th></tr>] : []),
            ...(section.groups.length === 0
              ? [<tr key={`e${index}`} className="fin-statement__none"><td colSpan={columns}>{block.emptyLabel}</td></tr>]
              : section.groups.flatMap(groupRows)),
            ...(block.totalLabel ? [totalRow(`st${index}`, block.totalLabel, section.total, section.prior, 'fin-statement__total', `total-${section.key}`)] : []),
          ];
        })}
      </tbody>
    </table>
  );
}
