import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { z } from 'zod';

/** Cards of the DataProduct entity page show on `kind: DataProduct` only. */
const filter = { kind: 'dataproduct' };

/**
 * `entity-card:data-mesh/data-product-overview`: a content card, next to the
 * catalog's own About card, with what only data products have.
 */
export const dataProductOverviewCard = EntityCardBlueprint.make({
  name: 'data-product-overview',
  params: {
    filter,
    loader: () =>
      import('../components/product/DataProductOverviewCard').then(m => (
        <m.DataProductOverviewCard />
      )),
  },
});

/** `entity-card:data-mesh/data-product-scorecard`. */
export const dataProductScorecardCard = EntityCardBlueprint.make({
  name: 'data-product-scorecard',
  params: {
    filter,
    loader: () =>
      import('../components/governance/ScorecardCard').then(m => (
        <m.ScorecardCard />
      )),
  },
});

/** `entity-card:data-mesh/data-product-slo`. */
export const dataProductSloCard = EntityCardBlueprint.make({
  name: 'data-product-slo',
  params: {
    filter,
    loader: () =>
      import('../components/product/SloCard').then(m => <m.SloCard />),
  },
});

/**
 * `entity-card:data-mesh/data-product-lineage`. Config: `maxDepth`, the hops
 * followed upstream and downstream (1 to 4, default 2), and `height`, the
 * drawing's height in pixels (by default it fits the graph).
 */
export const dataProductLineageCard = EntityCardBlueprint.makeWithOverrides({
  name: 'data-product-lineage',
  configSchema: {
    maxDepth: z.number().int().min(1).max(4).default(2),
    height: z.number().int().min(100).max(2000).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter,
      loader: () =>
        import('../components/lineage/LineageCard').then(m => (
          <m.LineageCard maxDepth={config.maxDepth} height={config.height} />
        )),
    });
  },
});

/**
 * `entity-card:data-mesh/data-product-standards`: the open standard an
 * imported product came from and its loss report, and export buttons (ODPS
 * with ODCS contracts, DPDS).
 */
export const dataProductStandardsCard = EntityCardBlueprint.make({
  name: 'data-product-standards',
  params: {
    filter,
    loader: () =>
      import('../components/standards/StandardsCard').then(m => (
        <m.StandardsCard />
      )),
  },
});

/**
 * `entity-card:data-mesh/data-product-access`: the output ports with a
 * "Request access" form, the requests waiting for the owners' or
 * governance's decision, and the product's data sharing agreements.
 */
export const dataProductAccessCard = EntityCardBlueprint.make({
  name: 'data-product-access',
  params: {
    filter,
    loader: () =>
      import('../components/access/AccessCard').then(m => <m.AccessCard />),
  },
});

/**
 * `entity-card:data-mesh/data-product-campaigns`: the open campaigns that
 * concern the product, what it must fix and by when.
 */
export const dataProductCampaignsCard = EntityCardBlueprint.make({
  name: 'data-product-campaigns',
  params: {
    filter,
    loader: () =>
      import('../components/campaigns/ProductCampaignsCard').then(m => (
        <m.ProductCampaignsCard />
      )),
  },
});

/**
 * `entity-card:data-mesh/data-product-deprecation`: on a deprecated
 * product's page, its sunset date and successor, for its consumers.
 */
export const dataProductDeprecationCard = EntityCardBlueprint.make({
  name: 'data-product-deprecation',
  params: {
    filter: {
      kind: 'dataproduct',
      'spec.deprecation.sunset': { $exists: true },
    },
    loader: () =>
      import('../components/versions/DeprecationBanner').then(m => (
        <m.DeprecationBanner />
      )),
  },
});

/**
 * `entity-card:data-mesh/data-product-versions`: the versions of the
 * product's contract seen, with what changed between them.
 */
export const dataProductVersionsCard = EntityCardBlueprint.make({
  name: 'data-product-versions',
  params: {
    filter,
    loader: () =>
      import('../components/versions/VersionHistoryCard').then(m => (
        <m.VersionHistoryCard />
      )),
  },
});

/**
 * `entity-card:data-mesh/deprecated-inputs`: on the page of an entity that
 * reads data products, those of them that are deprecated.
 */
export const deprecatedInputsCard = EntityCardBlueprint.make({
  name: 'deprecated-inputs',
  params: {
    filter: {
      relations: { $contains: { type: 'consumesDataProduct' } },
    } as any,
    loader: () =>
      import('../components/versions/DeprecatedInputsCard').then(m => (
        <m.DeprecatedInputsCard />
      )),
  },
});
