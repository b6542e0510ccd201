import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataMeshMeasurementCreatePermission,
  SloStatusResponse,
  validateDataProductEntity,
  DataProductEntityV1alpha1,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { computeSloObjectives } from '@datamesh-backstage/plugin-data-mesh-node';
import { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { MeasurementService } from '../service/measurements/MeasurementService';
import { SignalsProvider } from '../service/SignalsProvider';
import { VisibilityService } from '../service/VisibilityService';
import {
  isoDateTimeSchema,
  parseRequest,
  productRef,
  productRefSchema,
} from './validation';

const percent = z.number().min(0).max(100);
const measurementSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('freshness'),
      observedAt: isoDateTimeSchema.optional(),
      lastUpdatedAt: isoDateTimeSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('availability'),
      observedAt: isoDateTimeSchema.optional(),
      up: z.boolean(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('completeness'),
      observedAt: isoDateTimeSchema.optional(),
      percent,
    })
    .strict(),
  z
    .object({
      kind: z.literal('accuracy'),
      observedAt: isoDateTimeSchema.optional(),
      percent,
    })
    .strict(),
  z
    .object({
      kind: z.literal('quality_test'),
      observedAt: isoDateTimeSchema.optional(),
      test: z.string().trim().min(1).max(255),
      passed: z.boolean(),
      testType: z.string().max(64).optional(),
      message: z.string().max(4000).optional(),
    })
    .strict(),
]);
const measurementsBodySchema = z
  .object({ measurements: z.array(measurementSchema).min(1).max(1000) })
  .strict();
const importQuerySchema = z
  .object({ entityRef: productRefSchema.optional() })
  .strict();

/**
 * Signals from pipelines and SLO status: service callers (for example with
 * an external access token) may post; users need the measurement permission.
 */
export function measurementRoutes(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  measurementService: MeasurementService;
  signals: SignalsProvider;
  visibility: VisibilityService;
}) {
  const { httpAuth, permissions, measurementService } = deps;
  const router = Router();

  async function authorizePost(req: Request): Promise<BackstageCredentials> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (credentials.principal.type === 'user') {
      const [decision] = await permissions.authorize(
        [{ permission: dataMeshMeasurementCreatePermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError('Not allowed to post measurements');
      }
    }
    return credentials;
  }

  router.post('/products/:namespace/:name/measurements', async (req, res) => {
    const credentials = await authorizePost(req);
    const { measurements } = parseRequest(
      measurementsBodySchema,
      req.body,
      'body',
    );
    res
      .status(201)
      .json(
        await measurementService.ingest(
          productRef(req.params),
          measurements,
          credentials,
        ),
      );
  });

  router.post('/measurements/dbt', async (req, res) => {
    const credentials = await authorizePost(req);
    const { entityRef } = parseRequest(importQuerySchema, req.query, 'query');
    res
      .status(201)
      .json(
        await measurementService.importDbt(req.body, credentials, entityRef),
      );
  });

  router.post('/measurements/great-expectations', async (req, res) => {
    const credentials = await authorizePost(req);
    const { entityRef } = parseRequest(importQuerySchema, req.query, 'query');
    res
      .status(201)
      .json(
        await measurementService.importGreatExpectations(
          req.body,
          credentials,
          entityRef,
        ),
      );
  });

  router.get('/products/:namespace/:name/slo', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const ref = productRef(req.params);
    const entity = (await deps.visibility.canSee(credentials, ref))
      ? await deps.catalog.getEntityByRef(ref, { credentials })
      : undefined;
    if (!entity || !validateDataProductEntity(entity).valid) {
      throw new NotFoundError(`No data product ${ref}`);
    }
    const now = new Date();
    const signals = await deps.signals.forProduct(ref, now);
    const options = deps.signals.sloOptions;
    const objectives = computeSloObjectives(
      entity as DataProductEntityV1alpha1,
      signals?.summaries ?? [],
      options,
    );
    const measured = objectives.filter(o => o.met !== null);
    const tests = signals?.qualityTests ?? [];
    const response: SloStatusResponse = {
      entityRef: ref,
      window: {
        days: options.windowDays,
        from: deps.signals.windowStart(now),
        to: now.toISOString(),
      },
      objectives,
      compliant: measured.length ? measured.every(o => o.met) : null,
      qualityTests: {
        total: tests.length,
        passed: tests.filter(t => t.passed).length,
        failed: tests.filter(t => !t.passed).length,
        lastRunAt: tests
          .map(t => t.observedAt)
          .sort()
          .pop(),
        failing: tests
          .filter(t => !t.passed)
          .map(({ test, observedAt, message }) => ({
            test,
            observedAt,
            message,
          })),
      },
    };
    res.json(response);
  });

  return router;
}
