import { useState } from 'react';
import type { OperationInput } from '../../../shared/api';
import { useClient } from '../app/client';
import { useSettings } from '../app/settings';
import { downloadBase64 } from '../format/files';
import { ErrorAlert } from './ErrorAlert';

/** Which report and with what inputs; the format and language are added here. */
export interface ExportRequest {
  report: OperationInput<'exportReport'>['report'];
  params: Record<string, unknown>;
}

/** Exportar a Excel (XLSX) or CSV: the same figures as the screen, from the same engine functions. */
export function ExportButtons({ request }: { request: ExportRequest }) {
  const { t, locale } = useSettings();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportAs = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setError(null);
    try {
      const file = await client.call('exportReport', { ...request, format, locale } as OperationInput<'exportReport'>);
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('app.unreachable'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-buttons no-print">
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void exportAs('xlsx')}>{t('export.xlsx')}</button>
        <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>{t('export.csv')}</button>
      </div>
      <ErrorAlert message={error} />
    </div>
  );
}
