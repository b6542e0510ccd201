import { KpiDashboard } from '../kpis/KpiDashboard';
import { LegacyPage } from './LegacyPage';

/** The leadership KPI dashboard as a page of the legacy frontend system. */
export function KpiDashboardPage() {
  return (
    <LegacyPage
      title="Data mesh KPIs"
      subtitle="Mesh adoption, quality and consumption against their targets"
    >
      <KpiDashboard />
    </LegacyPage>
  );
}
