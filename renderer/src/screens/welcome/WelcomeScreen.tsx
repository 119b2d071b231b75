import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewAssociationForm } from './NewAssociationForm';

/** First run: register the association or open the example. Also reached from the switcher's "new". */
export function WelcomeScreen() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(params.get('nueva') === '1');
  const openExample = useWrite('openExampleAssociation');

  if (creating) {
    return (
      <div className="welcome">
        <h1>{t('wizard.newTitle')}</h1>
        <NewAssociationForm onCancel={() => (params.get('nueva') === '1' ? void navigate(-1) : setCreating(false))} />
      </div>
    );
  }
  return (
    <div className="welcome">
      <h1>{t('wizard.title')}</h1>
      <p>{t('wizard.lead')}</p>
      <div className="choice-grid">
        <button type="button" className="choice" onClick={() => setCreating(true)}>
          <strong>{t('wizard.create')}</strong>
          <span>{t('wizard.createHint')}</span>
        </button>
        <button
          type="button"
          className="choice"
          disabled={openExample.isPending}
          onClick={async () => {
            const { id } = await openExample.mutateAsync({});
            void navigate(`/a/${id}/inicio`);
          }}
        >
          <strong>{openExample.isPending ? t('wizard.exampleOpening') : t('wizard.example')}</strong>
          <span>{t('wizard.exampleHint')}</span>
        </button>
      </div>
      <ErrorAlert message={openExample.error?.message} />
    </div>
  );
}
