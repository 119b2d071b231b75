import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../shared/dates';
import type { OdelSummary } from '../../../shared/operations/odel';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, todayIso } from '../format/format';
import { OdelTables } from '../screens/odel/OdelTables';
import { PrintFrame } from './PrintFrame';
import './odel.css';

interface SummaryParams {
  from: string;
  to: string;
  asOf: string;
  ubigeo: string | null;
}

/** `?from=2026-01-01&to=2026-03-15&asOf=2026-03-15&ubigeo=030601`; asOf defaults to `to`, no ubigeo means every district. */
function readParams(params: URLSearchParams): SummaryParams | null {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const asOf = params.get('asOf') || to;
  const ubigeo = params.get('ubigeo') || null;
  if (!isIsoDate(from) || !isIsoDate(to) || !isIsoDate(asOf)) return null;
  if (ubigeo !== null && !/^\d{6}$/.test(ubigeo)) return null;
  return { from, to, asOf, ubigeo };
}

/** The associations of a district (or of the whole file) side by side, A4 landscape, black on white. */
export function PrintOdelSummary() {
  const t = useT();
  const [params] = useSearchParams();
  const request = readParams(params);
  const autoprint = params.get('autoprint') === '1';
  const summary = useOperation(
    'odelSummary',
    { from: request?.from ?? '', to: request?.to ?? '', asOf: request?.asOf ?? '', ubigeo: request?.ubigeo ?? null },
    { enabled: request !== null },
  );
  return (
    <PrintFrame valid={request !== null} missingMessage={t('odel.printMissing')} queries={[summary]} autoprint={autoprint}>
      {() => <OdelSummaryDocument summary={summary.data!} />}
    </PrintFrame>
  );
}

/** Rendered once the summary has answered (PrintFrame). */
function OdelSummaryDocument({ summary }: { summary: OdelSummary }) {
  const t = useT();
  const districts = summary.districts.map((d) => `${d.district} (${d.province}, ${d.department})`).join('; ');
  return (
    <article className="print-odel" data-testid="odel-summary-print">
      <header className="print-odel__header">
        <div>
          <h1 id="print-odel-title">{t('odel.printTitle')}</h1>
          {districts && (
            <p className="print-odel__districts">
              {t(summary.districts.length === 1 ? 'odel.printDistrict' : 'odel.printDistricts', { districts })}
            </p>
          )}
          <p className="print-odel__period">
            {t('odel.period', { from: formatDate(summary.from), to: formatDate(summary.to), asOf: formatDate(summary.asOf) })}
          </p>
        </div>
        <div className="print-odel__printed">{t('print.printedOn', { date: formatDate(todayIso()) })}</div>
      </header>
      <OdelTables summary={summary} className="print-odel__table" />
    </article>
  );
}
