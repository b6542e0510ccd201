import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  AsyncContent,
  FreshnessNote,
  formatDateTime,
  useKpis,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { KpiCampaigns } from '../campaigns/KpiCampaigns';
import { SectionCard } from '../shared/SectionCard';
import { CsvButton } from './CsvButton';
import { KpiDomainTable } from './KpiDomainTable';
import { KpiTiles } from './KpiTiles';
import { KpiTrendsSection } from './KpiTrendsSection';
import { kpiBreakdownCsv } from './kpiCsv';

/**
 * The leadership dashboard: each mesh-adoption KPI against its target, its
 * trend over a chosen date range, a per-domain breakdown, and CSV exports.
 */
export function KpiDashboard() {
  const kpis = useKpis();
  const value = kpis.value;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <AsyncContent
          {...kpis}
          loadingLabel="Loading KPIs"
          isEmpty={v => v.kpis.length === 0}
          emptyTitle="No KPIs yet"
        >
          {v => (
            <>
              <FreshnessNote freshness={v.freshness} />
              <Typography variant="body2" color="textSecondary" paragraph>
                Measured {formatDateTime(v.generatedAt)}
              </Typography>
              <KpiTiles kpis={v.kpis} />
            </>
          )}
        </AsyncContent>
      </Grid>
      <Grid item xs={12}>
        <KpiCampaigns />
      </Grid>
      <Grid item xs={12}>
        <KpiTrendsSection kpis={value} />
      </Grid>
      <Grid item xs={12}>
        <SectionCard
          title="By domain"
          action={
            <CsvButton
              label="Download breakdown (CSV)"
              filename={`data-mesh-kpis-by-domain-${
                value?.generatedAt.slice(0, 10) ?? 'now'
              }.csv`}
              csv={value && (() => kpiBreakdownCsv(value))}
            />
          }
        >
          <AsyncContent
            {...kpis}
            loadingLabel="Loading the breakdown"
            isEmpty={v => v.kpis.every(kpi => kpi.byDomain.length === 0)}
            emptyTitle="No per-domain values yet"
          >
            {v => <KpiDomainTable kpis={v.kpis} />}
          </AsyncContent>
        </SectionCard>
      </Grid>
    </Grid>
  );
}
