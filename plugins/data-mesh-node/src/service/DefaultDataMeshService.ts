import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  AgreementQuery,
  DataMeshApi,
  DataMeshClient,
  Measurement,
  ProvenanceRecord,
  ScorecardQuery,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type {
  DataMeshService,
  DataMeshServiceRequestOptions,
} from './DataMeshService';

/**
 * The default {@link DataMeshService}: `DataMeshClient` over Backstage's
 * discovery, with a token per call that `auth.getPluginRequestToken` issues
 * for the call's credentials and the `data-mesh` plugin.
 */
export class DefaultDataMeshService implements DataMeshService {
  readonly #auth: AuthService;
  readonly #client: DataMeshApi;

  constructor(options: { auth: AuthService; discovery: DiscoveryService }) {
    this.#auth = options.auth;
    this.#client = new DataMeshClient({ discoveryApi: options.discovery });
  }

  async #token(options: DataMeshServiceRequestOptions) {
    return this.#auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'data-mesh',
    });
  }

  async evaluate(entity: Entity, options: DataMeshServiceRequestOptions) {
    return this.#client.evaluate(entity, await this.#token(options));
  }

  async getScorecard(
    entityRef: string,
    options: DataMeshServiceRequestOptions,
  ) {
    return this.#client.getScorecard(entityRef, await this.#token(options));
  }

  async getScorecardHistory(
    entityRef: string,
    query: { from?: string; to?: string } | undefined,
    options: DataMeshServiceRequestOptions,
  ) {
    const { items } = await this.#client.getScorecardHistory(
      entityRef,
      query,
      await this.#token(options),
    );
    return items;
  }

  async listScorecards(
    query: ScorecardQuery | undefined,
    options: DataMeshServiceRequestOptions,
  ) {
    return this.#client.listScorecards(query, await this.#token(options));
  }

  async postMeasurements(
    entityRef: string,
    measurements: Measurement[],
    options: DataMeshServiceRequestOptions,
  ) {
    return this.#client.postMeasurements(
      entityRef,
      measurements,
      await this.#token(options),
    );
  }

  async importDbtRunResults(
    runResults: unknown,
    query: { entityRef?: string } | undefined,
    options: DataMeshServiceRequestOptions,
  ) {
    return this.#client.importDbtRunResults(
      runResults,
      query,
      await this.#token(options),
    );
  }

  async importGreatExpectationsResults(
    results: unknown,
    query: { entityRef?: string } | undefined,
    options: DataMeshServiceRequestOptions,
  ) {
    return this.#client.importGreatExpectationsResults(
      results,
      query,
      await this.#token(options),
    );
  }

  async listAgreements(
    query: AgreementQuery | undefined,
    options: DataMeshServiceRequestOptions,
  ) {
    const { items } = await this.#client.listAgreements(
      query,
      await this.#token(options),
    );
    return items;
  }

  async recordProvenance(
    entityRef: string,
    record: ProvenanceRecord,
    options: DataMeshServiceRequestOptions,
  ) {
    return this.#client.recordProvenance(
      entityRef,
      record,
      await this.#token(options),
    );
  }
}
