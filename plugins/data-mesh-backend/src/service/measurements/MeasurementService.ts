import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_DBT_MODELS,
  ANNOTATION_GX_SUITES,
  DataProductEntityV1alpha1,
  Measurement,
  MeasurementsAccepted,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { MeasurementStore } from '../../database/MeasurementStore';
import { GovernanceService } from '../GovernanceService';
import {
  dbtTestMatchesModel,
  dbtTestMeasurements,
  readDbtTestResults,
} from './dbtRunResults';
import {
  readGreatExpectationsResults,
  suiteMeasurements,
} from './greatExpectations';
import { JudgedMeasurements, judgeMeasurements } from './judgeMeasurements';
import { productsAnnotatedWith } from './productsAnnotatedWith';

/**
 * Throws unless the caller may post measurements of every product named:
 * an import covering a product the caller may not post for stores nothing.
 */
export type ProductsAllowed = (entityRefs: string[]) => Promise<void>;

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
  ): JudgedMeasurements {
    return judgeMeasurements(entity, measurements, {
      source,
      field,
      now: this.deps.now?.() ?? new Date(),
    });
  }

  async #commit(
    prepared: JudgedMeasurements[],
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
  async #claims(
    annotation: string,
    entityRef?: string,
  ): Promise<Array<{ entity: DataProductEntityV1alpha1; keys?: string[] }>> {
    if (entityRef) {
      return [{ entity: await this.#product(entityRef), keys: undefined }];
    }
    return productsAnnotatedWith(
      annotation,
      this.deps.catalog,
      await this.#credentials(),
    );
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
      const measurements = dbtTestMeasurements(mine, generatedAt);
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
      const measurements = suites
        .filter(s => !keys || keys.includes(s.suite))
        .flatMap(suite => {
          matched.add(suite.suite);
          return suiteMeasurements(suite, Boolean(entity.spec.slo?.accuracy));
        });
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
