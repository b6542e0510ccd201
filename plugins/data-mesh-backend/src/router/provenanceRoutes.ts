import { BackstageServicePrincipal } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { dataMeshProvenanceRecordPermission } from '@datamesh-backstage/plugin-data-mesh-common';
import { z } from 'zod';
import { ProvenanceService } from '../service/provenance/ProvenanceService';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
import { isoDateTimeSchema, parseRequest, productRef } from './validation';

const templateRefSchema = z
  .string()
  .min(1)
  .max(255)
  .transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value, { defaultKind: 'Template' });
      if (ref.kind.toLocaleLowerCase('en-US') !== 'template') {
        throw new Error('must refer to a Template');
      }
      return stringifyEntityRef(ref);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const provenanceBodySchema = z
  .object({
    templateRef: templateRefSchema,
    requestedAt: isoDateTimeSchema,
    taskId: z.string().min(1).max(255).optional(),
  })
  .strict();

const PROVENANCE_PATH = '/products/:namespace/:name/provenance';

/**
 * `/products/:namespace/:name/provenance`: how a product came to be. Only
 * services record it (see ProvenanceService); whoever may see the product
 * may read it.
 */
export function provenanceRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  provenanceService: ProvenanceService;
  visibility: VisibilityService;
}) {
  const { router, access, provenanceService, visibility } = deps;

  access.route('post', PROVENANCE_PATH, {
    allow: ['service'],
    permission: dataMeshProvenanceRecordPermission,
    bodyLimit: '4kb',
  });
  router.post(PROVENANCE_PATH, async (req, res) => {
    const body = parseRequest(provenanceBodySchema, req.body, 'body');
    const { subject } = credentialsOf<BackstageServicePrincipal>(res).principal;
    res
      .status(201)
      .json(
        await provenanceService.record(productRef(req.params), body, subject),
      );
  });

  access.route('get', PROVENANCE_PATH, {});
  router.get(PROVENANCE_PATH, async (req, res) => {
    const ref = productRef(req.params);
    const provenance = (await visibility.canSee(credentialsOf(res), ref))
      ? await provenanceService.get(ref)
      : undefined;
    if (!provenance) {
      throw new NotFoundError(`No recorded provenance of ${ref}`);
    }
    res.json(provenance);
  });
}
