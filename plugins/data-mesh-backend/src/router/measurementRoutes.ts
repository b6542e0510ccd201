import { dataMeshMeasurementCreatePermission } from '@datamesh-backstage/plugin-data-mesh-common';
import { z } from 'zod';
import { MeasurementService } from '../service/measurements/MeasurementService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
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

/** Body limits: one product's checks, and whole pipeline artefacts. */
const LIMITS = {
  measurements: '1mb',
  // A dbt project's run_results.json with 50,000 results, compiled SQL
  // included, runs to about 100 MB.
  dbt: '128mb',
  greatExpectations: '64mb',
};

/**
 * Measurements from pipelines. Posting needs
 * `data-mesh.measurement.create` on the product, for users and services
 * alike (a service token's access restrictions apply); the products are
 * then read with the plugin's own credentials.
 */
export function measurementRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  measurementService: MeasurementService;
}) {
  const { router, access, measurementService } = deps;
  const importAccess = (bodyLimit: string) => ({
    permission: dataMeshMeasurementCreatePermission,
    bodyLimit,
  });
  /** Every product an import covers must be allowed, or nothing is stored. */
  const allowedFor =
    (credentials: ReturnType<typeof credentialsOf>) => (refs: string[]) =>
      access.authorize(credentials, dataMeshMeasurementCreatePermission, refs);

  access.route('post', '/products/:namespace/:name/measurements', {
    permission: dataMeshMeasurementCreatePermission,
    resourceRef: req =>
      productRef({ namespace: req.params.namespace, name: req.params.name }),
    bodyLimit: LIMITS.measurements,
  });
  router.post('/products/:namespace/:name/measurements', async (req, res) => {
    const { measurements } = parseRequest(
      measurementsBodySchema,
      req.body,
      'body',
    );
    res
      .status(201)
      .json(
        await measurementService.ingest(productRef(req.params), measurements),
      );
  });

  access.route('post', '/measurements/dbt', importAccess(LIMITS.dbt));
  router.post('/measurements/dbt', async (req, res) => {
    const { entityRef } = parseRequest(importQuerySchema, req.query, 'query');
    res
      .status(201)
      .json(
        await measurementService.importDbt(
          req.body,
          allowedFor(credentialsOf(res)),
          entityRef,
        ),
      );
  });

  access.route(
    'post',
    '/measurements/great-expectations',
    importAccess(LIMITS.greatExpectations),
  );
  router.post('/measurements/great-expectations', async (req, res) => {
    const { entityRef } = parseRequest(importQuerySchema, req.query, 'query');
    res
      .status(201)
      .json(
        await measurementService.importGreatExpectations(
          req.body,
          allowedFor(credentialsOf(res)),
          entityRef,
        ),
      );
  });
}
