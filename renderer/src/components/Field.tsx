import { cloneElement, useId, useState, type ReactElement } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useSettings } from '../app/settings';
import { readDate } from '../format/format';

interface FieldProps {
  label: string;
  /** The message shown under the input, in the user's language. */
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactElement<Record<string, unknown>>;
}

/** Label, input, hint and error wired together for screen readers (aria-describedby, aria-invalid). */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && <small id={hintId} className="field__hint">{hint}</small>}
      {error && <p id={errorId} className="field__error" role="alert">{error}</p>}
    </div>
  );
}

/**
 * A date typed dd/mm/aaaa into a react-hook-form field: the label, the format hint and the error.
 * When the form refuses the date, the field says what is wrong with what was typed ("Febrero de
 * 2026 no tiene 31 días…", "El mes 13 no existe…") rather than only that it is invalid.
 */
export function DateField({ label, error, registration }: { label: string; error?: string | undefined; registration: UseFormRegisterReturn }) {
  const { t, locale } = useSettings();
  const [typed, setTyped] = useState('');
  const problem = error && typed.trim() !== '' ? readDate(typed, locale).error : undefined;
  return (
    <Field label={label} hint={t('form.dateHint')} error={problem ?? error}>
      <input
        type="text"
        inputMode="numeric"
        {...registration}
        onChange={(event) => {
          setTyped(event.target.value);
          return registration.onChange(event);
        }}
      />
    </Field>
  );
}
