import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { z } from 'zod';
import {
  domainProductsQuerySchema,
  domainRefSchema,
  parseRequest,
} from '../router/validation';
import { DomainService } from '../service/DomainService';
import {
  freshnessSchema,
  ruleSchema,
  scorecardSummarySchema,
  statusSchema,
} from './outputSchemas';

const domainSchema = z.object({ domain: domainRefSchema });

/** `list-domain-data-products`: one domain's rollup and a page of its products. */
export function createListDomainDataProductsAction(options: {
  actionsRegistry: ActionsRegistryService;
  domains: DomainService;
}) {
  options.actionsRegistry.register({
    name: 'list-domain-data-products',
    title: "List a domain's data products",
    description: `Lists the data products of one domain with their governance score and status,
a page at a time, optionally only those that pass, warn or fail; with the domain's rollup
(product count, average score, most violated rules) and when the figures were computed.
Only products the caller may read in the catalog are listed and counted. To read the next
page, call again with the same filters and the returned nextCursor.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: zod =>
        zod
          .object({
            domain: zod
              .string()
              .min(1)
              .max(255)
              .describe('The Domain: customer, or domain:default/customer'),
            status: statusSchema(zod).optional(),
            type: zod
              .enum(['source-aligned', 'consumer-aligned', 'aggregate'])
              .optional(),
            orderBy: zod
              .enum(['entityRef', 'score', 'status', 'type'])
              .optional()
              .describe('Default entityRef; status orders fail, warn, pass'),
            order: zod.enum(['asc', 'desc']).optional(),
            limit: zod
              .number()
              .int()
              .min(1)
              .max(500)
              .optional()
              .describe('Products per page, default 50'),
            cursor: zod
              .string()
              .min(1)
              .max(2000)
              .optional()
              .describe('The nextCursor of the previous page'),
          })
          .strict(),
      output: zod =>
        zod.object({
          domain: zod.object({
            domain: zod.string(),
            title: zod.string().optional(),
            productCount: zod.number(),
            averageScore: zod.number().nullable(),
            minimumScore: zod.number().nullable(),
            passCount: zod.number(),
            warnCount: zod.number(),
            failCount: zod.number(),
            topFailingRules: zod.array(
              zod.object({ ruleId: zod.string(), count: zod.number() }),
            ),
          }),
          products: zod.object({
            items: zod.array(scorecardSummarySchema(zod)),
            totalItems: zod.number(),
            nextCursor: zod.string().optional(),
          }),
          freshness: freshnessSchema(zod),
          upcomingRules: zod
            .array(ruleSchema(zod))
            .optional()
            .describe(
              'Rules that apply in the domain and are not scored yet (draft, grace) or any more (deprecated)',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { domain: domainInput, ...filters } = input;
      const { domain: domainRef } = parseRequest(
        domainSchema,
        { domain: domainInput },
        'input',
      );
      const query = parseRequest(domainProductsQuerySchema, filters, 'input');
      const { domain, products, freshness, upcomingRules } =
        await options.domains.details(credentials, domainRef, query);
      // The 30-day trend is for charts; the rollup's figures say the same.
      const { trend: _trend, ...rollup } = domain;
      return {
        output: {
          domain: rollup,
          products,
          freshness,
          ...(upcomingRules ? { upcomingRules } : {}),
        },
      };
    },
  });
}
