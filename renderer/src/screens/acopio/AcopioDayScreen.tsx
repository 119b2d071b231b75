import { useState } from 'react';
import { ApiCallError } from '../../api/client';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import type { MessageKey } from '../../i18n/messages';
import { formatQuantity } from '../sales/quantity';
import { DayGrid } from './DayGrid';

/** The day's collection: pick the date and product, then type the grid (DayGrid). */
export function AcopioDayScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const products = useOperation('listProducts', { associationId });
  const [dateText, setDateText] = useState(() => formatDate(todayIso()));
  const date = parseDisplayDate(dateText);
  const live = products.data?.filter((p) => !p.archived) ?? [];
  const [chosen, setChosen] = useState<string>('');
  const productId = Number(chosen || live[0]?.id || 0);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <p>{t('acopio.day.lead')}</p>
      <ErrorAlert message={products.error?.message} />
      <div className="form-row">
        <Field label={t('acopio.day.date')} hint={t('form.dateHint')} error={date ? undefined : t('form.dateInvalid')}>
          <input type="text" inputMode="numeric" value={dateText} onChange={(event) => { setDateText(event.target.value); setSaved(null); }} />
        </Field>
        <Field label={t('acopio.day.product')}>
          <select value={String(productId)} onChange={(event) => { setChosen(event.target.value); setSaved(null); }}>
            {live.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
      </div>
      {saved && <p role="status" className="alert alert--ok">{saved}</p>}
      {products.isSuccess && live.length === 0 && <p className="notice">{t('acopio.day.noProducts')}</p>}
      {date && productId > 0 && <DayLoader key={`${date}:${productId}`} date={date} productId={productId} onSaved={setSaved} />}
      {productId > 0 && <RecentDays productId={productId} onOpen={(iso) => { setDateText(formatDate(iso)); setSaved(null); }} />}
    </>
  );
}

/** The product's last sheets, newest first: a date opens its grid (to check or correct it). */
function RecentDays({ productId, onOpen }: { productId: number; onOpen: (iso: string) => void }) {
  const t = useT();
  const associationId = useAssociationId();
  const days = useOperation('listAcopioDays', { associationId, productId, status: 'valid', limit: 31 });
  if (!days.data || days.data.length === 0) return null;
  return (
    <table className="data acopio-days" data-testid="acopio-days">
      <caption>{t('acopio.days.caption')}</caption>
      <thead>
        <tr>
          <th>{t('acopio.days.date')}</th>
          <th className="num">{t('acopio.days.members')}</th>
          <th className="num">{t('acopio.days.quantity')}</th>
          <th className="num">{t('acopio.days.value')}</th>
        </tr>
      </thead>
      <tbody>
        {days.data.map((day) => (
          <tr key={day.id}>
            <td>
              <button type="button" className="link-button" onClick={() => onOpen(day.date)}
                aria-label={t('acopio.days.open', { date: formatDate(day.date) })}>{formatDate(day.date)}</button>
            </td>
            <td className="num">{day.memberCount}</td>
            <td className="num">{formatQuantity(day.totalQuantity)} {t(`sales.unit.${day.unit}` as MessageKey)}</td>
            <td className="num">{formatMoney(day.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayLoader({ date, productId, onSaved }: { date: string; productId: number; onSaved: (message: string) => void }) {
  const t = useT();
  const associationId = useAssociationId();
  const day = useOperation('acopioDay', { associationId, productId, date });
  const members = useOperation('listMembers', { associationId, active: true, asOf: date });
  const record = useWrite('recordAcopioDay');
  const correct = useWrite('correctAcopioDay');
  const [reason, setReason] = useState('');
  const error = day.error ?? members.error;
  if (error) return <ErrorAlert message={error.message} />;
  if (!day.data || !members.data) return <p className="loading">{t('app.loading')}</p>;
  const grid = day.data;
  const unit = t(`sales.unit.${grid.unit}` as MessageKey);
  if (grid.prices.length === 0) return <p className="notice" role="alert">{t('acopio.day.noPrice', { product: grid.productName, date: formatDate(date) })}</p>;
  const initial = grid.day
    ? grid.day.rows.map((r) => ({ member: { id: r.memberId, name: r.memberName }, grade: r.grade, quantity: r.quantity }))
    : grid.previousMembers.map((m) => ({ member: { id: m.memberId, name: m.memberName }, grade: m.grade, quantity: null }));
  const existing = grid.day;
  return (
    <>
      {existing
        ? <p className="notice">{t('acopio.day.recorded', { count: existing.memberCount, quantity: formatQuantity(existing.totalQuantity), unit, total: formatMoney(existing.total) })}</p>
        : grid.previousDate && <p className="field__hint">{t('acopio.day.previous', { date: formatDate(grid.previousDate), count: grid.previousMembers.length })}</p>}
      <p className="field__hint" data-testid="acopio-prices">
        {grid.prices.map((p) => (grid.hasGrades ? t('acopio.day.priceGrade', { grade: p.grade, price: formatMoney(p.price), unit }) : t('acopio.day.price', { price: formatMoney(p.price), unit }))).join(' · ')}
        {grid.levyPerUnit !== null && ` · ${t('acopio.day.levy', { levy: formatMoney(grid.levyPerUnit), unit })}`}
      </p>
      {grid.locked && <p className="alert alert--error">{t('acopio.day.locked')}</p>}
      {existing && (
        <Field label={t('acopio.day.reason')} hint={t('acopio.day.reasonHint')}>
          <input type="text" value={reason} onChange={(event) => setReason(event.target.value)} />
        </Field>
      )}
      <DayGrid key={existing?.id ?? "new"} members={members.data.members.map((m) => ({ id: m.id, name: m.fullName }))} initial={initial}
        grades={grid.prices.map((p) => ({ grade: p.grade, unitPrice: p.price }))} unit={unit}
        saving={record.isPending || correct.isPending}
        saveLabel={existing ? t('acopio.day.correct') : t('acopio.day.save')}
        onSave={async (rows) => {
          try {
            const result = existing
              ? await correct.mutateAsync({ dayId: existing.id, rows, reason: reason.trim() || t('acopio.day.defaultReason') })
              : await record.mutateAsync({ associationId, productId, date, rows });
            onSaved(t('acopio.day.saved', { count: result.memberCount, quantity: formatQuantity(result.totalQuantity), unit, total: formatMoney(result.total) }));
            return null;
          } catch (failure) {
            if (failure instanceof ApiCallError) return { field: failure.field, message: failure.message };
            return { message: t('app.unreachable') };
          }
        }} />
    </>
  );
}
