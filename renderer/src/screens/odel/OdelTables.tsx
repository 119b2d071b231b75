import type { CSSProperties } from 'react';
import type { OdelAssociationRow, OdelDistrict, OdelFigures, OdelSummary } from '../../../../shared/operations/odel';
import { useT } from '../../app/settings';
import { formatAmount } from '../../../../shared/money';
import type { MessageKey } from '../../i18n/messages';

type Column = keyof Omit<OdelFigures, 'associations'>;

const COUNT_COLUMNS = ['women', 'men', 'members'] as const satisfies readonly Column[];

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

/** One district: its associations by name and their subtotal. Shared by the screen and the print route. */
export function OdelDistrictTable({ district, columns, className, onOpenSheet }: TableProps & { district: OdelDistrict }) {
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
    </section>
  );
}

/** The grand total of every district shown, under the same columns. */
export function OdelTotalTable({ summary, columns, className }: { summary: OdelSummary; columns: Column[]; className: string }) {
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
    </section>
  );
}

/** Every district table then the grand total; a sentence when there is nothing to show. */
export function OdelTables({ summary, className, onOpenSheet }: { summary: OdelSummary; className: string; onOpenSheet?: TableProps['onOpenSheet'] }) {
  const t = useT();
  if (summary.districts.length === 0) return <p className="notice" data-testid="odel-empty">{t('odel.empty')}</p>;
  const columns = moneyColumns(summary);
  return (
    <>
      {summary.districts.map((district) => (
        <OdelDistrictTable key={district.ubigeo} district={district} columns={columns} className={className} onOpenSheet={onOpenSheet} />
      ))}
      <OdelTotalTable summary={summary} columns={columns} className={className} />
    </>
  );
}
