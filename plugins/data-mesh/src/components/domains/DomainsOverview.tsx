import Grid from '@material-ui/core/Grid';
import {
  AsyncContent,
  FreshnessNote,
  useDomainRollups,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { SectionCard } from '../shared/SectionCard';
import { RollupSummary } from '../shared/RollupFigures';
import { DeprecatedProductsCard } from './DeprecatedProductsCard';
import { DomainsTable } from './DomainsTable';

/**
 * The domain scorecards: the whole mesh, then every domain, then the
 * deprecated products still read.
 */
export function DomainsOverview() {
  const rollups = useDomainRollups();
  return (
    <AsyncContent
      {...rollups}
      loadingLabel="Loading domain scorecards"
      isEmpty={value => value.domains.length === 0}
      emptyTitle="No domains scored yet"
      emptyDescription="Domains appear here once the governance sweep has scored data products that belong to them."
    >
      {value => (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <FreshnessNote freshness={value.freshness} />
          </Grid>
          <Grid item xs={12}>
            <SectionCard title="Whole mesh">
              <RollupSummary
                figures={value.mesh}
                trend={value.mesh.trend}
                trendTitle="Average score of the whole mesh"
              />
            </SectionCard>
          </Grid>
          <Grid item xs={12}>
            <DomainsTable domains={value.domains} />
          </Grid>
          <Grid item xs={12}>
            <DeprecatedProductsCard />
          </Grid>
        </Grid>
      )}
    </AsyncContent>
  );
}
