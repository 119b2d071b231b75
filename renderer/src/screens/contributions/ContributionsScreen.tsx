import { useT } from '../../app/settings';
import { ChargeForm } from './ChargeForm';
import { ChargeList } from './ChargeList';
import { ContributionsTabs } from './ContributionsTabs';
import { ContributionTypes } from './ContributionTypes';
import { GenerateDuesForm } from './GenerateDuesForm';
import { InKindForm } from './InKindForm';

export function ContributionsScreen() {
  const t = useT();
  return (
    <section className="screen">
      <h1>{t('contrib.title')}</h1>
      <ContributionsTabs />
      <GenerateDuesForm />
      <ChargeForm />
      <InKindForm />
      <ChargeList />
      <ContributionTypes />
    </section>
  );
}
