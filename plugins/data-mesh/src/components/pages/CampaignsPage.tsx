import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Campaigns } from '../campaigns/Campaigns';
import { dataMeshTranslationRef } from '../../translation';
import { LegacyPage } from './LegacyPage';

/** Governance campaigns as a page of the legacy frontend system. */
export function CampaignsPage() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <LegacyPage
      title={t('pages.campaigns.title')}
      subtitle={t('pages.campaigns.subtitle')}
    >
      <Campaigns />
    </LegacyPage>
  );
}
