import type { Entity } from '@backstage/catalog-model';
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
  KpiId,
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

/** Per-request options: a token for callers outside the browser. @public */
export interface DataMeshRequestOptions {
  token?: string;
}

/** The KPI values of one day (or week). @public */
export interface KpiHistoryPoint {
  /** `YYYY-MM-DD`: the day, or the Monday of the week. */
  date: string;
  values: Partial<Record<KpiId, number | null>>;
}

/**
 * KPI values over time, from daily snapshots, as the client returns them:
 * the API's series ({@link KpiHistorySeriesResponse}) turned into points.
 * `restricted` is true when the caller may not see every product: snapshots
 * cover them all, so no points are returned.
 * @public
 */
export type KpiHistoryResponse = Omit<
  KpiHistorySeriesResponse,
  'dates' | 'series'
> & { points: KpiHistoryPoint[] };

/**
 * The data-mesh backend API (`/api/data-mesh`), as the typed client exposes it.
 * @public
 */
export interface DataMeshApi {
  /** Scores a product without storing anything. */
  evaluate(
    entity: Entity,
    options?: DataMeshRequestOptions,
  ): Promise<Scorecard>;
  /** The latest stored scorecard of a product, or undefined if unknown. */
  getScorecard(
    entityRef: string,
    options?: DataMeshRequestOptions,
  ): Promise<Scorecard | undefined>;
  getScorecardHistory(
    entityRef: string,
    query?: ScorecardHistoryQuery,
    options?: DataMeshRequestOptions,
  ): Promise<{ items: ScorecardHistoryEntry[] }>;
  listScorecards(
    query?: ScorecardQuery,
    options?: DataMeshRequestOptions,
  ): Promise<ScorecardPage>;
  listDomains(options?: DataMeshRequestOptions): Promise<DomainRollupsResponse>;
  getDomain(
    domainRef: string,
    query?: DomainProductsQuery,
    options?: DataMeshRequestOptions,
  ): Promise<DomainDetailsResponse | undefined>;
  getPolicies(options?: DataMeshRequestOptions): Promise<PoliciesResponse>;
  /** Evaluates a proposed pack (YAML text or object) over every product. */
  dryRunPolicies(
    pack: unknown,
    options?: DataMeshRequestOptions,
  ): Promise<DryRunResponse>;
  /** Waivers of the products the caller may see, in every status. */
  listWaivers(
    query?: WaiverListQuery,
    options?: DataMeshRequestOptions,
  ): Promise<{ items: Waiver[] }>;
  /** Asks for a waiver; it is pending until approved. */
  requestWaiver(
    waiver: WaiverRequest,
    options?: DataMeshRequestOptions,
  ): Promise<Waiver>;
  /** Approves the pending request of a rule (`data-mesh.waiver.approve`). */
  approveWaiver(
    entityRef: string,
    ruleId: string,
    decision?: WaiverDecision,
    options?: DataMeshRequestOptions,
  ): Promise<Waiver>;
  /** Rejects the pending request of a rule, saying why. */
  rejectWaiver(
    entityRef: string,
    ruleId: string,
    decision: WaiverDecision & { comment: string },
    options?: DataMeshRequestOptions,
  ): Promise<Waiver>;
  /** Revokes an approved waiver of a rule. */
  revokeWaiver(
    entityRef: string,
    ruleId: string,
    query?: WaiverRevokeQuery,
    options?: DataMeshRequestOptions,
  ): Promise<void>;
  /** Requests access to an output port of a product, for a consumer. */
  requestAccess(
    request: AccessRequestInput,
    options?: DataMeshRequestOptions,
  ): Promise<AccessRequest>;
  /** Access requests the caller made, or may decide. */
  listAccessRequests(
    query?: AccessRequestQuery,
    options?: DataMeshRequestOptions,
  ): Promise<{ items: AccessRequest[] }>;
  /** Approves a pending access request (`data-mesh.access.approve`). */
  approveAccessRequest(
    id: string,
    decision?: { comment?: string },
    options?: DataMeshRequestOptions,
  ): Promise<AccessRequest>;
  /** Rejects a pending access request, saying why. */
  rejectAccessRequest(
    id: string,
    decision: { comment: string },
    options?: DataMeshRequestOptions,
  ): Promise<AccessRequest>;
  /** Agreements the caller requested, or may decide. */
  listAgreements(
    query?: AgreementQuery,
    options?: DataMeshRequestOptions,
  ): Promise<{ items: Agreement[] }>;
  /** Revokes an agreement, saying why. */
  revokeAgreement(
    id: string,
    body: { reason: string },
    options?: DataMeshRequestOptions,
  ): Promise<Agreement>;
  /** Retries the failed grant or removal of an agreement. */
  retryAgreement(
    id: string,
    options?: DataMeshRequestOptions,
  ): Promise<Agreement>;
  /** Asks to extend an active agreement. */
  renewAgreement(
    id: string,
    body: { until: string; reviewer?: string },
    options?: DataMeshRequestOptions,
  ): Promise<AccessRequest>;
  /** The audit trail of access requests and agreements (governance). */
  getAccessAudit(
    query?: AccessAuditQuery,
    options?: DataMeshRequestOptions,
  ): Promise<{ items: AccessAuditEntry[] }>;
  /** The mesh-adoption KPIs now, over the products the caller may see. */
  getKpis(options?: DataMeshRequestOptions): Promise<KpisResponse>;
  /** KPI values from daily snapshots; dates are `YYYY-MM-DD`. */
  getKpiHistory(
    query?: KpiHistoryQuery,
    options?: DataMeshRequestOptions,
  ): Promise<KpiHistoryResponse>;
  /** Posts SLO and quality measurements of a product. */
  postMeasurements(
    entityRef: string,
    measurements: Measurement[],
    options?: DataMeshRequestOptions,
  ): Promise<MeasurementsAccepted>;
  /**
   * Imports dbt's `run_results.json`: tests count for the products whose
   * `datamesh.io/dbt-models` annotation names their model, or for
   * `entityRef`.
   */
  importDbtRunResults(
    runResults: unknown,
    query?: MeasurementImportQuery,
    options?: DataMeshRequestOptions,
  ): Promise<MeasurementsAccepted>;
  /**
   * Imports Great Expectations validation or checkpoint results: suites
   * count for the products whose `datamesh.io/great-expectations-suites`
   * annotation names them, or for `entityRef`.
   */
  importGreatExpectationsResults(
    results: unknown,
    query?: MeasurementImportQuery,
    options?: DataMeshRequestOptions,
  ): Promise<MeasurementsAccepted>;
  /**
   * The versions of a product the suite has seen, oldest first, with what
   * changed between consecutive ones.
   */
  getVersionHistory(
    entityRef: string,
    query?: { limit?: number },
    options?: DataMeshRequestOptions,
  ): Promise<ProductVersionHistory>;
  /**
   * Deprecated products that entities still read, with their sunset date,
   * successor and consumers (those the caller may read).
   */
  listDeprecatedProducts(
    options?: DataMeshRequestOptions,
  ): Promise<DeprecatedProductsResponse>;
  /** SLO compliance over the rolling window and the latest quality results. */
  getSloStatus(
    entityRef: string,
    options?: DataMeshRequestOptions,
  ): Promise<SloStatusResponse | undefined>;
  /**
   * Records that a template run created a product (trusted services only,
   * such as the scaffolder).
   */
  recordProvenance(
    entityRef: string,
    record: ProvenanceRecord,
    options?: DataMeshRequestOptions,
  ): Promise<ProductProvenance>;
  /** How a product came to be, as recorded; undefined when nothing is. */
  getProvenance(
    entityRef: string,
    options?: DataMeshRequestOptions,
  ): Promise<ProductProvenance | undefined>;
  /**
   * Converts one product's open-standard files (ODPS, ODCS, DPDS, Data
   * Contract Specification) into a DataProduct, storing nothing. A file that
   * cannot be read is an error naming the file and position.
   */
  importProduct(
    files: StandardFileContent[],
    options?: DataMeshRequestOptions,
  ): Promise<ProductImportResponse>;
  /**
   * A product as ODPS 1.0 with one ODCS 3.1 contract per output port
   * (`odps`), or as a DPDS 1.0 descriptor with the same contracts (`dpds`),
   * with what the standard cannot hold; undefined when the caller cannot
   * read the product.
   */
  exportProduct(
    entityRef: string,
    format: ExportFormatName,
    options?: DataMeshRequestOptions,
  ): Promise<ProductExportResponse | undefined>;
  /** Campaigns, newest first, with the caller's share done. */
  listCampaigns(
    options?: DataMeshRequestOptions,
  ): Promise<{ items: CampaignSummary[]; atRiskMargin: number }>;
  /** Starts a campaign (needs `data-mesh.campaign.create`). */
  createCampaign(
    input: CampaignInput,
    options?: DataMeshRequestOptions,
  ): Promise<CampaignSummary>;
  /** A campaign with its progress per domain and burn-down. */
  getCampaign(
    id: string,
    options?: DataMeshRequestOptions,
  ): Promise<CampaignDetails>;
  /** A page of a campaign's products not done yet, with their owners. */
  listCampaignFailing(
    id: string,
    query?: { limit?: number; cursor?: string },
    options?: DataMeshRequestOptions,
  ): Promise<CampaignFailingPage>;
  /** Closes an open campaign now (needs `data-mesh.campaign.update`). */
  closeCampaign(
    id: string,
    options?: DataMeshRequestOptions,
  ): Promise<CampaignSummary>;
  /** The open campaigns concerning a product, and what it must fix. */
  getProductCampaigns(
    entityRef: string,
    options?: DataMeshRequestOptions,
  ): Promise<{ items: ProductCampaign[] }>;
}
