import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  Agreement,
  AgreementQuery,
  Measurement,
  MeasurementsAccepted,
  ProductProvenance,
  ProvenanceRecord,
  Scorecard,
  ScorecardHistoryEntry,
  ScorecardPage,
  ScorecardQuery,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { DefaultDataMeshService } from './DefaultDataMeshService';

/**
 * Options of every {@link DataMeshService} call: the credentials the data-mesh
 * backend authorises the call with, as `catalogServiceRef`'s calls take them.
 * Pass the caller's (`httpAuth.credentials(req)`) to act for a user, or
 * `auth.getOwnServiceCredentials()` to act as your plugin.
 * @public
 */
export interface DataMeshServiceRequestOptions {
  /** Whom the call is for: a user's or a service's credentials. */
  credentials: BackstageCredentials;
}

/**
 * The data-mesh backend for other backend plugins and modules: governance
 * results and pipeline measurements, each call made with the credentials it
 * is given, so the data-mesh plugin applies its permissions to whoever the
 * call is for. Get it with `dataMeshServiceRef`.
 * @public
 */
export interface DataMeshService {
  /** Scores a product against the portal's effective policies; stores nothing. */
  evaluate(
    entity: Entity,
    options: DataMeshServiceRequestOptions,
  ): Promise<Scorecard>;

  /** The latest stored scorecard of a product; undefined if unknown or not visible. */
  getScorecard(
    entityRef: string,
    options: DataMeshServiceRequestOptions,
  ): Promise<Scorecard | undefined>;

  /** The changes of a product's governance result, oldest first. */
  getScorecardHistory(
    entityRef: string,
    query: { from?: string; to?: string } | undefined,
    options: DataMeshServiceRequestOptions,
  ): Promise<ScorecardHistoryEntry[]>;

  /** One page of the scorecards the credentials may see. */
  listScorecards(
    query: ScorecardQuery | undefined,
    options: DataMeshServiceRequestOptions,
  ): Promise<ScorecardPage>;

  /** Posts SLO and quality measurements of a product. */
  postMeasurements(
    entityRef: string,
    measurements: Measurement[],
    options: DataMeshServiceRequestOptions,
  ): Promise<MeasurementsAccepted>;

  /** Imports dbt's `run_results.json` (see the backend's README). */
  importDbtRunResults(
    runResults: unknown,
    query: { entityRef?: string } | undefined,
    options: DataMeshServiceRequestOptions,
  ): Promise<MeasurementsAccepted>;

  /** Imports Great Expectations validation or checkpoint results. */
  importGreatExpectationsResults(
    results: unknown,
    query: { entityRef?: string } | undefined,
    options: DataMeshServiceRequestOptions,
  ): Promise<MeasurementsAccepted>;

  /**
   * The agreements the credentials may see (service credentials see all),
   * newest first; private purposes are left out for callers who may not read
   * them. The catalog module reads the active ones to draw the agreed edges.
   */
  listAgreements(
    query: AgreementQuery | undefined,
    options: DataMeshServiceRequestOptions,
  ): Promise<Agreement[]>;

  /**
   * Records that a template run created a product. The backend accepts it
   * from service credentials only and records their subject as `recordedBy`.
   */
  recordProvenance(
    entityRef: string,
    record: ProvenanceRecord,
    options: DataMeshServiceRequestOptions,
  ): Promise<ProductProvenance>;
}

/**
 * The data-mesh backend as a service for other backend plugins and modules
 * (the pattern of `catalogServiceRef`): add it to your `deps` and pass each
 * call the credentials it is made for.
 *
 * The default factory calls the data-mesh plugin over HTTP, found through
 * `coreServices.discovery`, with a token from `coreServices.auth`, so it works
 * whether or not the data-mesh plugin runs in the same backend. Replace it
 * with your own `createServiceFactory({ service: dataMeshServiceRef, ... })`,
 * for example in tests.
 * @public
 */
export const dataMeshServiceRef = createServiceRef<DataMeshService>({
  id: 'data-mesh.client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      factory: ({ auth, discovery }) =>
        new DefaultDataMeshService({ auth, discovery }),
    }),
});
