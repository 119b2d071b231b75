import { useState } from 'react';
import type { MemberImportPreview } from '../../../../shared/operations/members';
import { useAssociationId } from '../../app/association';
import { useClient, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { readFileAsBase64 } from '../../format/files';
import { formatDate } from '../../format/format';

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

const shownDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value ?? '');

/** Choose a file, see every row with its remarks, then import all of it or nothing. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t, locale } = useSettings();
  const client = useClient();
  const associationId = useAssociationId();
  const importMembers = useWrite('importMembers');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<MemberImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);

  const choose = async (chosen: File | undefined) => {
    setPreview(null);
    setError(null);
    setImported(null);
    if (!chosen) return;
    setReading(true);
    try {
      const next = { fileName: chosen.name, contentBase64: await readFileAsBase64(chosen) };
      setFile(next);
      setPreview(await client.call('previewMemberImport', { associationId, ...next, locale }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('app.unreachable'));
    } finally {
      setReading(false);
    }
  };
  const commit = async () => {
    if (!file) return;
    setError(null);
    try {
      const result = await importMembers.mutateAsync({ associationId, ...file, locale });
      setImported(result.imported);
      setPreview(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('app.unreachable'));
    }
  };
  return (
    <Dialog title={t('import.title')} onClose={onClose} wide>
      <p>{t('import.explain')}</p>
      <Field label={t('import.file')}>
        <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => void choose(event.target.files?.[0])} />
      </Field>
      {reading && <p role="status">{t('import.reading')}</p>}
      <ErrorAlert message={error} />
      {imported !== null && <p className="alert alert--ok" role="status">{t('import.done', { count: imported })}</p>}
      {preview && (
        <>
          <p role="status" data-testid="import-summary">{t('import.summary', { valid: preview.validRows, errors: preview.errorRows })}</p>
          {preview.ignoredColumns.length > 0 && <p className="subtitle">{t('import.ignored', { columns: preview.ignoredColumns.join(', ') })}</p>}
          <div className="import-preview">
            <table className="data">
              <thead>
                <tr>
                  <th>{t('import.col.row')}</th>
                  <th>{t('members.col.dni')}</th>
                  <th>{t('members.col.name')}</th>
                  <th>{t('members.col.sex')}</th>
                  <th>{t('members.col.community')}</th>
                  <th>{t('members.col.joined')}</th>
                  <th>{t('import.col.errors')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.rowNumber} className={row.errors.length ? 'row--error' : undefined}>
                    <td className="num">{row.rowNumber}</td>
                    <td className="code">{row.values.dni}</td>
                    <td>{[row.values.surnames, row.values.givenNames].filter(Boolean).join(', ')}</td>
                    <td>{row.values.sex}</td>
                    <td>{row.values.community}</td>
                    <td>{shownDate(row.values.joinedOn)}</td>
                    <td>{row.errors.length ? row.errors.map((e) => e.message).join(' ') : t('import.ok')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.errorRows > 0
            ? <p className="alert alert--error" role="alert">{t('import.fixFirst')}</p>
            : (
              <div className="actions">
                <button type="button" className="button--primary" disabled={importMembers.isPending} onClick={() => void commit()}>
                  {t('import.submit', { count: preview.validRows })}
                </button>
              </div>
            )}
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>{t('action.close')}</button>
      </div>
    </Dialog>
  );
}
