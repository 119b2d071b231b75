import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

interface FormActionsProps {
  /** The form-level message (an engine refusal that names no field). */
  error: string | undefined;
  submitting: boolean;
  submitLabel: string;
  busyLabel?: string;
  tone?: 'primary' | 'danger';
  cancel?: { label: string; onClick(): void };
  /** Anything else beside the buttons, e.g. a status message. */
  children?: ReactNode;
}

/** The end of every form: its own error, the submit button (disabled while saving) and a way out. */
export function FormActions({ error, submitting, submitLabel, busyLabel, tone = 'primary', cancel, children }: FormActionsProps) {
  return (
    <>
      <ErrorAlert message={error} />
      <div className="actions">
        <button type="submit" className={`button--${tone}`} disabled={submitting}>
          {submitting && busyLabel ? busyLabel : submitLabel}
        </button>
        {cancel && <button type="button" onClick={cancel.onClick}>{cancel.label}</button>}
        {children}
      </div>
    </>
  );
}
