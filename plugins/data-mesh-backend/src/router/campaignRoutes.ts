import type {
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  dataMeshCampaignCreatePermission,
  dataMeshCampaignUpdatePermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { z } from 'zod';
import { AT_RISK_MARGIN } from '../service/campaigns/campaignProgress';
import { CampaignService } from '../service/campaigns/CampaignService';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
import { domainRefSchema, parseRequest, productRef } from './validation';

type CallerPrincipal = BackstageUserPrincipal | BackstageServicePrincipal;

/** A campaign as governance starts it. */
export const campaignInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    ruleIds: z.array(z.string().min(1).max(64)).max(50).optional(),
    minScore: z.number().min(0).max(100).optional(),
    scope: z
      .object({
        domains: z.array(domainRefSchema).max(50).optional(),
        types: z
          .array(z.enum(['source-aligned', 'consumer-aligned', 'aggregate']))
          .max(3)
          .optional(),
        lifecycles: z.array(z.string().min(1).max(64)).max(20).optional(),
      })
      .strict()
      .optional(),
    targetShare: z
      .number()
      .gt(0, { message: 'must be above 0' })
      .max(1, { message: 'must be at most 1 (a share, not a percentage)' }),
    deadline: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }),
  })
  .strict()
  .refine(c => (c.ruleIds?.length ?? 0) > 0 || c.minScore !== undefined, {
    message: 'name at least one rule, or give minScore',
    path: ['ruleIds'],
  });

const pageSchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().min(1).max(255).optional(),
  })
  .strict();

const principalRef = ({ principal }: { principal: CallerPrincipal }) =>
  principal.type === 'user' ? principal.userEntityRef : principal.subject;

/** `/campaigns`: governance campaigns, their progress and their products. */
export function campaignRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  campaigns: CampaignService;
  visibility: VisibilityService;
}) {
  const { router, access, campaigns, visibility } = deps;

  access.route('get', '/campaigns', {});
  router.get('/campaigns', async (_req, res) => {
    const seen = await visibility.visibleProducts(credentialsOf(res));
    res.json({
      items: await campaigns.list(seen),
      atRiskMargin: AT_RISK_MARGIN,
    });
  });

  access.route('post', '/campaigns', {
    permission: dataMeshCampaignCreatePermission,
    bodyLimit: '16kb',
  });
  router.post('/campaigns', async (req, res) => {
    const input = parseRequest(campaignInputSchema, req.body, 'body');
    const credentials = credentialsOf(res);
    const created = await campaigns.create(
      input,
      principalRef(credentials),
      await visibility.visibleProducts(credentials),
    );
    res.status(201).json(created);
  });

  access.route('get', '/campaigns/:id', {});
  router.get('/campaigns/:id', async (req, res) => {
    const seen = await visibility.visibleProducts(credentialsOf(res));
    res.json(await campaigns.details(req.params.id, seen));
  });

  access.route('get', '/campaigns/:id/failing', {});
  router.get('/campaigns/:id/failing', async (req, res) => {
    const page = parseRequest(pageSchema, req.query, 'query');
    const seen = await visibility.visibleProducts(credentialsOf(res));
    res.json(
      await campaigns.failing(req.params.id, seen, {
        limit: page.limit,
        after: page.cursor,
      }),
    );
  });

  // No body is needed; one sent is still read by the guard, within a small
  // limit, so that it is refused like any other route's.
  access.route('post', '/campaigns/:id/close', {
    permission: dataMeshCampaignUpdatePermission,
    bodyLimit: '1kb',
  });
  router.post('/campaigns/:id/close', async (req, res) => {
    res.json(await campaigns.close(req.params.id));
  });

  access.route('get', '/products/:namespace/:name/campaigns', {});
  router.get('/products/:namespace/:name/campaigns', async (req, res) => {
    const ref = productRef(req.params);
    if (!(await visibility.canSee(credentialsOf(res), ref))) {
      throw new NotFoundError(`No data product ${ref}`);
    }
    res.json({ items: await campaigns.forProduct(ref) });
  });

  return router;
}
