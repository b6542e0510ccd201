import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DataProductEntityV1alpha1,
  SloStatusResponse,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { computeSloObjectives } from '@datamesh-backstage/plugin-data-mesh-node';
import { MeasurementWindow } from '../service/MeasurementWindow';
import { VisibilityService } from '../service/VisibilityService';
import { AccessControl, credentialsOf } from './accessControl';
import type { DataMeshRouter } from './createRouter';
import { productRef } from './validation';

/**
 * `/products/:namespace/:name/slo`: a product's SLO compliance over the
 * rolling window and its latest quality results, for whoever may read it.
 */
export function sloRoutes(deps: {
  router: DataMeshRouter;
  access: AccessControl;
  catalog: CatalogService;
  measurementWindow: MeasurementWindow;
  visibility: VisibilityService;
}) {
  const { router, access } = deps;

  access.route('get', '/products/:namespace/:name/slo', {});
  router.get('/products/:namespace/:name/slo', async (req, res) => {
    const credentials = credentialsOf(res);
    const ref = productRef(req.params);
    const entity = (await deps.visibility.canSee(credentials, ref))
      ? await deps.catalog.getEntityByRef(ref, { credentials })
      : undefined;
    if (!entity || !validateDataProductEntity(entity).valid) {
      throw new NotFoundError(`No data product ${ref}`);
    }
    const now = new Date();
    const recorded = await deps.measurementWindow.forProduct(ref, now);
    const options = deps.measurementWindow.sloOptions;
    const objectives = computeSloObjectives(
      entity as DataProductEntityV1alpha1,
      recorded?.summaries ?? [],
      options,
    );
    const measured = objectives.filter(o => o.met !== null);
    const tests = recorded?.qualityTests ?? [];
    const response: SloStatusResponse = {
      entityRef: ref,
      window: {
        days: options.windowDays,
        from: deps.measurementWindow.windowStart(now),
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
}
