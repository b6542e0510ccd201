import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { MyAccessRequests } from '../access/MyAccessRequests';
import { dataMeshTranslationRef } from '../../translation';
import { LegacyPage } from './LegacyPage';

/** "My access requests" as a page of the legacy frontend system. */
export function MyAccessRequestsPage() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <LegacyPage
      title={t('myRequests.title')}
      subtitle={t('myRequests.subtitle')}
    >
      <MyAccessRequests />
    </LegacyPage>
  );
}
