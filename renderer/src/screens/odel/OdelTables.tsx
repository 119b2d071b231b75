import type { CSSProperties, ReactNode } from 'react';
import type { OdelAssociationRow, OdelDistrict, OdelFigures, OdelSummary } from '../../../../shared/operations/odel';
import { useT } from '../../app/settings';
import { formatAmount } from '../../../../shared/money';
import type { MessageKey } from '../../i18n/messages';

type Column = keyof Omit<OdelFigures, 'associations'>;

const COUNT_COLUMNS = ['women', 'men', 'members'] as const satisfies readonly Column[];

/**
 * Purchases, what is owed to suppliers and what buyers owe: a table of their own under each district's,
 * since the main table already fills a landscape A4 page at 10 pt.
 */
const TRADE_COLUMNS = ['purchases', 'payables', 'receivablesFromBuyers'] as const satisfies readonly Column[];

/**
 * The purchases table is left out when no association of the summary buys, owes a supplier or is owed
 * by a buyer: each figure is a sum of non-negative amounts, so the grand total says it.
 */
export function hasTrade(summary: OdelSummary): boolean {
  return TRADE_COLUMNS.some((key) => summary.total[key] !== 0);
}

/** Contracts with public entities: their value, the share delivered, what was collected and what is pending. */
const CONTRACT_COLUMNS = [
  'contractsValue', 'contractsDelivered', 'contractsDeliveredShareBp', 'contractsCollected', 'contractsPending',
] as const satisfies readonly Column[];

/** The contracts table is left out when no association of the summary has a contract. */
export function hasContracts(summary: OdelSummary): boolean {
  return summary.total.contractsValue !== 0;
}

/** A share in basis points as printed: 4250 → "42.5 %". */
const formatShare = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : bp % 10 === 0 ? 1 : 2)} %`;

/**
 * The money columns of a summary. Ventas, Por contratos and Préstamos stand beside the figure
 * they are part of only when some association has them, so a district of small associations
 * does not print three columns of zeros; every table of one summary has the same columns.
 */
export function moneyColumns(summary: OdelSummary): Column[] {
  const has = (key: Column) => summary.total[key] !== 0 || summary.districts.some((d) => d.associations.some((a) => a[key] !== 0));
  return [
    'income',
    ...(has('sales') ? (['sales'] as const) : []),
    ...(has('contractSales') ? (['contractSales'] as const) : []),
    'expenses', 'result', 'cash', 'receivables', 'debts',
    ...(has('financialDebts') ? (['financialDebts'] as const) : []),
  ];
}

const columnLabel = (column: Column): MessageKey => `odel.col.${column}`;

/** How many money columns the tables have, for the screen's minimum table width (odel.css). */
const moneyColumnCount = (columns: Column[]) => ({ '--odel-money-columns': columns.length }) as CSSProperties;

interface TableProps {
  columns: Column[];
  className: string;
  /** On screen each name opens the association's sheet; on paper it is plain text. */
  onOpenSheet?: ((row: OdelAssociationRow) => void) | undefined;
}

/**
 * Fixed column widths (odel.css, table-layout: fixed), the same in every district's table and
 * the total's, so the figures of one column stand under one another down the whole summary.
 */
function Columns({ columns }: { columns: Column[] }) {
  return (
    <colgroup>
      <col className="odel-col--name" />
      {COUNT_COLUMNS.map((column) => <col key={column} className="odel-col--count" />)}
      {columns.map((column) => <col key={column} className="odel-col--money" />)}
    </colgroup>
  );
}

function Head({ columns }: { columns: Column[] }) {
  const t = useT();
  return (
    <thead>
      {/* Two rows: "Socios" over Mujeres / Hombres / Total keeps the narrow count columns' headings short. */}
      <tr>
        <th scope="col" rowSpan={2}>{t('odel.col.association')}</th>
        <th scope="colgroup" colSpan={COUNT_COLUMNS.length} className="odel-table__group">{t('odel.col.membersGroup')}</th>
        {columns.map((column) => <th key={column} scope="col" rowSpan={2} className="num">{t(columnLabel(column))}</th>)}
      </tr>
      <tr>
        {COUNT_COLUMNS.map((column) => <th key={column} scope="col" className="num">{t(columnLabel(column))}</th>)}
      </tr>
    </thead>
  );
}

function FigureCells({ figures, columns }: { figures: OdelFigures; columns: Column[] }) {
  return (
    <>
      {COUNT_COLUMNS.map((column) => <td key={column} className="num">{figures[column]}</td>)}
      {/* Soles without the symbol: the period line says the amounts are in soles. */}
      {columns.map((column) => <td key={column} className="num">{formatAmount(figures[column])}</td>)}
    </>
  );
}

type SideColumns = readonly Column[];

/** Name and the figures of a side table (trade or contracts) for one association, a subtotal or the total. */
function SideRow({ label, figures, columns, className, testId }: {
  label: string; figures: OdelFigures; columns: SideColumns; className?: string; testId: string;
}) {
  return (
    <tr className={className} data-testid={testId}>
      <th scope="row">{label}</th>
      {columns.map((column) => (
        <td key={column} className="num">
          {/* The share is a percentage (basis points), every other figure soles. */}
          {column === 'contractsDeliveredShareBp' ? formatShare(figures[column]) : formatAmount(figures[column])}
        </td>
      ))}
    </tr>
  );
}

/** A side table of a district (rows and subtotal) or of the total (one row), labelled by its section's heading. */
function SideTable({ className, labelledBy, kind, columns, children }: {
  className: string; labelledBy: string; kind: 'trade' | 'contracts'; columns: SideColumns; children: ReactNode;
}) {
  const t = useT();
  const headingId = `${labelledBy}-${kind}`;
  return (
    <>
      <h3 id={headingId} className="odel-trade__heading">{t(kind === 'trade' ? 'odel.tradeHeading' : 'odel.contractsHeading')}</h3>
      <table className={`${className} odel-table odel-table--trade`} aria-labelledby={`${labelledBy} ${headingId}`} data-testid={`odel-${kind}`}>
        <colgroup>
          <col className="odel-col--name" />
          {columns.map((column) => <col key={column} className="odel-col--money" />)}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('odel.col.association')}</th>
            {columns.map((column) => <th key={column} scope="col" className="num">{t(columnLabel(column))}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </>
  );
}

/** One district: its associations by name and their subtotal. Shared by the screen and the print route. */
export function OdelDistrictTable({ district, columns, className, onOpenSheet, trade, contracts }: TableProps & { district: OdelDistrict; trade: boolean; contracts: boolean }) {
  const t = useT();
  const headingId = `odel-district-${district.ubigeo}`;
  return (
    <section className="odel-district" data-testid="odel-district" data-ubigeo={district.ubigeo}>
      <h2 id={headingId} className="odel-district__heading">
        {t('odel.districtHeading', { district: district.district, province: district.province, department: district.department, ubigeo: district.ubigeo })}
      </h2>
      <table className={`${className} odel-table`} style={moneyColumnCount(columns)} aria-labelledby={headingId}>
        <Columns columns={columns} />
        <Head columns={columns} />
        <tbody>
          {district.associations.map((row) => (
            <tr key={row.associationId} data-testid="odel-row" data-association-id={row.associationId}>
              <th scope="row">
                {onOpenSheet ? (
                  <button type="button" className="link-button" aria-label={t('odel.openSheet', { name: row.name })} onClick={() => onOpenSheet(row)}>
                    {row.name}
                  </button>
                ) : row.name}
              </th>
              <FigureCells figures={row} columns={columns} />
            </tr>
          ))}
          {/* In the body, not a <tfoot>: Chromium repeats a tfoot on every printed page. */}
          <tr className="odel-table__subtotal" data-testid="odel-subtotal">
            <th scope="row">{t('odel.subtotal', { district: district.district })}</th>
            <FigureCells figures={district.subtotal} columns={columns} />
          </tr>
        </tbody>
      </table>
      {trade && (
        <SideTable className={className} labelledBy={headingId} kind="trade" columns={TRADE_COLUMNS}>
          {district.associations.map((row) => <SideRow key={row.associationId} label={row.name} figures={row} columns={TRADE_COLUMNS} testId="odel-trade-row" />)}
          <SideRow label={t('odel.subtotal', { district: district.district })} figures={district.subtotal} columns={TRADE_COLUMNS} className="odel-table__subtotal" testId="odel-trade-subtotal" />
        </SideTable>
      )}
      {contracts && (
        <SideTable className={className} labelledBy={headingId} kind="contracts" columns={CONTRACT_COLUMNS}>
          {district.associations.map((row) => <SideRow key={row.associationId} label={row.name} figures={row} columns={CONTRACT_COLUMNS} testId="odel-contracts-row" />)}
          <SideRow label={t('odel.subtotal', { district: district.district })} figures={district.subtotal} columns={CONTRACT_COLUMNS} className="odel-table__subtotal" testId="odel-contracts-subtotal" />
        </SideTable>
      )}
    </section>
  );
}

/** The grand total of every district shown, under the same columns. */
export function OdelTotalTable({ summary, columns, className, trade, contracts }: { summary: OdelSummary; columns: Column[]; className: string; trade: boolean; contracts: boolean }) {
  const t = useT();
  return (
    <section className="odel-district odel-district--total">
      <h2 id="odel-total-heading" className="odel-district__heading">{t('odel.totalCount', { count: summary.total.associations })}</h2>
      <table className={`${className} odel-table`} style={moneyColumnCount(columns)} aria-labelledby="odel-total-heading">
        <Columns columns={columns} />
        <Head columns={columns} />
        <tbody>
          <tr className="odel-table__total" data-testid="odel-total">
            <th scope="row">{t('odel.total')}</th>
            <FigureCells figures={summary.total} columns={columns} />
          </tr>
        </tbody>
      </table>
      {trade && (
        <SideTable className={className} labelledBy="odel-total-heading" kind="trade" columns={TRADE_COLUMNS}>
          <SideRow label={t('odel.total')} figures={summary.total} columns={TRADE_COLUMNS} className="odel-table__total" testId="odel-trade-total" />
        </SideTable>
      )}
      {contracts && (
        <SideTable className={className} labelledBy="odel-total-heading" kind="contracts" columns={CONTRACT_COLUMNS}>
          <SideRow label={t('odel.total')} figures={summary.total} columns={CONTRACT_COLUMNS} className="odel-table__total" testId="odel-contracts-total" />
        </SideTable>
      )}
    </section>
  );
}

/** Every district table then the grand total; a sentence when there is nothing to show. */
export function OdelTables({ summary, className, onOpenSheet }: { summary: OdelSummary; className: string; onOpenSheet?: TableProps['onOpenSheet'] }) {
  const t = useT();
  if (summary.districts.length === 0) return <p className="notice" data-testid="odel-empty">{t('odel.empty')}</p>;
  const columns = moneyColumns(summary);
  const trade = hasTrade(summary);
  const contracts = hasContracts(summary);
  return (
    <>
      {summary.districts.map((district) => (
        <OdelDistrictTable key={district.ubigeo} district={district} columns={columns} className={className} onOpenSheet={onOpenSheet} trade={trade} contracts={contracts} />
      ))}
      <OdelTotalTable summary={summary} columns={columns} className={className} trade={trade} contracts={contracts} />
    </>
  );
}
