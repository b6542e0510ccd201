import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_DBT_MODELS,
  ANNOTATION_GX_SUITES,
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  Measurement,
  MeasurementsAccepted,
  splitAnnotationList,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { judgeMeasurement } from '@datamesh-backstage/plugin-data-mesh-node';
import {
  MeasurementRecord,
  MeasurementStore,
  QualityRecord,
} from '../../database/MeasurementStore';
import { GovernanceService } from '../GovernanceService';
import { dbtTestMatchesModel, readDbtTestResults } from './dbtRunResults';
import { readGreatExpectationsResults } from './greatExpectations';
import { createHash } from 'node:crypto';

/** How far ahead of this server's clock a measurement may be dated. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** Test names longer than the store keeps are shortened, keeping them unique. */
function boundedTestName(test: string): string {
  return test.length <= 255
    ? test
    : `${test.slice(0, 230)}…${createHash('sha256')
        .update(test)
        .digest('hex')
        .slice(0, 16)}`;
}

/**
 * Throws unless the caller may post measurements of every product named:
 * an import covering a product the caller may not post for stores nothing.
 */
export type ProductsAllowed = (entityRefs: string[]) => Promise<void>;

interface Prepared {
  entity: DataProductEntityV1alpha1;
  checks: MeasurementRecord[];
  quality: QualityRecord[];
}

/**
 * Takes SLO and quality measurements from pipelines: checks each one against the
 * product's declared targets, stores a whole request or nothing, and
 * re-scores the products concerned so that breaches show in scorecards.
 */
export class MeasurementService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      measurements: MeasurementStore;
      governance: GovernanceService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /**
   * The plugin reads the catalog with its own credentials: callers were
   * authorised for the products they post about, and a pipeline's token may
   * be restricted to this plugin.
   */
  #credentials(): Promise<BackstageCredentials> {
    return this.deps.auth.getOwnServiceCredentials();
  }

  /** A product as the catalog holds it. */
  async #product(entityRef: string): Promise<DataProductEntityV1alpha1> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: await this.#credentials(),
    });
    if (!entity || !validateDataProductEntity(entity).valid) {
      throw new NotFoundError(`No data product ${entityRef}`);
    }
    return entity as DataProductEntityV1alpha1;
  }

  /** Judges measurements against a product's targets; throws naming the item. */
  #prepare(
    entity: DataProductEntityV1alpha1,
    measurements: Measurement[],
    source: string,
    field = 'body.measurements',
  ): Prepared {
    const entityRef = stringifyEntityRef(entity);
    const now = (this.deps.now?.() ?? new Date()).toISOString();
    const prepared: Prepared = { entity, checks: [], quality: [] };
    measurements.forEach((measurement, i) => {
      let observedAt = now;
      if (measurement.observedAt !== undefined) {
        const time = Date.parse(measurement.observedAt);
        if (time > Date.parse(now) + MAX_CLOCK_SKEW_MS) {
          throw new InputError(
            `${field}[${i}].observedAt: ${measurement.observedAt} is in the future`,
          );
        }
        if (Number.isNaN(time)) {
          throw new InputError(
            `${field}[${i}].observedAt: not a date-time: ${measurement.observedAt}`,
          );
        }
        observedAt = new Date(time).toISOString();
      }
      if (measurement.kind === 'quality_test') {
        prepared.quality.push({
          entityRef,
          test: boundedTestName(measurement.test),
          passed: measurement.passed,
          observedAt,
          message: measurement.message,
          source,
        });
        return;
      }
      try {
        const { passed, value } = judgeMeasurement(
          entity,
          measurement,
          observedAt,
        );
        prepared.checks.push({
          entityRef,
          kind: measurement.kind,
          observedAt,
          passed,
          value,
          source,
        });
      } catch (error) {
        throw new InputError(
          `${field}[${i}]: ${entityRef} ${(error as Error).message}`,
        );
      }
    });
    return prepared;
  }

  async #commit(
    prepared: Prepared[],
    allowed?: ProductsAllowed,
    unmatched?: string[],
  ): Promise<MeasurementsAccepted> {
    await allowed?.(prepared.map(p => stringifyEntityRef(p.entity)));
    await this.deps.measurements.save(
      prepared.flatMap(p => p.checks),
      prepared.flatMap(p => p.quality),
    );
    for (const { entity } of prepared) {
      await this.deps.governance.rescore(stringifyEntityRef(entity));
    }
    return {
      accepted: prepared.reduce(
        (n, p) => n + p.checks.length + p.quality.length,
        0,
      ),
      products: prepared.map(p => stringifyEntityRef(p.entity)),
      ...(unmatched ? { unmatched } : {}),
    };
  }

  /** Measurements of one product, posted by a pipeline. */
  async ingest(
    entityRef: string,
    measurements: Measurement[],
  ): Promise<MeasurementsAccepted> {
    const entity = await this.#product(entityRef);
    return this.#commit([this.#prepare(entity, measurements, 'api')]);
  }

  /** Products carrying an annotation, with its listed values. */
  async #claims(annotation: string, entityRef?: string) {
    if (entityRef) {
      return [{ entity: await this.#product(entityRef), keys: undefined }];
    }
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          kind: DATA_PRODUCT_KIND,
          [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
        },
      },
      { credentials: await this.#credentials() },
    );
    return items
      .filter((e: Entity) => validateDataProductEntity(e).valid)
      .map((e: Entity) => ({
        entity: e as DataProductEntityV1alpha1,
        keys: splitAnnotationList(e.metadata.annotations?.[annotation]),
      }));
  }

  /**
   * dbt's `run_results.json`: each test counts for the products whose
   * `datamesh.io/dbt-models` annotation names the model it tests (or for
   * `entityRef`, when given).
   */
  async importDbt(
    document: unknown,
    allowed: ProductsAllowed,
    entityRef?: string,
  ): Promise<MeasurementsAccepted> {
    const { results, generatedAt } = readDbtTestResults(document);
    const claims = await this.#claims(ANNOTATION_DBT_MODELS, entityRef);
    const matched = new Set<string>();
    const prepared = claims.flatMap(({ entity, keys }) => {
      const mine = results.filter(
        r => !keys || keys.some(model => dbtTestMatchesModel(r.name, model)),
      );
      mine.forEach(r => matched.add(r.uniqueId));
      const measurements: Measurement[] = mine.map(r => ({
        kind: 'quality_test',
        test: r.name,
        passed: r.passed,
        observedAt: generatedAt,
        message: r.message,
      }));
      return measurements.length
        ? [this.#prepare(entity, measurements, 'dbt', 'body.results')]
        : [];
    });
    return this.#commit(
      prepared,
      allowed,
      results.filter(r => !matched.has(r.uniqueId)).map(r => r.uniqueId),
    );
  }

  /**
   * Great Expectations validation (or checkpoint) results: each suite counts
   * for the products whose `datamesh.io/great-expectations-suites`
   * annotation names it (or for `entityRef`). Each expectation is a quality
   * test; the suite's success rate is an accuracy check for products with an
   * accuracy SLO.
   */
  async importGreatExpectations(
    document: unknown,
    allowed: ProductsAllowed,
    entityRef?: string,
  ): Promise<MeasurementsAccepted> {
    const suites = readGreatExpectationsResults(document);
    const claims = await this.#claims(ANNOTATION_GX_SUITES, entityRef);
    const matched = new Set<string>();
    const prepared = claims.flatMap(({ entity, keys }) => {
      const measurements: Measurement[] = [];
      for (const suite of suites.filter(s => !keys || keys.includes(s.suite))) {
        matched.add(suite.suite);
        for (const expectation of suite.expectations) {
          measurements.push({
            kind: 'quality_test',
            test: `${suite.suite}/${expectation.test}`,
            passed: expectation.passed,
            observedAt: suite.observedAt,
          });
        }
        if (suite.successPercent !== undefined && entity.spec.slo?.accuracy) {
          measurements.push({
            kind: 'accuracy',
            percent: suite.successPercent,
            observedAt: suite.observedAt,
          });
        }
      }
      return measurements.length
        ? [this.#prepare(entity, measurements, 'great-expectations', 'body')]
        : [];
    });
    return this.#commit(
      prepared,
      allowed,
      suites.filter(s => !matched.has(s.suite)).map(s => s.suite),
    );
  }
}
