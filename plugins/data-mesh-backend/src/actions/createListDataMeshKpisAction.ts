import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { KPI_IDS, KpiId } from '@datamesh-backstage/plugin-data-mesh-common';
import { FreshnessService } from '../service/FreshnessService';
import { KpiService } from '../service/kpis/KpiService';
import { VisibilityService } from '../service/VisibilityService';
import { freshnessSchema } from './outputSchemas';

const KPI_ID_VALUES = KPI_IDS as [KpiId, ...KpiId[]];

/** `list-data-mesh-kpis`: the mesh-adoption KPIs against their targets. */
export function createListDataMeshKpisAction(options: {
  actionsRegistry: ActionsRegistryService;
  kpis: KpiService;
  freshness: FreshnessService;
  visibility: VisibilityService;
}) {
  const { kpis, freshness, visibility } = options;
  options.actionsRegistry.register({
    name: 'list-data-mesh-kpis',
    title: 'List data mesh KPIs against their targets',
    description: `Lists the mesh-adoption KPIs (domains onboarded, data products published,
self-serve ratio, SLO compliance, data quality score, documentation completeness, time to
data, consumers per product, cross-domain products) with their current value, target and
whether each meets it, overall and per domain, and when the figures were computed (stale
when the last governance sweep did not complete or is old). Computed over the products and
domains the caller may read in the catalog.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: zod =>
        zod
          .object({
            ids: zod
              .array(zod.enum(KPI_ID_VALUES))
              .min(1)
              .max(KPI_ID_VALUES.length)
              .optional()
              .describe('Only these KPIs; all of them when absent'),
          })
          .strict(),
      output: zod =>
        zod.object({
          generatedAt: zod.string(),
          kpis: zod.array(
            zod.object({
              id: zod.enum(KPI_ID_VALUES),
              title: zod.string(),
              description: zod.string(),
              category: zod.enum(['adoption', 'quality', 'consumption']),
              value: zod
                .number()
                .nullable()
                .describe('Null when there is nothing to measure yet'),
              unit: zod.enum([
                'percent',
                'count',
                'score',
                'days',
                'consumers',
              ]),
              target: zod.number(),
              targetOperator: zod
                .enum(['gte', 'lt'])
                .describe('gte: must reach the target; lt: stay below it'),
              targetLabel: zod.string(),
              meetsTarget: zod.boolean().nullable(),
              declaredNotAgreed: zod
                .number()
                .nullable()
                .optional()
                .describe(
                  'Consumption KPIs only: the figure counted from what the catalog declares without an active agreement',
                ),
              byDomain: zod.array(
                zod.object({
                  domain: zod.string(),
                  title: zod.string().optional(),
                  value: zod.number().nullable(),
                  meetsTarget: zod.boolean().nullable(),
                  declaredNotAgreed: zod.number().nullable().optional(),
                }),
              ),
            }),
          ),
          freshness: freshnessSchema(zod),
        }),
    },
    action: async ({ input, credentials }) => {
      const [current, figures] = await Promise.all([
        kpis.current(
          credentials,
          await visibility.visibleProducts(credentials),
        ),
        freshness.current(),
      ]);
      const wanted = new Set<string>(input.ids ?? KPI_IDS);
      return {
        output: {
          generatedAt: current.generatedAt,
          kpis: current.kpis.filter(kpi => wanted.has(kpi.id)),
          freshness: figures,
        },
      };
    },
  });
}
