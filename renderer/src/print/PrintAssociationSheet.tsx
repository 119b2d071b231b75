import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../shared/dates';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { positiveId } from '../format/params';
import { AssociationSheetDocument } from '../screens/odel/AssociationSheetDocument';
import { PrintFrame } from './PrintFrame';
import './odel.css';

interface SheetParams {
  associationId: number;
  from: string;
  to: string;
  asOf: string;
}

/** `?associationId=1&from=2026-01-01&to=2026-03-15&asOf=2026-03-15`; asOf defaults to `to`. */
function readParams(params: URLSearchParams): SheetParams | null {
  const associationId = positiveId(params.get('associationId'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const asOf = params.get('asOf') || to;
  if (associationId === null || !isIsoDate(from) || !isIsoDate(to) || !isIsoDate(asOf)) return null;
  return { associationId, from, to, asOf };
}

/** One association on one A4 page, for the ODEL promoter's folder. */
export function PrintAssociationSheet() {
  const t = useT();
  const [params] = useSearchParams();
  const request = readParams(params);
  const autoprint = params.get('autoprint') === '1';
  const sheet = useOperation(
    'associationSheet',
    { associationId: request?.associationId ?? 0, from: request?.from ?? '', to: request?.to ?? '', asOf: request?.asOf ?? '' },
    { enabled: request !== null },
  );
  return (
    <PrintFrame valid={request !== null} missingMessage={t('sheet.printMissing')} queries={[sheet]} autoprint={autoprint}>
      {() => <AssociationSheetDocument sheet={sheet.data!} titleId="print-sheet-title" />}
    </PrintFrame>
  );
}
