import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { DomainScorecards } from '../domains/DomainScorecards';
import { dataMeshTranslationRef } from '../../translation';
import { LegacyPage } from './LegacyPage';

/** The domain scorecards as a page of the legacy frontend system. */
export function DomainScorecardsPage() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <LegacyPage
      title={t('pages.domains.title')}
      subtitle={t('pages.domains.subtitle')}
    >
      <DomainScorecards />
    </LegacyPage>
  );
}
