import type { components, paths } from '../generated/openapi';

/*
 * The types of the data-mesh REST API under the names the suite uses. Every
 * one is a type of `openapi.yaml` (generated into `../generated/openapi.ts`
 * by `yarn openapi:generate`): change the document, never these.
 */

/** A schema of the API document, by name. @public */
export type ApiSchema<Name extends keyof components['schemas']> =
  components['schemas'][Name];

/** The query parameters of a route of the API document, by path and method. @public */
export type ApiQuery<
  Path extends keyof paths,
  Method extends 'get' | 'post' | 'delete' = 'get',
> = paths[Path] extends Record<Method, { parameters: { query?: infer Query } }>
  ? NonNullable<Query>
  : never;

/** Severity of a governance rule. @public */
export type RuleSeverity = ApiSchema<'RuleSeverity'>;
/** Where a rule stands in its lifecycle; only `enforced` rules are scored. @public */
export type RuleState = ApiSchema<'RuleState'>;
/** A rule that applies to a product but is not scored, and how the product fares. @public */
export type UpcomingRule = ApiSchema<'UpcomingRule'>;
/** The proposed pack replayed over stored history, per day and domain. @public */
export type DryRunBacktest = ApiSchema<'DryRunBacktest'>;
/** Overall result of a product: `fail` with any error, `warn` with warnings only. @public */
export type ScorecardStatus = ApiSchema<'ScorecardStatus'>;
/** One breach of a rule by a product. @public */
export type Violation = ApiSchema<'Violation'>;
/** The governance result of one product. @public */
export type Scorecard = ApiSchema<'Scorecard'>;
/** A stored scorecard without its violations, as lists return it. @public */
export type ScorecardSummary = ApiSchema<'ScorecardSummary'>;
/** Filters, order and paging of scorecard lists. @public */
export type ScorecardQuery = ApiQuery<'/scorecards'>;
/** Filters, order and paging of one domain's products. @public */
export type DomainProductsQuery = ApiQuery<'/domains/{name}'>;
/** The range of a product's scorecard history (ISO date-times). @public */
export type ScorecardHistoryQuery =
  ApiQuery<'/scorecards/{namespace}/{name}/history'>;
/** Sort keys of scorecard lists. @public */
export type ScorecardOrderField = NonNullable<ScorecardQuery['orderBy']>;
/** One page of scorecards. @public */
export type ScorecardPage = ApiSchema<'ScorecardPage'>;
/** One change of a product's result. @public */
export type ScorecardHistoryEntry = ApiSchema<'ScorecardHistoryEntry'>;

/** Aggregate figures over a set of products. @public */
export type RollupFigures = ApiSchema<'RollupFigures'>;
/** A day of a rollup's trend. @public */
export type RollupTrendPoint = ApiSchema<'RollupTrendPoint'>;
/** The rollup of one domain. @public */
export type DomainRollup = ApiSchema<'DomainRollup'>;
/** How a full governance sweep ended. @public */
export type SweepOutcome = ApiSchema<'SweepOutcome'>;
/** When the figures were computed, and whether they may be out of date. @public */
export type Freshness = ApiSchema<'Freshness'>;
/** Rollups per domain and for the whole mesh. @public */
export type DomainRollupsResponse = ApiSchema<'DomainRollupsResponse'>;
/** One domain with a page of its products. @public */
export type DomainDetailsResponse = ApiSchema<'DomainDetailsResponse'>;

/** Which products a rule applies to; absent fields match every product. @public */
export type RuleAppliesTo = ApiSchema<'RuleAppliesTo'>;
/** A rule as the policies endpoint describes it. @public */
export type PolicyRuleDescription = ApiSchema<'PolicyRule'>;
/** The effective policies. @public */
export type PoliciesResponse = ApiSchema<'PoliciesResponse'>;
/** What a proposed pack would change for one product. @public */
export type DryRunChange = ApiSchema<'DryRunChange'>;
/** Outcome of a policy dry-run; nothing is stored. @public */
export type DryRunResponse = ApiSchema<'DryRunResponse'>;

/** Where a waiver comes from: the product's own spec or the governance API. @public */
export type WaiverSource = ApiSchema<'WaiverSource'>;
/** Where a waiver stands in its approval. @public */
export type WaiverStatus = ApiSchema<'WaiverStatus'>;
/** A waiver of one rule for one product, until it expires. @public */
export type Waiver = ApiSchema<'Waiver'>;
/** Why a waiver counts or not: `in-force` counts; the others say what stops it. @public */
export type WaiverStanding = ApiSchema<'WaiverStanding'>;
/** A waiver as a scorecard lists it: whether it counts, and why. @public */
export type ScorecardWaiver = ApiSchema<'ScorecardWaiver'>;
/** Filters of the waiver list. @public */
export type WaiverListQuery = ApiQuery<'/waivers'>;
/** Which waiver of a rule to revoke, when both sources have one. @public */
export type WaiverRevokeQuery = ApiQuery<
  '/waivers/{namespace}/{name}/{ruleId}',
  'delete'
>;
/** A waiver to ask for through the API; it counts once approved. @public */
export type WaiverRequest = ApiSchema<'WaiverRequest'>;
/**
 * An approval or rejection of the waiver request of a rule. `source` names
 * the request (the product's spec or the API) when both wait. @public
 */
export type WaiverDecision = NonNullable<
  paths['/waivers/{namespace}/{name}/{ruleId}/approve']['post']['requestBody']
>['content']['application/json'];

/** The nine mesh-adoption KPIs. @public */
export type KpiId = ApiSchema<'KpiId'>;
/** How a KPI's value reads. @public */
export type KpiUnit = ApiSchema<'KpiUnit'>;
/** The groups of KPIs: adoption, quality, consumption. @public */
export type KpiCategory = ApiSchema<'KpiCategory'>;
/** A KPI's value in one domain. @public */
export type KpiDomainValue = ApiSchema<'KpiDomainValue'>;
/** One KPI, its target and its breakdown by domain. @public */
export type Kpi = ApiSchema<'Kpi'>;
/** The KPIs now. @public */
export type KpisResponse = ApiSchema<'KpisResponse'>;
/** The range and interval of KPI history; dates are `YYYY-MM-DD`. @public */
export type KpiHistoryQuery = ApiQuery<'/kpis/history'>;
/**
 * KPI history as the API sends it: one series per KPI, aligned with
 * `dates` (the client turns it into {@link KpiHistoryResponse}).
 * @public
 */
export type KpiHistorySeriesResponse = ApiSchema<'KpiHistoryResponse'>;

/** A measurement a pipeline posts. @public */
export type Measurement = ApiSchema<'Measurement'>;
/** What a measurement measures. @public */
export type MeasurementKind = Measurement['kind'];
/** The product an import counts for, instead of the mapping annotations. @public */
export type MeasurementImportQuery = ApiQuery<'/measurements/dbt', 'post'>;
/** What a measurement post or import stored. @public */
export type MeasurementsAccepted = ApiSchema<'MeasurementsAccepted'>;
/** The SLO objectives a product can declare and measure. @public */
export type SloObjective = ApiSchema<'SloObjective'>;
/** Compliance of one SLO objective over the rolling window. @public */
export type SloObjectiveStatus = ApiSchema<'SloObjectiveStatus'>;
/** SLO compliance and quality test results of a product. @public */
export type SloStatusResponse = ApiSchema<'SloStatusResponse'>;

/**
 * The kinds of change between two versions of a product; those in
 * `BREAKING_CHANGE_KINDS` break consumers.
 * @public
 */
export type VersionChangeKind = ApiSchema<'VersionChangeKind'>;
/** One change between two versions of a product. @public */
export type VersionChange = ApiSchema<'VersionChange'>;
/** One version of a product seen, with what changed since the one before. @public */
export type ProductVersion = ApiSchema<'ProductVersion'>;

/** The versions of a product seen, oldest first. @public */
export type ProductVersionHistory = ApiSchema<'ProductVersionHistory'>;

/** A deprecated product that entities still read. @public */
export type DeprecatedProduct = ApiSchema<'DeprecatedProduct'>;

/** The deprecated products still read. @public */
export type DeprecatedProductsResponse =
  ApiSchema<'DeprecatedProductsResponse'>;

/** What a template run recorded when it created a product. @public */
export type ProvenanceRecord = ApiSchema<'ProvenanceRecord'>;
/** How a product came to be, as the suite recorded it. @public */
export type ProductProvenance = ApiSchema<'ProductProvenance'>;

/** The status of an access request. @public */
export type AccessRequestStatus = ApiSchema<'AccessRequestStatus'>;
/** How a product's access requests are decided. @public */
export type AccessApprovalMode = ApiSchema<'AccessApprovalMode'>;
/** A request for access to an output port, as sent. @public */
export type AccessRequestInput = ApiSchema<'AccessRequestInput'>;
/** An access request and its decision. @public */
export type AccessRequest = ApiSchema<'AccessRequest'>;
/** Filters of access request lists. @public */
export type AccessRequestQuery = ApiQuery<'/access-requests'>;
/** The status of an agreement. @public */
export type AgreementStatus = ApiSchema<'AgreementStatus'>;
/** Approved access of a consumer to an output port. @public */
export type Agreement = ApiSchema<'Agreement'>;
/** Filters of agreement lists. @public */
export type AgreementQuery = ApiQuery<'/agreements'>;
/** One state change of an access request or agreement. @public */
export type AccessAuditEntry = ApiSchema<'AccessAuditEntry'>;
/** Filters of the access audit trail (JSON). @public */
export type AccessAuditQuery = Omit<ApiQuery<'/agreements/audit'>, 'format'>;
/** The open standards a product is imported from. @public */
export type StandardFormatName = ApiSchema<'ProductImport'>['format'];
/** The open standards a product exports to: ODPS with ODCS contracts, or DPDS. @public */
export type ExportFormatName =
  ApiQuery<'/products/{namespace}/{name}/export'>['format'];
/** A file sent to or received from the standards routes: its path and text. @public */
export type StandardFileContent = ApiSchema<'StandardFile'>;
/** One source field with no place in the result, by file and path, with why. @public */
export type LossReportItem = ApiSchema<'LossReportEntry'>;
/** What `POST /import` answers: the product, its contracts, what was lost. @public */
export type ProductImportResponse = ApiSchema<'ProductImport'>;
/** What `GET /products/:namespace/:name/export` answers. @public */
export type ProductExportResponse = ApiSchema<'ProductExport'>;
/** The products a campaign covers; an empty or missing list is any. @public */
export type CampaignScope = ApiSchema<'CampaignScope'>;
/** What governance gives to start a campaign. @public */
export type CampaignInput = ApiSchema<'CampaignInput'>;
/** Whether a campaign is open, or closed having met or missed its target. @public */
export type CampaignStatus = ApiSchema<'CampaignStatus'>;
/** On track, at risk, met or missed. @public */
export type CampaignHealth = ApiSchema<'CampaignHealth'>;
/** A campaign and its share done. @public */
export type CampaignSummary = ApiSchema<'CampaignSummary'>;
/** Products in scope and done in one domain. @public */
export type CampaignDomainProgress = ApiSchema<'CampaignDomainProgress'>;
/** One day of a campaign's burn-down, with the ideal line. @public */
export type CampaignBurnDownPoint = ApiSchema<'CampaignBurnDownPoint'>;
/** A campaign with its progress per domain and burn-down. @public */
export type CampaignDetails = ApiSchema<'CampaignDetails'>;
/** A product of a campaign not done yet. @public */
export type CampaignFailingProduct = ApiSchema<'CampaignFailingProduct'>;
/** A page of a campaign's failing products. @public */
export type CampaignFailingPage = ApiSchema<'CampaignFailingPage'>;
/** A campaign concerning one product, and what the product must fix. @public */
export type ProductCampaign = ApiSchema<'ProductCampaign'>;
