import { BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import {
  dataMeshWaiverApprovePermission,
  dataMeshWaiverRequestPermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { z } from 'zod';
import { WaiverStore } from '../database/WaiverStore';
import { VisibilityService } from '../service/VisibilityService';
import { WaiverService } from '../service/WaiverService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
import {
  parseRequest,
  productRef,
  productRefSchema,
  waiverRequestSchema,
} from './validation';

const sourceSchema = z.enum(['entity', 'api']);
const commentSchema = z.string().trim().min(1).max(2000);

const approveBodySchema = z
  .object({
    source: sourceSchema.optional(),
    comment: commentSchema.optional(),
  })
  .strict();

const rejectBodySchema = z
  .object({ source: sourceSchema.optional(), comment: commentSchema })
  .strict();

const revokeQuerySchema = z
  .object({ source: sourceSchema.optional() })
  .strict();

const listQuerySchema = z
  .object({
    entityRef: productRefSchema.optional(),
    status: z.enum(['pending', 'approved', 'rejected', 'revoked']).optional(),
  })
  .strict();

const WAIVER_PATH = '/waivers/:namespace/:name/:ruleId';

/**
 * `/waivers`: list waivers, ask for one (`data-mesh.waiver.request` on the
 * product), approve, reject or revoke one (`data-mesh.waiver.approve` on
 * the product). Only approved waivers count.
 */
export function waiverRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  waivers: WaiverStore;
  waiverService: WaiverService;
  visibility: VisibilityService;
}) {
  const { router, access, waivers, waiverService, visibility } = deps;
  const approver = {
    allow: ['user' as const],
    permission: dataMeshWaiverApprovePermission,
    resourceRef: (req: { params: Record<string, string> }) =>
      productRef({ namespace: req.params.namespace, name: req.params.name }),
  };

  access.route('get', '/waivers', {});
  router.get('/waivers', async (req, res) => {
    const credentials = credentialsOf(res);
    const query = parseRequest(listQuerySchema, req.query, 'query');
    const visible = await visibility.visibleProducts(credentials);
    res.json({ items: await waivers.list(query, visible) });
  });

  access.route('post', '/waivers', {
    allow: ['user'],
    permission: dataMeshWaiverRequestPermission,
    bodyLimit: '16kb',
  });
  router.post('/waivers', async (req, res) => {
    const credentials = credentialsOf<BackstageUserPrincipal>(res);
    const body = parseRequest(waiverRequestSchema, req.body, 'body');
    await access.authorize(credentials, dataMeshWaiverRequestPermission, [
      body.entityRef,
    ]);
    res.status(201).json(await waiverService.request(body, credentials));
  });

  for (const [verb, schema, status] of [
    ['approve', approveBodySchema, 'approved'],
    ['reject', rejectBodySchema, 'rejected'],
  ] as const) {
    access.route('post', `${WAIVER_PATH}/${verb}`, {
      ...approver,
      bodyLimit: '16kb',
    });
    router.post(`${WAIVER_PATH}/${verb}`, async (req, res) => {
      const body = parseRequest(schema, req.body, 'body');
      const target = {
        entityRef: productRef(req.params),
        ruleId: req.params.ruleId,
        source: body.source,
      };
      res.json(
        await waiverService.decide(
          target,
          { status, comment: body.comment },
          credentialsOf<BackstageUserPrincipal>(res),
        ),
      );
    });
  }

  access.route('delete', WAIVER_PATH, approver);
  router.delete(WAIVER_PATH, async (req, res) => {
    const { source } = parseRequest(revokeQuerySchema, req.query, 'query');
    await waiverService.revoke(
      { entityRef: productRef(req.params), ruleId: req.params.ruleId, source },
      credentialsOf<BackstageUserPrincipal>(res),
    );
    res.status(204).end();
  });
}
