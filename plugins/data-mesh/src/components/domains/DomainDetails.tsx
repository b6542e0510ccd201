import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  AsyncContent,
  FreshnessNote,
  useCursorPaging,
  useDomainDetails,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { useParams } from 'react-router-dom';
import { SectionCard } from '../shared/SectionCard';
import { domainsRouteRef } from '../../routes';
import { RollupSummary } from '../shared/RollupFigures';
import { DomainUpcomingRules } from './DomainUpcomingRules';
import { ProductFilters } from './ProductFilters';
import { ProductsTable } from './ProductsTable';
import { useProductListQuery } from './useProductListQuery';

/**
 * One domain: its figures and trend, its products in a server-paged
 * table that can be filtered by status, type and score and sorted by name, type,
 * status and score, and the rules not scored yet or any more, with the
 * listed products failing each.
 */
export function DomainDetails() {
  const { namespace = 'default', name = '' } = useParams();
  const domainRef = `domain:${namespace}/${name}`;
  const domainsLink = useRouteRef(domainsRouteRef);
  const [query, setQuery] = useProductListQuery();
  const paging = useCursorPaging(`${domainRef} ${JSON.stringify(query)}`);
  const details = useDomainDetails(domainRef, {
    ...query,
    cursor: paging.cursor,
  });
  return (
    <>
      <Typography variant="body2" paragraph>
        <Link to={domainsLink()}>← All domains</Link>
      </Typography>
      <AsyncContent
        {...details}
        loadingLabel="Loading the domain"
        emptyTitle={`No domain ${namespace}/${name}`}
        emptyDescription="The catalog has no such domain, or none of its products has been scored."
      >
        {value => {
          const title = value.domain.title ?? name;
          return (
            <Grid container spacing={3}>
              <Grid item xs={12}>
                <FreshnessNote freshness={value.freshness} />
              </Grid>
              <Grid item xs={12}>
                <SectionCard
                  title={title}
                  subheader={<EntityRefLink entityRef={domainRef} />}
                >
                  <RollupSummary
                    figures={value.domain}
                    trend={value.domain.trend}
                    trendTitle={`Average score of ${title}`}
                  />
                </SectionCard>
              </Grid>
              <Grid item xs={12}>
                <SectionCard title="Products">
                  <ProductFilters query={query} onChange={setQuery} />
                  <ProductsTable
                    label={`Products of ${title}`}
                    page={value.products}
                    query={query}
                    onQueryChange={setQuery}
                    paging={paging}
                    loading={details.loading}
                  />
                </SectionCard>
              </Grid>
              <Grid item xs={12}>
                <SectionCard title="Upcoming rules (not scored)">
                  <DomainUpcomingRules
                    rules={value.upcomingRules ?? []}
                    products={value.products.items}
                  />
                </SectionCard>
              </Grid>
            </Grid>
          );
        }}
      </AsyncContent>
    </>
  );
}
