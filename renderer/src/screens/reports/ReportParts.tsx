import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatAmount } from '../../../../shared/money';
import type { ApiCallError } from '../../api/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { ExportButtons, type ExportRequest } from '../../components/ExportButtons';
import { PrintActions } from '../../components/PrintActions';
import { formatDate, formatMoney, parseDisplayDate } from '../../format/format';

export interface DateFieldSpec {
  /** The engine's field name for this date ('date', 'from', 'to', 'asOf'): its refusals land next to the input. */
  name: string;
  label: string;
  /** ISO date shown first. */
  initial: string;
}

interface DateFormProps {
  fields: readonly DateFieldSpec[];
  /** The engine's refusal of the last period applied, if any. */
  engineError: ApiCallError | null;
  onApply(dates: Record<string, string>): void;
  /** Extra inputs beside the dates (an account). */
  children?: ReactNode;
}

/**
 * dd/mm/aaaa inputs that become the report's period only on "Mostrar",
 * so half-typed dates never reach the engine.
 */
export function DateForm({ fields, engineError, onApply, children }: DateFormProps) {
  const t = useT();
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((field) => [field.name, formatDate(field.initial)])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const dates: Record<string, string> = {};
    const found: Record<string, string> = {};
    for (const field of fields) {
      const text = texts[field.name] ?? '';
      const iso = parseDisplayDate(text);
      if (iso) dates[field.name] = iso;
      else found[field.name] = text.trim() === '' ? t('form.required', { field: field.label }) : t('form.dateInvalid');
    }
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(dates);
  };
  const names = new Set(fields.map((field) => field.name));
  const otherError = engineError && !(engineError.field && names.has(engineError.field)) ? engineError.message : null;
  return (
    <>
      <form className="reports__period" onSubmit={apply} noValidate>
        {fields.map((field) => (
          <Field key={field.name} label={field.label} hint={t('form.dateHint')}
            error={errors[field.name] ?? (engineError?.field === field.name ? engineError.message : undefined)}>
            <input type="text" inputMode="numeric" autoComplete="off" value={texts[field.name] ?? ''}
              onChange={(event) => setTexts((current) => ({ ...current, [field.name]: event.target.value }))} />
          </Field>
        ))}
        {children}
        <button type="submit" className="button--primary">{t('reports.show')}</button>
      </form>
      <ErrorAlert message={otherError} />
    </>
  );
}

/** The period in words, and the print and export buttons. */
export function ReportHeading({ label, printRoute, suggestedName, exportRequest, amounts = true }: {
  label: string;
  printRoute: string;
  suggestedName: string;
  exportRequest: ExportRequest;
  /** False for reports of people rather than money. */
  amounts?: boolean;
}) {
  const t = useT();
  return (
    <div className="reports__heading">
      <p className="reports__period-label">{label}{amounts && ` · ${t('reports.amounts')}`}</p>
      <div className="reports__tools">
        <PrintActions route={printRoute} suggestedName={suggestedName} />
        <ExportButtons request={exportRequest} />
      </div>
    </div>
  );
}

/** "Del 01/01/2026 al 15/03/2026". */
export function usePeriodLabel() {
  const t = useT();
  return (from: string, to: string) => t('reports.period', { from: formatDate(from), to: formatDate(to) });
}

/** A figure in a column headed "S/": `1,234.56`, `-1,234.56`. A link to the entries behind it when `to` is given. */
export function Amount({ centimos, to, label }: { centimos: number; to?: string | null | undefined; label?: string | undefined }) {
  const text = formatAmount(centimos);
  if (!to) return <>{text}</>;
  return <Link to={to} className="reports__drill" aria-label={label ? `${text} — ${label}` : undefined}>{text}</Link>;
}

/** `S/ 1,234.56` that never breaks after the `S/` when a sentence wraps. */
export const unbreakableMoney = (centimos: number) => formatMoney(centimos).replace(' ', '\u00a0');

/** 5600 basis points → "56.00 %"; integer arithmetic only. */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = Math.abs(basisPoints % 100);
  return `${whole}.${String(rest).padStart(2, '0')} %`;
}
