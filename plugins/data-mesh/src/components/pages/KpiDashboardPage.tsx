import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { KpiDashboard } from '../kpis/KpiDashboard';
import { dataMeshTranslationRef } from '../../translation';
import { LegacyPage } from './LegacyPage';

/** The leadership KPI dashboard as a page of the legacy frontend system. */
export function KpiDashboardPage() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <LegacyPage
      title={t('pages.kpis.title')}
      subtitle={t('pages.kpis.subtitle')}
    >
      <KpiDashboard />
    </LegacyPage>
  );
}
