import { useState } from 'react';
import type { SettleResult, SettlementPreview } from '../../../../shared/operations/acopio';
import { ApiCallError } from '../../api/client';
import { useAssociationId } from '../../app/association';
import { useClient, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { PrintActions } from '../../components/PrintActions';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import { useCashAccounts } from '../sales/useCashAccounts';
import { PrintAllSettlements } from './PrintAllSettlements';

/** The fortnight a date falls in: 1–15 or 16–end of month. */
export function fortnightOf(iso: string): { from: string; to: string } {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= 15
    ? { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-15` }
    : { from: `${year}-${pad(month)}-16`, to: `${year}-${pad(month)}-${pad(last)}` };
}

/**
 * Settling a period: what each member would get (preview, nothing written), then "Liquidar" writes
 * every member's liquidación at once, then they are paid by payment vouchers from the caja or bank.
 */
export function SettleScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const client = useClient();
  const initial = fortnightOf(todayIso());
  const [fromText, setFromText] = useState(formatDate(initial.from));
  const [toText, setToText] = useState(formatDate(initial.to));
  const [deduct, setDeduct] = useState(true);
  const [preview, setPreview] = useState<SettlementPreview | null>(null);
  const [settled, setSettled] = useState<SettleResult | null>(null);
  const [error, setError] = useState<{ field?: string | undefined; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Members whose charges she did not authorise this time: settled with the levy only.
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const settle = useWrite('settleAcopioPeriod');
  const from = parseDisplayDate(fromText);
  const to = parseDisplayDate(toText);

  const fail = (failure: unknown) =>
    setError(failure instanceof ApiCallError ? { field: failure.field, message: failure.message } : { message: t('app.unreachable') });

  const deductions = (without: ReadonlySet<number>) =>
    without.size === 0 ? null : [...without].map((memberId) => ({ memberId, chargeIds: [] }));
  const showPreview = async (without: ReadonlySet<number> = excluded) => {
    setError(null);
    setSettled(null);
    if (!from || !to) return;
    setBusy(true);
    try {
      setPreview(await client.call('previewSettlements', { associationId, from, to, deductCharges: deduct, deductions: deductions(without) }));
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };
  const doSettle = async () => {
    if (!from || !to) return;
    setError(null);
    try {
      setSettled(await settle.mutateAsync({ associationId, from, to, deductCharges: deduct, deductions: deductions(excluded) }));
      setExcluded(new Set());
      setPreview(null);
    } catch (failure) {
      fail(failure);
    }
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <>
      <p>{t('acopio.settle.lead')}</p>
      <div className="form-row">
        <Field label={t('acopio.settle.from')} hint={t('form.dateHint')} error={from ? fieldError('from') : t('form.dateInvalid')}>
          <input type="text" inputMode="numeric" value={fromText} onChange={(event) => { setFromText(event.target.value); setPreview(null); setExcluded(new Set()); }} />
        </Field>
        <Field label={t('acopio.settle.to')} hint={t('form.dateHint')} error={to ? fieldError('to') : t('form.dateInvalid')}>
          <input type="text" inputMode="numeric" value={toText} onChange={(event) => { setToText(event.target.value); setPreview(null); setExcluded(new Set()); }} />
        </Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={deduct} onChange={(event) => { setDeduct(event.target.checked); setPreview(null); }} /> {t('acopio.settle.deduct')}
      </label>
      <div className="actions">
        <button type="button" className={preview ? undefined : 'button--primary'} disabled={busy || !from || !to} onClick={() => void showPreview()}>
          {t('acopio.settle.preview')}
        </button>
      </div>
      {error && !['from', 'to'].includes(error.field ?? '') && <ErrorAlert message={error.message} />}
      {preview && (
        preview.members.length === 0
          ? <p className="notice">{t('acopio.settle.nothing')}</p>
          : (
            <>
              <SettlementTable rows={preview.members.map((m) => ({ key: m.memberId, name: m.memberName, gross: m.gross, levy: m.levy, deductions: m.deductionsTotal, net: m.net }))}
                totals={preview.totals} caption={t('acopio.settle.previewCaption', { from: formatDate(preview.from), to: formatDate(preview.to) })}
                choice={deduct ? {
                  shown: (row) => row.deductions > 0 || excluded.has(row.key),
                  checked: (row) => !excluded.has(row.key),
                  toggle: (row) => {
                    const next = new Set(excluded);
                    if (next.has(row.key)) next.delete(row.key); else next.add(row.key);
                    setExcluded(next);
                    void showPreview(next);
                  },
                } : undefined} />
              <div className="actions">
                <button type="button" className="button--primary" disabled={settle.isPending} onClick={() => void doSettle()}>
                  {settle.isPending ? t('acopio.saving') : t('acopio.settle.submit', { count: preview.totals.members })}
                </button>
              </div>
            </>
          )
      )}
      {settled && <Settled result={settled} />}
    </>
  );
}

interface Row { key: number; name: string; number?: string; gross: number; levy: number; deductions: number; net: number }

/** The preview's "her dues are deducted" box, per member who owes any. */
interface DeductionChoice { shown(row: Row): boolean; checked(row: Row): boolean; toggle(row: Row): void }

export function SettlementTable({ rows, totals, caption, choice }: {
  rows: Row[]; totals: { gross: number; levy: number; deductions: number; net: number }; caption: string; choice?: DeductionChoice | undefined;
}) {
  const t = useT();
  const numbered = rows.some((r) => r.number);
  return (
    <table className="data" data-testid="acopio-settlement-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {numbered && <th>{t('acopio.col.number')}</th>}
          <th>{t('acopio.col.member')}</th>
          <th className="num">{t('acopio.col.gross')}</th>
          <th className="num">{t('acopio.col.levy')}</th>
          <th className="num">{t('acopio.col.deductions')}</th>
          <th className="num">{t('acopio.col.net')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {numbered && <td>{row.number}</td>}
            <td>{row.name}</td>
            <td className="num">{formatMoney(row.gross)}</td>
            <td className="num">{formatMoney(row.levy)}</td>
            <td className="num">
              {choice?.shown(row) && (
                <label className="checkbox acopio-settle__deduct">
                  <input type="checkbox" checked={choice.checked(row)} onChange={() => choice.toggle(row)}
                    aria-label={t('acopio.settle.deductMember', { name: row.name })} />
                </label>
              )}
              {formatMoney(row.deductions)}
            </td>
            <td className="num">{formatMoney(row.net)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          {numbered && <td />}
          <th scope="row">{t('acopio.total')}</th>
          <td className="num">{formatMoney(totals.gross)}</td>
          <td className="num">{formatMoney(totals.levy)}</td>
          <td className="num">{formatMoney(totals.deductions)}</td>
          <td className="num" data-testid="acopio-net-total">{formatMoney(totals.net)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** After settling: the liquidaciones written, their prints, and paying them all. */
function Settled({ result }: { result: SettleResult }) {
  const t = useT();
  const associationId = useAssociationId();
  const cash = useCashAccounts(associationId);
  const pay = useWrite('paySettlements');
  const [dateText, setDateText] = useState(formatDate(result.date));
  const [accountId, setAccountId] = useState('');
  const [paid, setPaid] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const date = parseDisplayDate(dateText);
  const account = accountId || String(cash.accounts?.find((a) => a.role === 'cash')?.id ?? cash.accounts?.[0]?.id ?? '');
  const submit = async () => {
    if (!date) return;
    setError(null);
    try {
      const outcome = await pay.mutateAsync({ associationId, date, settlementIds: result.settlements.map((s) => s.id), accountId: account ? Number(account) : null });
      setPaid(t('acopio.pay.done', { count: outcome.vouchers.length, total: formatMoney(outcome.total), offset: outcome.offsetSettlementIds.length }));
    } catch (failure) {
      setError(failure instanceof ApiCallError ? failure.message : t('app.unreachable'));
    }
  };
  return (
    <section className="panel" aria-label={t('acopio.settle.done')}>
      <p role="status" className="alert alert--ok">
        {t('acopio.settle.saved', { count: result.settlements.length, net: formatMoney(result.totals.net) })}
      </p>
      <SettlementTable caption={t('acopio.settle.settledCaption', { from: formatDate(result.from), to: formatDate(result.to) })}
        rows={result.settlements.map((s) => ({ key: s.id, number: s.formattedNumber, name: s.memberName, gross: s.gross, levy: s.levy, deductions: s.deductions, net: s.net }))}
        totals={result.totals} />
      <PrintAllSettlements ids={result.settlements.map((s) => s.id)} suggestedName={`liquidaciones-${result.from}-${result.to}.pdf`} />
      <h2>{t('acopio.settle.summary')}</h2>
      <PrintActions route={`/print/settlements-summary?associationId=${associationId}&from=${result.from}&to=${result.to}`}
        suggestedName={`resumen-liquidaciones-${result.from}-${result.to}.pdf`} />
      <h2>{t('acopio.pay.title')}</h2>
      {paid ? <p role="status" className="alert alert--ok">{paid}</p> : (
        <>
          <div className="form-row">
            <Field label={t('acopio.pay.date')} hint={t('form.dateHint')} error={date ? undefined : t('form.dateInvalid')}>
              <input type="text" inputMode="numeric" value={dateText} onChange={(event) => setDateText(event.target.value)} />
            </Field>
            <Field label={t('acopio.pay.account')}>
              <select value={account} onChange={(event) => setAccountId(event.target.value)}>
                {(cash.accounts ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </Field>
          </div>
          <ErrorAlert message={error} />
          <div className="actions">
            <button type="button" className="button--primary" disabled={pay.isPending || !date} onClick={() => void submit()}>
              {t('acopio.pay.submit', { total: formatMoney(result.totals.net - result.totals.paid) })}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
