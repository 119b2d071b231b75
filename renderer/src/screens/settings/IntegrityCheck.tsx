import { useState } from 'react';
import { errorMessage } from '../../../../shared/i18n';
import type { IntegrityReport } from '../../../../shared/operations/integrity';
import { useClient } from '../../app/client';
import { useSettings } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * "Revisar el archivo": SQLite's own checks and the ledger's (balances equal their movements, every
 * document has its record, numbers without gaps), said in plain words. It only reads, so it can be
 * run at any time, and what it finds is worth showing to whoever helps with the books.
 */
export function IntegrityCheck() {
  const { t, locale } = useSettings();
  const client = useClient();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [running, setRunning] = useState(false);
  const number = (n: number) => new Intl.NumberFormat(locale === 'es' ? 'es-PE' : 'en-US').format(n);

  const run = async () => {
    setRunning(true);
    setError(undefined);
    setReport(null);
    try {
      setReport(await client.call('checkIntegrity', {}));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('app.unreachable'));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="settings__section" aria-labelledby="settings-integrity">
      <h2 id="settings-integrity">{t('settings.integrity')}</h2>
      <p>{t('settings.integrityExplain')}</p>
      <div className="actions">
        <button type="button" onClick={() => void run()} disabled={running}>
          {running ? t('settings.integrityRunning') : t('settings.integrityRun')}
        </button>
      </div>
      <ErrorAlert message={error} />
      <div role="status" data-testid="integrity-result">
        {report?.ok && (
          <p className="settings__done">
            {t('settings.integrityOk', { entries: number(report.entries), documents: number(report.documents) })}
          </p>
        )}
        {report && !report.ok && (
          <>
            <p>{t('settings.integrityProblems', { count: report.findings.length })}</p>
            <ul className="settings__findings">
              {report.findings.map((finding) => (
                <li key={finding.code}>{errorMessage(finding.code, { count: finding.count }, locale)}</li>
              ))}
            </ul>
            <p>{t('settings.integrityAdvice')}</p>
          </>
        )}
      </div>
    </section>
  );
}
