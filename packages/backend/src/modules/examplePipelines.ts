import {
  AuthService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  Measurement,
  parseDurationTarget,
  parsePercentTarget,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  DataMeshService,
  dataMeshServiceRef,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const HOUR_MS = 3_600_000;

/** How a product's checks behave; unset values keep the product healthy. */
interface CheckBehaviour {
  freshnessLagMinutes?: number;
  availabilityDownHours?: number[];
  completenessPercent?: number;
}

/** The hourly SLO checks a healthy (or troubled) pipeline would report. */
export function simulatedChecks(
  product: DataProductEntityV1alpha1,
  behaviour: CheckBehaviour,
  hours: number,
  now: Date,
): Measurement[] {
  const slo = product.spec.slo ?? {};
  // Healthy: updated a fifth of the freshness target before each check, and
  // half-way between the completeness target and 100%.
  const lagMs =
    behaviour.freshnessLagMinutes !== undefined
      ? behaviour.freshnessLagMinutes * 60_000
      : (parseDurationTarget(slo.freshness?.target) ?? 3600) * 200;
  const completenessTarget = parsePercentTarget(slo.completeness?.target) ?? 99;
  const completeness =
    behaviour.completenessPercent ??
    Math.round((completenessTarget + (100 - completenessTarget) / 2) * 100) /
      100;
  const down = behaviour.availabilityDownHours ?? [];
  const checks: Measurement[] = [];
  for (let h = hours - 1; h >= 0; h--) {
    const observed = new Date(now.getTime() - h * HOUR_MS);
    const observedAt = observed.toISOString();
    if (slo.freshness) {
      const lastUpdatedAt = new Date(observed.getTime() - lagMs).toISOString();
      checks.push({ kind: 'freshness', observedAt, lastUpdatedAt });
    }
    if (slo.availability) {
      checks.push({
        kind: 'availability',
        observedAt,
        up: !down.includes(observed.getUTCHours()),
      });
    }
    if (slo.completeness) {
      checks.push({ kind: 'completeness', observedAt, percent: completeness });
    }
  }
  return checks;
}

/**
 * Posts the example pipeline measurements of `examples/pipelines` through the
 * data-mesh service, with the module's own service credentials: the day's
 * hourly SLO checks on the first run (the last hour's afterwards), and the
 * dbt and Great Expectations results with their times moved to now.
 */
export async function postExamplePipelines(options: {
  directory: string;
  auth: AuthService;
  dataMesh: DataMeshService;
  catalog: CatalogService;
  firstRun: boolean;
  now?: Date;
}) {
  const { dataMesh } = options;
  const now = options.now ?? new Date();
  const read = (file: string) =>
    JSON.parse(readFileSync(resolve(options.directory, file), 'utf8'));
  const credentials = await options.auth.getOwnServiceCredentials();
  const { items } = await options.catalog.getEntities(
    { filter: { kind: DATA_PRODUCT_KIND } },
    { credentials },
  );
  const behaviours = read('slo-checks.json');
  for (const product of items as DataProductEntityV1alpha1[]) {
    const behaviour = {
      ...behaviours.default,
      ...behaviours.products[product.metadata.name],
    };
    const checks = simulatedChecks(
      product,
      behaviour,
      options.firstRun ? 24 : 1,
      now,
    );
    if (checks.length) {
      await dataMesh.postMeasurements(
        `dataproduct:default/${product.metadata.name}`,
        checks,
        { credentials },
      );
    }
  }
  const dbt = read('dbt-run_results.json');
  dbt.metadata.generated_at = now.toISOString();
  await dataMesh.importDbtRunResults(dbt, {}, { credentials });
  const gx = read('great-expectations-checkpoint.json');
  for (const run of Object.values<any>(gx.run_results)) {
    run.validation_result.meta.run_id.run_time = now.toISOString();
  }
  await dataMesh.importGreatExpectationsResults(gx, {}, { credentials });
}

/**
 * The example portal's pipeline simulator: when
 * `dataMesh.examples.pipelines.enabled` is true, posts the example pipeline
 * signals every 30 minutes, so that SLO compliance and quality results have
 * data. Not part of the suite; real pipelines post their own.
 */
export default createBackendModule({
  pluginId: 'data-mesh',
  moduleId: 'example-pipelines',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        dataMesh: dataMeshServiceRef,
      },
      async init({ config, scheduler, logger, ...deps }) {
        const settings = config.getOptionalConfig(
          'dataMesh.examples.pipelines',
        );
        if (!settings?.getOptionalBoolean('enabled')) {
          return;
        }
        const directory = resolve(settings.getString('directory'));
        let firstRun = true;
        await scheduler.scheduleTask({
          id: 'data-mesh-example-pipelines',
          scope: 'global',
          frequency: { minutes: 30 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 40 },
          fn: async () => {
            await postExamplePipelines({ ...deps, directory, firstRun });
            firstRun = false;
            logger.info(
              `Posted the example pipeline measurements of ${directory}`,
            );
          },
        });
      },
    });
  },
});
