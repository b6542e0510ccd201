import { BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { dataMeshWaiverApprovePermission } from '@datamesh-backstage/plugin-data-mesh-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { WaiverStore } from '../database/WaiverStore';
import { GovernanceService } from '../service/GovernanceService';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import {
  isoDateTimeSchema,
  parseRequest,
  productRef,
  productRefSchema,
} from './validation';

/** Waivers may run for a year at most. */
const MAX_WAIVER_DAYS = 366;

const waiverBodySchema = z
  .object({
    entityRef: productRefSchema,
    ruleId: z.string().min(1).max(64),
    reason: z.string().trim().min(1).max(2000),
    expiresAt: isoDateTimeSchema,
  })
  .strict();

const listQuerySchema = z
  .object({ entityRef: productRefSchema.optional() })
  .strict();

/** `/waivers`: list, grant and revoke waivers (granting needs a permission). */
export function waiverRoutes(deps: {
  access: AccessControl;
  catalog: CatalogService;
  waivers: WaiverStore;
  governance: GovernanceService;
  visibility: VisibilityService;
}) {
  const { access, catalog, waivers, governance, visibility } = deps;
  const router = Router();

  /** Re-scores a product with its new waivers. */
  async function rescore(entityRef: string) {
    await governance.rescore(entityRef);
  }

  router.get('/waivers', ...access.guard({}), async (req, res) => {
    const credentials = credentialsOf(res);
    const { entityRef } = parseRequest(listQuerySchema, req.query, 'query');
    const visible = await visibility.visibleProducts(credentials);
    const items = (await waivers.list(entityRef)).filter(
      waiver => visible.all || visible.refs.has(waiver.entityRef),
    );
    res.json({ items });
  });

  router.post(
    '/waivers',
    ...access.guard({
      allow: ['user'],
      permission: dataMeshWaiverApprovePermission,
      bodyLimit: '16kb',
    }),
    async (req, res) => {
      const credentials = credentialsOf<BackstageUserPrincipal>(res);
      const body = parseRequest(waiverBodySchema, req.body, 'body');
      await access.authorize(credentials, dataMeshWaiverApprovePermission, [
        body.entityRef,
      ]);
      if (
        !governance.policies.describe().some(rule => rule.id === body.ruleId)
      ) {
        throw new InputError(
          `body.ruleId: no rule ${body.ruleId} in the effective policies`,
        );
      }
      const now = Date.now();
      const expires = Date.parse(body.expiresAt);
      if (expires <= now || expires > now + MAX_WAIVER_DAYS * 86_400_000) {
        throw new InputError(
          `body.expiresAt: must be in the future and at most ${MAX_WAIVER_DAYS} days ahead`,
        );
      }
      if (!(await catalog.getEntityByRef(body.entityRef, { credentials }))) {
        throw new NotFoundError(`No data product ${body.entityRef}`);
      }
      const waiver = await waivers.upsert({
        ...body,
        createdBy: credentials.principal.userEntityRef,
        createdAt: new Date(now).toISOString(),
      });
      await rescore(body.entityRef);
      res.status(201).json(waiver);
    },
  );

  router.delete(
    '/waivers/:namespace/:name/:ruleId',
    ...access.guard({
      allow: ['user'],
      permission: dataMeshWaiverApprovePermission,
      resourceRef: req => productRef(req.params),
    }),
    async (req, res) => {
      const entityRef = productRef(req.params);
      if (!(await waivers.delete(entityRef, req.params.ruleId))) {
        throw new NotFoundError(
          `No waiver of ${req.params.ruleId} for ${entityRef}`,
        );
      }
      await rescore(entityRef).catch(() => undefined);
      res.status(204).end();
    },
  );

  return router;
}
