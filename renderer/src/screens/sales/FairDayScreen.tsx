import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ProductSummary } from '../../../../shared/operations/stock';
import { formatAmount, multiplyQuantity, sumCentimos } from '../../../../shared/money';
import { ApiCallError } from '../../api/client';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings, useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { readAmount } from '../../format/amounts';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { matchProduct, readQuantity } from './quantity';
import { SalesTabs } from './SalesTabs';
import { useCashAccounts } from './useCashAccounts';
import './sales.css';

/*
 * One row is one sale, not one line of a sale. At a fair almost every sale is one product to
 * someone passing by, paid in cash: a row per sale means product, quantity, price, Enter, and the
 * next buyer — no "new sale" step between buyers. The rare buyer who takes two products is two
 * rows, which for a cash sale to the public is the same money, stock and entries.
 */

const COLUMNS = ['product', 'quantity', 'price'] as const;
type Column = (typeof COLUMNS)[number];

interface FairRow {
  key: number;
  productText: string;
  productId: number | null;
  quantity: string;
  price: string;
}

type CellErrors = Record<string, string>;
const cellKey = (rowKey: number, column: Column) => `${rowKey}.${column}`;

let nextRowKey = 1;
const blankRow = (): FairRow => ({ key: nextRowKey++, productText: '', productId: null, quantity: '', price: '' });
const isBlank = (row: FairRow) => row.productText.trim() === '' && row.quantity.trim() === '' && row.price.trim() === '';

/** The engine's path of a row's field ("sales.2.lines.0.quantity") → the grid's column. */
function columnOfField(field: string): { saleIndex: number; column: Column } | null {
  const match = /^sales\.(\d+)(?:\.lines\.\d+)?\.(\w+)$/.exec(field);
  if (!match) return null;
  const column: Column | undefined = ({ productId: 'product', quantity: 'quantity', unitPrice: 'price', amount: 'price' } as const)[match[2] as 'productId'];
  return column ? { saleIndex: Number(match[1]), column } : null;
}

/** Día de feria: many small cash sales typed one after another with the keyboard alone, saved together. */
export function FairDayScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const products = useOperation('listProducts', { associationId });
  const cash = useCashAccounts(associationId);
  const error = products.error ?? cash.error;
  return (
    <section className="screen">
      <h1>{t('fair.title')}</h1>
      <SalesTabs />
      <p>{t('fair.lead')}</p>
      <ErrorAlert message={error?.message} />
      {products.data && cash.accounts && (
        products.data.length === 0
          ? <p className="notice">{t('fair.noProducts')}</p>
          : <FairGrid products={products.data.filter((p) => !p.archived)} accounts={cash.accounts} />
      )}
    </section>
  );
}

function FairGrid({ products, accounts }: { products: readonly ProductSummary[]; accounts: readonly { id: number; name: string; role: string | null }[] }) {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const save = useWrite('recordFairSales');
  const grid = useRef<HTMLDivElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const [rows, setRows] = useState<FairRow[]>(() => [blankRow()]);
  const [errors, setErrors] = useState<CellErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [date, setDate] = useState(() => formatDate(todayIso()));
  const [dateError, setDateError] = useState<string | null>(null);
  const [withNotas, setWithNotas] = useState(false);
  const [accountId, setAccountId] = useState(() => String(accounts.find((a) => a.role === 'cash')?.id ?? accounts[0]?.id ?? ''));
  // A cell to focus once the rows it lives in are on the page (a row just added).
  const [pendingFocus, setPendingFocus] = useState<{ rowKey: number; column: Column } | null>(null);

  const focusCell = (rowKey: number, column: Column) => {
    grid.current?.querySelector<HTMLInputElement>(`[data-cell="${cellKey(rowKey, column)}"]`)?.focus();
  };
  useEffect(() => {
    if (!pendingFocus) return;
    focusCell(pendingFocus.rowKey, pendingFocus.column);
    setPendingFocus(null);
  }, [pendingFocus, rows]);

  const productById = new Map(products.map((p) => [p.id, p]));
  const update = (rowKey: number, change: Partial<FairRow>) =>
    setRows((current) => current.map((row) => (row.key === rowKey ? { ...row, ...change } : row)));
  const setCellError = (rowKey: number, column: Column, message: string | null) =>
    setErrors((current) => {
      const next = { ...current };
      if (message) next[cellKey(rowKey, column)] = message;
      else delete next[cellKey(rowKey, column)];
      return next;
    });

  /** Reads the typed name as a product, fills its sale price when none is typed yet; false when it names none. */
  const resolveProduct = (row: FairRow): boolean => {
    if (row.productText.trim() === '') {
      update(row.key, { productId: null });
      setCellError(row.key, 'product', null);
      return true;
    }
    const found = matchProduct(row.productText, products);
    if ('product' in found) {
      const { product } = found;
      const price = row.price.trim() === '' && product.salePrice !== null ? formatAmount(product.salePrice) : row.price;
      update(row.key, { productId: product.id, productText: product.name, price });
      setCellError(row.key, 'product', null);
      return true;
    }
    update(row.key, { productId: null });
    setCellError(row.key, 'product', found.candidates.length === 0
      ? t('fair.productUnknown', { name: row.productText.trim().slice(0, 40) })
      : t('fair.productAmbiguous', { names: found.candidates.slice(0, 4).map((p) => p.name).join(', ') }));
    return false;
  };

  const checkQuantity = (row: FairRow): boolean => {
    const quantity = readQuantity(row.quantity);
    const ok = quantity !== undefined && quantity !== null && quantity > 0;
    setCellError(row.key, 'quantity', ok ? null : t('fair.quantityInvalid'));
    return ok;
  };
  const checkPrice = (row: FairRow): boolean => {
    const price = readAmount(row.price, locale);
    const ok = !price.error && price.centimos !== null && price.centimos > 0;
    setCellError(row.key, 'price', ok ? null : price.error ?? t('fair.priceRequired'));
    return ok;
  };

  // Enter is the one key of the grid: it checks the cell and moves on; past the last price a new row appears.
  // Enter on the product of an empty last row goes to "Guardar", so the whole day is saved without the mouse.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: FairRow, column: Column) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const index = rows.findIndex((r) => r.key === row.key);
    if (column === 'product') {
      if (isBlank(row) && index === rows.length - 1 && index > 0) return void saveButton.current?.focus();
      if (resolveProduct(row) && row.productText.trim() !== '') focusCell(row.key, 'quantity');
      return;
    }
    if (column === 'quantity') {
      if (checkQuantity(row)) focusCell(row.key, 'price');
      return;
    }
    if (!checkPrice(row)) return;
    const next = rows[index + 1];
    if (next) return focusCell(next.key, 'product');
    const added = blankRow();
    setRows((current) => [...current, added]);
    setPendingFocus({ rowKey: added.key, column: 'product' });
  };

  const lineAmount = (row: FairRow): number | null => {
    const quantity = readQuantity(row.quantity);
    const price = readAmount(row.price, locale).centimos;
    if (row.productId === null || !quantity || quantity <= 0 || price === null || price <= 0) return null;
    return multiplyQuantity(price, quantity);
  };
  const total = sumCentimos(rows.map((row) => lineAmount(row) ?? 0));
  const filled = rows.filter((row) => !isBlank(row));

  const submit = async () => {
    setSaved(null);
    setFormError(null);
    const iso = parseDisplayDate(date);
    setDateError(iso ? null : t('form.dateInvalid'));
    // Every row is checked at once, so all that is wrong shows together; the engine gets only a complete day.
    const valid = filled.map((row) => [resolveProduct(row), checkQuantity(row), checkPrice(row)].every(Boolean));
    if (!iso) return;
    if (filled.length === 0) return setFormError(t('fair.nothing'));
    if (valid.includes(false)) return setFormError(t('fair.fixRows'));
    const sales = filled.map((row) => {
      const product = matchProduct(row.productText, products);
      return {
        partyId: null,
        notaVenta: withNotas,
        lines: [{
          productId: 'product' in product ? product.product.id : 0,
          quantity: readQuantity(row.quantity)!,
          unitPrice: readAmount(row.price, locale).centimos!,
        }],
      };
    });
    try {
      const result = await save.mutateAsync({ associationId, date: iso, accountId: accountId ? Number(accountId) : null, sales });
      setSaved(result.notas.length > 0
        ? t('fair.savedWithNotas', { count: result.count, total: formatMoney(result.total), first: result.notas[0]!, last: result.notas.at(-1)! })
        : t('fair.saved', { count: result.count, total: formatMoney(result.total) }));
      setErrors({});
      const fresh = blankRow();
      setRows([fresh]);
      setPendingFocus({ rowKey: fresh.key, column: 'product' });
    } catch (failure) {
      if (!(failure instanceof ApiCallError)) return setFormError(t('app.unreachable'));
      const place = failure.field ? columnOfField(failure.field) : null;
      const row = place ? filled[place.saleIndex] : undefined;
      if (place && row) {
        setCellError(row.key, place.column, failure.message);
        setFormError(t('fair.rowRefused', { row: rows.indexOf(row) + 1 }));
        focusCell(row.key, place.column);
      } else if (failure.field === 'date') setDateError(failure.message);
      else setFormError(failure.message);
    }
  };

  const cell = (row: FairRow, index: number, column: Column) => {
    const message = errors[cellKey(row.key, column)];
    const errorId = `fair-error-${cellKey(row.key, column)}`;
    const value = column === 'product' ? row.productText : column === 'quantity' ? row.quantity : row.price;
    const product = row.productId !== null ? productById.get(row.productId) : undefined;
    return (
      <td key={column} className={message ? 'fair__cell fair__cell--invalid' : 'fair__cell'}>
        <input type="text" value={value} data-cell={cellKey(row.key, column)} autoComplete="off"
          list={column === 'product' ? 'fair-products' : undefined}
          inputMode={column === 'product' ? undefined : 'decimal'} className={column === 'product' ? undefined : 'num'}
          aria-label={t(`fair.cell.${column}`, { row: index + 1 })}
          aria-invalid={message ? true : undefined} aria-describedby={message ? errorId : undefined}
          onChange={(event) => update(row.key, column === 'product'
            ? { productText: event.target.value, productId: null }
            : column === 'quantity' ? { quantity: event.target.value } : { price: event.target.value })}
          // What is in a cell (the proposed price) is selected on arrival, so typing replaces it.
          onFocus={(event) => event.target.select()}
          onBlur={() => { if (column === 'product') resolveProduct(row); }}
          onKeyDown={(event) => onKeyDown(event, row, column)} />
        {column === 'quantity' && product && <small className="fair__unit">{t(`sales.unit.${product.unit}`)}</small>}
        {message && <p id={errorId} className="field__error" role="alert">{message}</p>}
      </td>
    );
  };

  return (
    <div className="panel fair">
      <div className="form-row">
        <Field label={t('fair.date')} hint={t('form.dateHint')} error={dateError ?? undefined}>
          <input type="text" inputMode="numeric" value={date} onChange={(event) => setDate(event.target.value)} />
        </Field>
        <Field label={t('fair.account')}>
          <select value={accountId} onChange={(event) => setAccountId(event.target.value)}>
            {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </Field>
        <div className="fair__total" aria-live="polite">
          <span className="card__label">{t('fair.total')}</span>
          <span className="fair__total-figure" data-testid="fair-total">{formatMoney(total)}</span>
          <span className="card__detail">{t('fair.count', { count: filled.length })}</span>
        </div>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={withNotas} onChange={(event) => setWithNotas(event.target.checked)} /> {t('fair.withNotas')}
      </label>
      <p className="field__hint">{t('fair.keys')}</p>
      <datalist id="fair-products">
        {products.map((p) => <option key={p.id} value={p.name} />)}
      </datalist>
      <div ref={grid}>
        <table className="data fair__grid" aria-label={t('fair.grid')}>
          <thead>
            <tr>
              <th>{t('fair.col.row')}</th>
              <th>{t('fair.col.product')}</th>
              <th className="num">{t('fair.col.quantity')}</th>
              <th className="num">{t('fair.col.price')}</th>
              <th className="num">{t('fair.col.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const amount = lineAmount(row);
              return (
                <tr key={row.key}>
                  <td>{index + 1}</td>
                  {COLUMNS.map((column) => cell(row, index, column))}
                  <td className="num" data-testid={`fair-amount-${index + 1}`}>{amount === null ? '' : formatAmount(amount)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorAlert message={formError} />
      {saved && <p role="status" className="alert alert--ok">{saved}</p>}
      <div className="actions">
        <button ref={saveButton} type="button" className="button--primary" disabled={save.isPending} onClick={() => void submit()}>
          {save.isPending ? t('fair.saving') : t('fair.save')}
        </button>
      </div>
    </div>
  );
}
