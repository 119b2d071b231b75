import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { multiplyQuantity, sumCentimos } from '../../../../shared/money';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../format/format';
import { formatQuantity, matchProduct, readQuantity } from '../sales/quantity';
import type { DayRowInput, GradePrice, GridMember } from './acopioTypes';
import './acopio.css';

/*
 * A day's collection is typed by the treasurer with the notebook beside her: the members who
 * delivered yesterday are already listed, so for most rows she types only the litres and Enter,
 * which goes down to the next member. A row left empty is a member who brought nothing today.
 * A member who did not come yesterday is typed by name on the blank last row. The grade column
 * shows only when the product is bought in grades.
 */

type Column = 'member' | 'grade' | 'quantity';

interface GridRow {
  key: number;
  memberText: string;
  memberId: number | null;
  grade: string;
  quantity: string;
}

let nextKey = 1;
const newRow = (member?: GridMember, grade = '', quantity = ''): GridRow =>
  ({ key: nextKey++, memberText: member?.name ?? '', memberId: member?.id ?? null, grade, quantity });
const cellKey = (rowKey: number, column: Column) => `${rowKey}.${column}`;

/** The grade a typed text means: its exact name or the one grade it starts ("a" → "A", "pri" → "Primera"). */
export function matchGrade(typed: string, grades: readonly GradePrice[]): string | null {
  const wanted = typed.trim().toLocaleLowerCase('es');
  if (wanted === '') return null;
  const exact = grades.find((g) => g.grade.toLocaleLowerCase('es') === wanted);
  if (exact) return exact.grade;
  const starts = grades.filter((g) => g.grade.toLocaleLowerCase('es').startsWith(wanted));
  return starts.length === 1 ? starts[0]!.grade : null;
}

export interface DayGridProps {
  /** Every member active on the day, to type one who is not listed. */
  members: readonly GridMember[];
  /** The rows the grid opens with: the day's sheet when it exists, else yesterday's members with no quantity. */
  initial: readonly { member: GridMember; grade: string; quantity: number | null }[];
  /** The product's grades with their price on the day; one row with grade '' when it has none. */
  grades: readonly GradePrice[];
  /** "litros", "kg"… as the product counts. */
  unit: string;
  saving: boolean;
  saveLabel: string;
  /** Saves the day; a refusal names the row's field (`rows.3.quantity`) when it can. */
  onSave: (rows: DayRowInput[]) => Promise<{ field?: string | undefined; message: string } | null>;
}

export function DayGrid({ members, initial, grades, unit, saving, saveLabel, onSave }: DayGridProps) {
  const t = useT();
  const graded = grades.some((g) => g.grade !== '');
  const columns: Column[] = graded ? ['member', 'grade', 'quantity'] : ['member', 'quantity'];
  const grid = useRef<HTMLDivElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const [rows, setRows] = useState<GridRow[]>(() => [
    ...initial.map((r) => newRow(r.member, r.grade, r.quantity === null ? '' : formatQuantity(r.quantity))),
    newRow(),
  ]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pendingFocus, setPendingFocus] = useState<{ rowKey: number; column: Column } | null>(null);

  const focusCell = (rowKey: number, column: Column) =>
    grid.current?.querySelector<HTMLInputElement>(`[data-cell="${cellKey(rowKey, column)}"]`)?.focus();
  useEffect(() => {
    if (!pendingFocus) return;
    focusCell(pendingFocus.rowKey, pendingFocus.column);
    setPendingFocus(null);
  }, [pendingFocus, rows]);

  const priceOf = (grade: string) => grades.find((g) => g.grade === grade)?.unitPrice ?? null;
  const update = (rowKey: number, change: Partial<GridRow>) =>
    setRows((current) => current.map((row) => (row.key === rowKey ? { ...row, ...change } : row)));
  const setCellError = (rowKey: number, column: Column, message: string | null) =>
    setErrors((current) => {
      const next = { ...current };
      if (message) next[cellKey(rowKey, column)] = message;
      else delete next[cellKey(rowKey, column)];
      return next;
    });
  const named = members.map((m) => ({ id: m.id, name: m.name }));

  const resolveMember = (row: GridRow): boolean => {
    if (row.memberText.trim() === '') {
      update(row.key, { memberId: null });
      setCellError(row.key, 'member', null);
      return true;
    }
    const found = matchProduct(row.memberText, named);
    if ('product' in found) {
      const twice = rows.some((r) => r.key !== row.key && r.memberId === found.product.id);
      update(row.key, { memberId: found.product.id, memberText: found.product.name });
      setCellError(row.key, 'member', twice ? t('acopio.grid.memberTwice', { name: found.product.name }) : null);
      return !twice;
    }
    update(row.key, { memberId: null });
    setCellError(row.key, 'member', found.candidates.length === 0
      ? t('acopio.grid.memberUnknown', { name: row.memberText.trim().slice(0, 40) })
      : t('acopio.grid.memberAmbiguous', { names: found.candidates.slice(0, 4).map((m) => m.name).join(', ') }));
    return false;
  };
  const checkGrade = (row: GridRow): boolean => {
    if (!graded || row.quantity.trim() === '') return true;
    const grade = matchGrade(row.grade, grades);
    if (grade !== null) update(row.key, { grade });
    setCellError(row.key, 'grade', grade === null ? t('acopio.grid.gradeInvalid', { grades: grades.map((g) => g.grade).join(', ') }) : null);
    return grade !== null;
  };
  const checkQuantity = (row: GridRow): boolean => {
    const quantity = readQuantity(row.quantity);
    const ok = quantity === null || (quantity !== undefined && quantity > 0);
    setCellError(row.key, 'quantity', ok ? null : t('acopio.grid.quantityInvalid'));
    return ok;
  };

  const move = (index: number, column: Column, step: 1 | -1) => {
    const target = rows[index + step];
    if (target) focusCell(target.key, target.memberId === null && column !== 'member' ? 'member' : column);
  };

  // Enter checks the cell and moves on: along the row, then down to the next member's first cell to type.
  // Arrow up and down keep the column. Enter on the name of the blank last row goes to "Guardar".
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: GridRow, column: Column) => {
    const index = rows.findIndex((r) => r.key === row.key);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      return move(index, column, event.key === 'ArrowDown' ? 1 : -1);
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (column === 'member') {
      if (row.memberText.trim() === '' && index === rows.length - 1) return void saveButton.current?.focus();
      if (resolveMember(row) && row.memberText.trim() !== '') focusCell(row.key, graded ? 'grade' : 'quantity');
      return;
    }
    if (column === 'grade') {
      const grade = matchGrade(row.grade, grades);
      setCellError(row.key, 'grade', grade === null ? t('acopio.grid.gradeInvalid', { grades: grades.map((g) => g.grade).join(', ') }) : null);
      if (grade !== null) {
        update(row.key, { grade });
        focusCell(row.key, 'quantity');
      }
      return;
    }
    if (!checkQuantity(row)) return;
    const next = rows[index + 1];
    if (next) return focusCell(next.key, next.memberId === null ? 'member' : graded ? 'grade' : 'quantity');
    const added = newRow();
    setRows((current) => [...current, added]);
    setPendingFocus({ rowKey: added.key, column: 'member' });
  };

  const amountOf = (row: GridRow): number | null => {
    const quantity = readQuantity(row.quantity);
    const price = priceOf(graded ? matchGrade(row.grade, grades) ?? '\u0000' : '');
    if (row.memberId === null || !quantity || quantity <= 0 || price === null) return null;
    return multiplyQuantity(price, quantity);
  };
  const delivering = rows.filter((row) => row.quantity.trim() !== '');
  const totalQuantity = delivering.reduce((sum, row) => sum + (readQuantity(row.quantity) ?? 0), 0);
  const totalValue = sumCentimos(rows.map((row) => amountOf(row) ?? 0));

  const submit = async () => {
    setFormError(null);
    const checks = rows.map((row) => [resolveMember(row), checkQuantity(row), checkGrade(row)].every(Boolean));
    const orphan = delivering.find((row) => row.memberText.trim() === '');
    if (orphan) setCellError(orphan.key, 'member', t('acopio.grid.memberRequired'));
    if (checks.includes(false) || orphan) return setFormError(t('acopio.grid.fixRows'));
    if (delivering.length === 0) return setFormError(t('acopio.grid.nothing'));
    const sent = delivering.map((row) => ({
      row,
      input: { memberId: row.memberId!, grade: graded ? matchGrade(row.grade, grades)! : '', quantity: readQuantity(row.quantity)! },
    }));
    const refusal = await onSave(sent.map((s) => s.input));
    if (!refusal) return;
    const match = refusal.field ? /^rows\.(\d+)\.(\w+)$/.exec(refusal.field) : null;
    const failed = match ? sent[Number(match[1])]?.row : undefined;
    if (match && failed) {
      const column: Column = match[2] === 'memberId' ? 'member' : match[2] === 'grade' ? 'grade' : 'quantity';
      setCellError(failed.key, column, refusal.message);
      setFormError(t('acopio.grid.rowRefused', { row: rows.indexOf(failed) + 1 }));
      focusCell(failed.key, column);
    } else setFormError(refusal.message);
  };

  const cell = (row: GridRow, index: number, column: Column) => {
    const message = errors[cellKey(row.key, column)];
    const errorId = `acopio-error-${cellKey(row.key, column)}`;
    const value = column === 'member' ? row.memberText : column === 'grade' ? row.grade : row.quantity;
    return (
      <td key={column} className={message ? 'acopio-grid__cell acopio-grid__cell--invalid' : 'acopio-grid__cell'}>
        <input type="text" value={value} data-cell={cellKey(row.key, column)} autoComplete="off"
          list={column === 'member' ? 'acopio-members' : column === 'grade' ? 'acopio-grades' : undefined}
          inputMode={column === 'quantity' ? 'decimal' : undefined} className={column === 'quantity' ? 'num' : undefined}
          aria-label={t(`acopio.grid.cell.${column}`, { row: index + 1, name: row.memberText || '—' })}
          aria-invalid={message ? true : undefined} aria-describedby={message ? errorId : undefined}
          onChange={(event) => update(row.key, column === 'member'
            ? { memberText: event.target.value, memberId: null }
            : column === 'grade' ? { grade: event.target.value } : { quantity: event.target.value })}
          onFocus={(event) => event.target.select()}
          onBlur={() => { if (column === 'member') resolveMember(row); }}
          onKeyDown={(event) => onKeyDown(event, row, column)} />
        {message && <p id={errorId} className="field__error" role="alert">{message}</p>}
      </td>
    );
  };

  return (
    <div className="panel acopio-grid">
      <div className="acopio-grid__totals" aria-live="polite">
        <div>
          <span className="card__label">{t('acopio.grid.totalQuantity', { unit })}</span>
          <span className="acopio-grid__figure" data-testid="acopio-total-quantity">{formatQuantity(totalQuantity)}</span>
        </div>
        <div>
          <span className="card__label">{t('acopio.grid.totalValue')}</span>
          <span className="acopio-grid__figure" data-testid="acopio-total-value">{formatMoney(totalValue)}</span>
          <span className="card__detail">{t('acopio.grid.count', { count: delivering.length })}</span>
        </div>
      </div>
      <p className="field__hint">{t('acopio.grid.keys')}</p>
      <datalist id="acopio-members">{members.map((m) => <option key={m.id} value={m.name} />)}</datalist>
      <datalist id="acopio-grades">{grades.map((g) => <option key={g.grade} value={g.grade} />)}</datalist>
      <div ref={grid}>
        <table className="data acopio-grid__table" aria-label={t('acopio.grid.label')}>
          <thead>
            <tr>
              <th>{t('acopio.col.row')}</th>
              <th>{t('acopio.col.member')}</th>
              {graded && <th>{t('acopio.col.grade')}</th>}
              <th className="num">{t('acopio.col.quantity', { unit })}</th>
              <th className="num">{t('acopio.col.price')}</th>
              <th className="num">{t('acopio.col.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const amount = amountOf(row);
              const price = priceOf(graded ? matchGrade(row.grade, grades) ?? '\u0000' : '');
              return (
                <tr key={row.key}>
                  <td>{index + 1}</td>
                  {columns.map((column) => cell(row, index, column))}
                  <td className="num">{price === null || row.memberId === null ? '' : formatMoney(price)}</td>
                  <td className="num" data-testid={`acopio-amount-${index + 1}`}>{amount === null ? '' : formatMoney(amount)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorAlert message={formError} />
      <div className="actions">
        <button ref={saveButton} type="button" className="button--primary" disabled={saving} onClick={() => void submit()}>
          {saving ? t('acopio.saving') : saveLabel}
        </button>
      </div>
    </div>
  );
}
