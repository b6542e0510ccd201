import type { Entity } from '@backstage/catalog-model';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DATA_PRODUCT_KIND } from '../entity/DataProductEntityV1alpha1';
import type {
  DataMeshApi,
  DataMeshRequestOptions,
  KpiHistoryResponse,
} from './DataMeshApi';
import type {
  AccessAuditEntry,
  AccessAuditQuery,
  AccessRequest,
  AccessRequestInput,
  AccessRequestQuery,
  Agreement,
  AgreementQuery,
  DomainDetailsResponse,
  DomainRollupsResponse,
  DryRunResponse,
  KpiHistorySeriesResponse,
  KpisResponse,
  Measurement,
  MeasurementsAccepted,
  PoliciesResponse,
  ProductProvenance,
  ProvenanceRecord,
  Scorecard,
  ScorecardHistoryEntry,
  ScorecardPage,
  ScorecardQuery,
  SloStatusResponse,
  ProductVersionHistory,
  DeprecatedProductsResponse,
  Waiver,
  WaiverDecision,
  WaiverRequest,
  WaiverListQuery,
  WaiverRevokeQuery,
  ScorecardHistoryQuery,
  KpiHistoryQuery,
  MeasurementImportQuery,
  DomainProductsQuery,
  ExportFormatName,
  ProductExportResponse,
  ProductImportResponse,
  StandardFileContent,
  CampaignDetails,
  CampaignFailingPage,
  CampaignInput,
  CampaignSummary,
  ProductCampaign,
} from './apiTypes';

/** The parts of Backstage's discovery API the client needs. @public */
export interface DataMeshDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** The parts of Backstage's fetch API the client needs. @public */
export interface DataMeshFetch {
  fetch: typeof fetch;
}

type Query = Record<string, string | number | undefined>;

const productPath = (entityRef: string) => {
  const ref = parseEntityRef(entityRef, { defaultKind: DATA_PRODUCT_KIND });
  return `${encodeURIComponent(ref.namespace)}/${encodeURIComponent(ref.name)}`;
};

const waiverPath = (entityRef: string, ruleId: string) =>
  `/waivers/${productPath(entityRef)}/${encodeURIComponent(ruleId)}`;

/**
 * Typed HTTP client of the data-mesh backend, for the browser (with
 * Backstage's discovery and fetch APIs) and for other backends (with a token
 * per request).
 * @public
 */
export class DataMeshClient implements DataMeshApi {
  readonly #discovery: DataMeshDiscovery;
  readonly #fetch: typeof fetch;

  constructor(options: {
    discoveryApi: DataMeshDiscovery;
    fetchApi?: DataMeshFetch;
  }) {
    this.#discovery = options.discoveryApi;
    this.#fetch = options.fetchApi?.fetch ?? ((...args) => fetch(...args));
  }

  async #request<T>(
    path: string,
    init: {
      method?: string;
      body?: unknown;
      query?: Query;
      allow404?: boolean;
    },
    options?: DataMeshRequestOptions,
  ): Promise<T | undefined> {
    const base = await this.#discovery.getBaseUrl('data-mesh');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    const headers: Record<string, string> = {};
    if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (options?.token) {
      headers.Authorization = `Bearer ${options.token}`;
    }
    const response = await this.#fetch(
      `${base}${path}${search ? `?${search}` : ''}`,
      {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      },
    );
    if (init.allow404 && response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined;
    }
    return (await response.json()) as T;
  }

  async #get<T>(
    path: string,
    query: Query | undefined,
    options?: DataMeshRequestOptions,
  ) {
    return (await this.#request<T>(path, { query }, options))!;
  }

  evaluate(
    entity: Entity,
    options?: DataMeshRequestOptions,
  ): Promise<Scorecard> {
    return this.#request<Scorecard>(
      '/evaluate',
      { method: 'POST', body: { entity } },
      options,
    ) as Promise<Scorecard>;
  }

  getScorecard(entityRef: string, options?: DataMeshRequestOptions) {
    return this.#request<Scorecard>(
      `/scorecards/${productPath(entityRef)}`,
      { allow404: true },
      options,
    );
  }

  getScorecardHistory(
    entityRef: string,
    query?: ScorecardHistoryQuery,
    options?: DataMeshRequestOptions,
  ) {
    return this.#get<{ items: ScorecardHistoryEntry[] }>(
      `/scorecards/${productPath(entityRef)}/history`,
      query,
      options,
    );
  }

  listScorecards(query?: ScorecardQuery, options?: DataMeshRequestOptions) {
    return this.#get<ScorecardPage>('/scorecards', { ...query }, options);
  }

  listDomains(options?: DataMeshRequestOptions) {
    return this.#get<DomainRollupsResponse>('/domains', undefined, options);
  }

  getDomain(
    domainRef: string,
    query?: DomainProductsQuery,
    options?: DataMeshRequestOptions,
  ) {
    const ref = parseEntityRef(domainRef, { defaultKind: 'Domain' });
    const name =
      ref.namespace === 'default' ? ref.name : `${ref.namespace}/${ref.name}`;
    return this.#request<DomainDetailsResponse>(
      `/domains/${name.split('/').map(encodeURIComponent).join('/')}`,
      { query: { ...query }, allow404: true },
      options,
    );
  }

  getPolicies(options?: DataMeshRequestOptions) {
    return this.#get<PoliciesResponse>('/policies', undefined, options);
  }

  dryRunPolicies(pack: unknown, options?: DataMeshRequestOptions) {
    return this.#request<DryRunResponse>(
      '/policies/dry-run',
      { method: 'POST', body: { pack } },
      options,
    ) as Promise<DryRunResponse>;
  }

  listWaivers(query?: WaiverListQuery, options?: DataMeshRequestOptions) {
    return this.#get<{ items: Waiver[] }>('/waivers', query, options);
  }

  requestWaiver(waiver: WaiverRequest, options?: DataMeshRequestOptions) {
    return this.#request<Waiver>(
      '/waivers',
      { method: 'POST', body: waiver },
      options,
    ) as Promise<Waiver>;
  }

  #decide(
    entityRef: string,
    ruleId: string,
    verb: 'approve' | 'reject',
    decision: WaiverDecision,
    options?: DataMeshRequestOptions,
  ) {
    return this.#request<Waiver>(
      `${waiverPath(entityRef, ruleId)}/${verb}`,
      { method: 'POST', body: decision },
      options,
    ) as Promise<Waiver>;
  }

  approveWaiver(
    entityRef: string,
    ruleId: string,
    decision: WaiverDecision = {},
    options?: DataMeshRequestOptions,
  ) {
    return this.#decide(entityRef, ruleId, 'approve', decision, options);
  }

  rejectWaiver(
    entityRef: string,
    ruleId: string,
    decision: WaiverDecision & { comment: string },
    options?: DataMeshRequestOptions,
  ) {
    return this.#decide(entityRef, ruleId, 'reject', decision, options);
  }

  async revokeWaiver(
    entityRef: string,
    ruleId: string,
    query?: WaiverRevokeQuery,
    options?: DataMeshRequestOptions,
  ): Promise<void> {
    await this.#request(
      waiverPath(entityRef, ruleId),
      { method: 'DELETE', query },
      options,
    );
  }

  requestAccess(request: AccessRequestInput, options?: DataMeshRequestOptions) {
    return this.#post<AccessRequest>('/access-requests', request, options);
  }

  listAccessRequests(
    query?: AccessRequestQuery,
    options?: DataMeshRequestOptions,
  ) {
    return this.#get<{ items: AccessRequest[] }>(
      '/access-requests',
      query,
      options,
    );
  }

  approveAccessRequest(
    id: string,
    decision: { comment?: string } = {},
    options?: DataMeshRequestOptions,
  ) {
    return this.#post<AccessRequest>(
      `/access-requests/${encodeURIComponent(id)}/approve`,
      decision,
      options,
    );
  }

  rejectAccessRequest(
    id: string,
    decision: { comment: string },
    options?: DataMeshRequestOptions,
  ) {
    return this.#post<AccessRequest>(
      `/access-requests/${encodeURIComponent(id)}/reject`,
      decision,
      options,
    );
  }

  listAgreements(query?: AgreementQuery, options?: DataMeshRequestOptions) {
    return this.#get<{ items: Agreement[] }>('/agreements', query, options);
  }

  revokeAgreement(
    id: string,
    body: { reason: string },
    options?: DataMeshRequestOptions,
  ) {
    return this.#post<Agreement>(
      `/agreements/${encodeURIComponent(id)}/revoke`,
      body,
      options,
    );
  }

  retryAgreement(id: string, options?: DataMeshRequestOptions) {
    return this.#post<Agreement>(
      `/agreements/${encodeURIComponent(id)}/retry`,
      undefined,
      options,
    );
  }

  renewAgreement(
    id: string,
    body: { until: string; reviewer?: string },
    options?: DataMeshRequestOptions,
  ) {
    return this.#post<AccessRequest>(
      `/agreements/${encodeURIComponent(id)}/renew`,
      body,
      options,
    );
  }

  getAccessAudit(query?: AccessAuditQuery, options?: DataMeshRequestOptions) {
    return this.#get<{ items: AccessAuditEntry[] }>(
      '/agreements/audit',
      query,
      options,
    );
  }

  async #post<T>(
    path: string,
    body: unknown,
    options?: DataMeshRequestOptions,
  ) {
    return (await this.#request<T>(path, { method: 'POST', body }, options))!;
  }

  getKpis(options?: DataMeshRequestOptions) {
    return this.#get<KpisResponse>('/kpis', undefined, options);
  }

  async getKpiHistory(
    query?: KpiHistoryQuery,
    options?: DataMeshRequestOptions,
  ) {
    const { dates, series, ...rest } =
      await this.#get<KpiHistorySeriesResponse>(
        '/kpis/history',
        query,
        options,
      );
    const response: KpiHistoryResponse = {
      ...rest,
      points: dates.map((date, i) => ({
        date,
        values: Object.fromEntries(
          Object.entries(series).map(([id, values]) => [id, values![i]]),
        ),
      })),
    };
    return response;
  }

  postMeasurements(
    entityRef: string,
    measurements: Measurement[],
    options?: DataMeshRequestOptions,
  ) {
    return this.#request<MeasurementsAccepted>(
      `/products/${productPath(entityRef)}/measurements`,
      { method: 'POST', body: { measurements } },
      options,
    ) as Promise<MeasurementsAccepted>;
  }

  importDbtRunResults(
    runResults: unknown,
    query?: MeasurementImportQuery,
    options?: DataMeshRequestOptions,
  ) {
    return this.#request<MeasurementsAccepted>(
      '/measurements/dbt',
      { method: 'POST', body: runResults, query },
      options,
    ) as Promise<MeasurementsAccepted>;
  }

  importGreatExpectationsResults(
    results: unknown,
    query?: MeasurementImportQuery,
    options?: DataMeshRequestOptions,
  ) {
    return this.#request<MeasurementsAccepted>(
      '/measurements/great-expectations',
      { method: 'POST', body: results, query },
      options,
    ) as Promise<MeasurementsAccepted>;
  }

  getVersionHistory(
    entityRef: string,
    query?: { limit?: number },
    options?: DataMeshRequestOptions,
  ) {
    return this.#get<ProductVersionHistory>(
      `/products/${productPath(entityRef)}/versions`,
      query,
      options,
    );
  }

  listDeprecatedProducts(options?: DataMeshRequestOptions) {
    return this.#get<DeprecatedProductsResponse>(
      '/deprecated-products',
      undefined,
      options,
    );
  }

  getSloStatus(entityRef: string, options?: DataMeshRequestOptions) {
    return this.#request<SloStatusResponse>(
      `/products/${productPath(entityRef)}/slo`,
      { allow404: true },
      options,
    );
  }

  recordProvenance(
    entityRef: string,
    record: ProvenanceRecord,
    options?: DataMeshRequestOptions,
  ) {
    return this.#request<ProductProvenance>(
      `/products/${productPath(entityRef)}/provenance`,
      { method: 'POST', body: record },
      options,
    ) as Promise<ProductProvenance>;
  }

  getProvenance(entityRef: string, options?: DataMeshRequestOptions) {
    return this.#request<ProductProvenance>(
      `/products/${productPath(entityRef)}/provenance`,
      { allow404: true },
      options,
    );
  }

  importProduct(
    files: StandardFileContent[],
    options?: DataMeshRequestOptions,
  ) {
    return this.#request<ProductImportResponse>(
      '/import',
      { method: 'POST', body: { files } },
      options,
    ) as Promise<ProductImportResponse>;
  }

  exportProduct(
    entityRef: string,
    format: ExportFormatName,
    options?: DataMeshRequestOptions,
  ) {
    return this.#request<ProductExportResponse>(
      `/products/${productPath(entityRef)}/export`,
      { query: { format }, allow404: true },
      options,
    );
  }

  listCampaigns(options?: DataMeshRequestOptions) {
    return this.#get<{ items: CampaignSummary[]; atRiskMargin: number }>(
      '/campaigns',
      undefined,
      options,
    );
  }

  createCampaign(input: CampaignInput, options?: DataMeshRequestOptions) {
    return this.#post<CampaignSummary>('/campaigns', input, options);
  }

  getCampaign(id: string, options?: DataMeshRequestOptions) {
    return this.#get<CampaignDetails>(
      `/campaigns/${encodeURIComponent(id)}`,
      undefined,
      options,
    );
  }

  listCampaignFailing(
    id: string,
    query?: { limit?: number; cursor?: string },
    options?: DataMeshRequestOptions,
  ) {
    return this.#get<CampaignFailingPage>(
      `/campaigns/${encodeURIComponent(id)}/failing`,
      { ...query },
      options,
    );
  }

  closeCampaign(id: string, options?: DataMeshRequestOptions) {
    return this.#post<CampaignSummary>(
      `/campaigns/${encodeURIComponent(id)}/close`,
      undefined,
      options,
    );
  }

  getProductCampaigns(entityRef: string, options?: DataMeshRequestOptions) {
    return this.#get<{ items: ProductCampaign[] }>(
      `/products/${productPath(entityRef)}/campaigns`,
      undefined,
      options,
    );
  }
}
