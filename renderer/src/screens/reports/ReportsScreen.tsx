import { useAssociationId } from '../../app/association';
import { useT } from '../../app/settings';
import { TrialBalanceReport } from './TrialBalanceReport';
import './reports.css';

/** Only the trial balance for now; the screen says so rather than pretending. */
export function ReportsScreen() {
  const t = useT();
  const associationId = useAssociationId();
  return (
    <section className="screen reports">
      <h1>{t('reports.title')}</h1>
      <p className="notice">{t('reports.soon')}</p>
      <TrialBalanceReport key={associationId} associationId={associationId} />
    </section>
  );
}
