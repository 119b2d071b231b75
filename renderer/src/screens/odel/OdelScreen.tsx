import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { OdelAssociationRow } from '../../../../shared/operations/odel';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { PrintActions } from '../../components/PrintActions';
import { formatDate, parseDisplayDate, todayIso } from '../../format/format';
import { AssociationSheetDocument } from './AssociationSheetDocument';
import { OdelTables } from './OdelTables';
import { associationSheetPrintRoute, odelSummaryPrintRoute, yearToDate, type OdelPeriod } from './routes';
import './odel.css';

type DateErrors = { from?: string; to?: string };

/**
 * Resumen ODEL: every association of the file side by side, one table per district, for the
 * municipality's promoter. Not tied to the association open in the shell: the promoter's file
 * holds the whole district.
 */
export function OdelScreen() {
  const t = useT();
  const titleId = useId();
  const [period, setPeriod] = useState<OdelPeriod>(() => yearToDate(todayIso()));
  const [fromText, setFromText] = useState(() => formatDate(period.from));
  const [toText, setToText] = useState(() => formatDate(period.to));
  const [dateErrors, setDateErrors] = useState<DateErrors>({});
  const [ubigeo, setUbigeo] = useState<string | null>(null);
  const [sheetOf, setSheetOf] = useState<OdelAssociationRow | null>(null);

  // The whole file gives the list of districts; the chosen district is asked of the engine on its own.
  const all = useOperation('odelSummary', { ...period, ubigeo: null }, { placeholderData: keepPreviousData });
  const filtered = useOperation('odelSummary', { ...period, ubigeo }, { enabled: ubigeo !== null, placeholderData: keepPreviousData });
  const summary = ubigeo === null ? all : filtered;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const from = parseDisplayDate(fromText);
    const to = parseDisplayDate(toText);
    const errors: DateErrors = {};
    if (from === null) errors.from = fromText.trim() === '' ? t('form.required', { field: t('odel.from') }) : t('form.dateInvalid');
    if (to === null) errors.to = toText.trim() === '' ? t('form.required', { field: t('odel.to') }) : t('form.dateInvalid');
    setDateErrors(errors);
    if (from !== null && to !== null) setPeriod({ from, to, asOf: to });
  };

  // The engine's refusal (e.g. "from" after "to") goes next to the date it names.
  const engineError = summary.error ?? all.error;
  const fieldError = (field: 'from' | 'to') => dateErrors[field] ?? (engineError?.field === field ? engineError.message : undefined);
  const otherError = engineError && engineError.field !== 'from' && engineError.field !== 'to' ? engineError.message : null;
  const data = summary.isError ? undefined : summary.data;
  const districts = all.data?.districts ?? [];
  const shown = data ? { from: data.from, to: data.to, asOf: data.asOf } : period;

  return (
    <section className="screen odel" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('odel.title')}</h1>
      <p className="subtitle">{t('odel.lead')}</p>
      <form className="odel__filters" onSubmit={apply} noValidate>
        <Field label={t('odel.district')}>
          <select value={ubigeo ?? ''} onChange={(event) => {
            setUbigeo(event.target.value || null);
            setSheetOf(null);
          }}>
            <option value="">{t('odel.allDistricts')}</option>
            {districts.map((district) => (
              <option key={district.ubigeo} value={district.ubigeo}>
                {`${district.district} (${district.province}, ${district.department})`}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('odel.from')} hint={t('form.dateHint')} error={fieldError('from')}>
          <input type="text" inputMode="numeric" autoComplete="off" value={fromText} onChange={(event) => setFromText(event.target.value)} />
        </Field>
        <Field label={t('odel.to')} hint={t('form.dateHint')} error={fieldError('to')}>
          <input type="text" inputMode="numeric" autoComplete="off" value={toText} onChange={(event) => setToText(event.target.value)} />
        </Field>
        <button type="submit" className="button--primary">{t('odel.show')}</button>
      </form>
      <ErrorAlert message={otherError} />
      {data && (
        <>
          <div className="odel__heading">
            <p className="odel__period" data-testid="odel-period">
              {t('odel.period', { from: formatDate(data.from), to: formatDate(data.to), asOf: formatDate(data.asOf) })}
            </p>
            <div role="group" aria-label={t('odel.printSummary')}>
              <PrintActions
                route={odelSummaryPrintRoute(shown, data.ubigeo)}
                suggestedName={`resumen-odel${data.ubigeo ? `-${data.ubigeo}` : ''}-${data.to}.pdf`}
                landscape
              />
            </div>
          </div>
          <div className="odel__tables">
            <OdelTables summary={data} className="data" onOpenSheet={setSheetOf} />
          </div>
        </>
      )}
      {summary.isPending && summary.fetchStatus !== 'idle' && <p className="loading">{t('app.loading')}</p>}
      {sheetOf && data && (
        <SheetPreview key={`${sheetOf.associationId}-${shown.from}-${shown.to}`} row={sheetOf} period={shown} onClose={() => setSheetOf(null)} />
      )}
    </section>
  );
}

/** The sheet as it will print, under the summary, with its own print buttons. */
function SheetPreview({ row, period, onClose }: { row: OdelAssociationRow; period: OdelPeriod; onClose: () => void }) {
  const t = useT();
  const headingId = useId();
  const titleId = useId();
  const sheet = useOperation('associationSheet', { associationId: row.associationId, ...period });
  const region = useRef<HTMLElement>(null);
  useEffect(() => {
    region.current?.focus();
  }, []);
  return (
    <section ref={region} className="odel__sheet" aria-labelledby={headingId} tabIndex={-1} data-testid="odel-sheet-preview">
      <div className="odel__sheet-bar">
        <h2 id={headingId}>{t('odel.sheetPreview', { name: row.name })}</h2>
        <button type="button" onClick={onClose}>{t('odel.closeSheet')}</button>
      </div>
      <div role="group" aria-label={t('odel.printSheet')} className="odel__sheet-print">
        <span className="odel__sheet-print-label">{t('odel.printSheet')}</span>
        <PrintActions route={associationSheetPrintRoute(row.associationId, period)} suggestedName={`ficha-${row.associationId}-${period.to}.pdf`} />
      </div>
      <ErrorAlert message={sheet.error?.message} />
      {sheet.isPending && <p className="loading">{t('app.loading')}</p>}
      {sheet.data && <AssociationSheetDocument sheet={sheet.data} titleId={titleId} />}
    </section>
  );
}
