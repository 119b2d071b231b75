import type { AssociationDetails } from '../../../../shared/results';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { catalogs, type MessageKey } from '../../i18n/messages';
import { AssociationDetailsForm } from './AssociationDetailsForm';
import { LockDateForm } from './LockDateForm';
import { FiscalYearClosing } from './FiscalYearClosing';
import { Preferences } from './Preferences';
import { IntegrityCheck } from './IntegrityCheck';
import './settings.css';

export function SettingsScreen() {
  const t = useT();
  const associationId = useAssociationId();
  const association = useOperation('getAssociation', { associationId });
  const details = association.data;
  return (
    <section className="screen settings">
      <h1>{t('settings.title')}</h1>
      <ErrorAlert message={association.error?.message} />
      {association.isPending && <p className="loading">{t('app.loading')}</p>}
      {details && (
        <>
          <AssociationFacts details={details} />
          <AssociationDetailsForm key={details.id} details={details} />
          {/* Keyed so another association's lock date never lingers in the form. */}
          <LockDateForm key={details.id} associationId={details.id} current={details.lockDate} />
          <FiscalYearClosing key={`closing-${details.id}`} associationId={details.id} />
        </>
      )}
      <IntegrityCheck />
      <Preferences />
    </section>
  );
}

/** Known keys only: a legal form the catalog lacks is shown as stored rather than as a raw key. */
function label(key: string, fallback: string, t: ReturnType<typeof useT>): string {
  return key in catalogs.es ? t(key as MessageKey) : fallback;
}

function AssociationFacts({ details }: { details: AssociationDetails }) {
  const t = useT();
  const facts: [label: string, value: string][] = [
    [t('settings.name'), details.name],
    [t('settings.ruc'), details.ruc ?? t('settings.noRuc')],
    [t('settings.legalForm'), label(`wizard.legalForm.${details.legalForm}`, details.legalForm, t)],
    [t('settings.district'), details.district],
    [t('settings.province'), details.province],
    [t('settings.department'), details.department],
    [t('settings.fiscalYearStart'), label(`month.${details.fiscalYearStartMonth}`, String(details.fiscalYearStartMonth), t)],
  ];
  return (
    <section className="settings__section" aria-labelledby="settings-association">
      <h2 id="settings-association">{t('settings.association')}</h2>
      <dl className="settings__facts">
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">{t('settings.associationNote')}</p>
    </section>
  );
}
