import type { components, paths } from '../generated/openapi';

/*
 * The types of the data-mesh REST API under the names the suite uses. Every
 * one is a type of `openapi.yaml` (generated into `../generated/openapi.ts`
 * by `yarn openapi:generate`): change the document, never these.
 */

/** Severity of a governance rule. @public */
export type RuleSeverity = components['schemas']['RuleSeverity'];
/** Where a rule stands in its lifecycle; only `enforced` rules are scored. @public */
export type RuleState = components['schemas']['RuleState'];
/** A rule that applies to a product but is not scored, and how the product fares. @public */
export type UpcomingRule = components['schemas']['UpcomingRule'];
/** The proposed pack replayed over stored history, per day and domain. @public */
export type DryRunBacktest = components['schemas']['DryRunBacktest'];
/** Overall result of a product: `fail` with any error, `warn` with warnings only. @public */
export type ScorecardStatus = components['schemas']['ScorecardStatus'];
/** One breach of a rule by a product. @public */
export type Violation = components['schemas']['Violation'];
/** The governance result of one product. @public */
export type Scorecard = components['schemas']['Scorecard'];
/** A stored scorecard without its violations, as lists return it. @public */
export type ScorecardSummary = components['schemas']['ScorecardSummary'];
/** Filters, order and paging of scorecard lists. @public */
export type ScorecardQuery = NonNullable<
  paths['/scorecards']['get']['parameters']['query']
>;
/** Filters, order and paging of one domain's products. @public */
export type DomainProductsQuery = NonNullable<
  paths['/domains/{name}']['get']['parameters']['query']
>;
/** The range of a product's scorecard history (ISO date-times). @public */
export type ScorecardHistoryQuery = NonNullable<
  paths['/scorecards/{namespace}/{name}/history']['get']['parameters']['query']
>;
/** Sort keys of scorecard lists. @public */
export type ScorecardOrderField = NonNullable<ScorecardQuery['orderBy']>;
/** One page of scorecards. @public */
export type ScorecardPage = components['schemas']['ScorecardPage'];
/** One change of a product's result. @public */
export type ScorecardHistoryEntry =
  components['schemas']['ScorecardHistoryEntry'];

/** Aggregate figures over a set of products. @public */
export type RollupFigures = components['schemas']['RollupFigures'];
/** A day of a rollup's trend. @public */
export type RollupTrendPoint = components['schemas']['RollupTrendPoint'];
/** The rollup of one domain. @public */
export type DomainRollup = components['schemas']['DomainRollup'];
/** How a full governance sweep ended. @public */
export type SweepOutcome = components['schemas']['SweepOutcome'];
/** When the figures were computed, and whether they may be out of date. @public */
export type Freshness = components['schemas']['Freshness'];
/** Rollups per domain and for the whole mesh. @public */
export type DomainRollupsResponse =
  components['schemas']['DomainRollupsResponse'];
/** One domain with a page of its products. @public */
export type DomainDetailsResponse =
  components['schemas']['DomainDetailsResponse'];

/** Which products a rule applies to; absent fields match every product. @public */
export type RuleAppliesTo = components['schemas']['RuleAppliesTo'];
/** A rule as the policies endpoint describes it. @public */
export type PolicyRuleDescription = components['schemas']['PolicyRule'];
/** The effective policies. @public */
export type PoliciesResponse = components['schemas']['PoliciesResponse'];
/** What a proposed pack would change for one product. @public */
export type DryRunChange = components['schemas']['DryRunChange'];
/** Outcome of a policy dry-run; nothing is stored. @public */
export type DryRunResponse = components['schemas']['DryRunResponse'];

/** Where a waiver comes from: the product's own spec or the governance API. @public */
export type WaiverSource = components['schemas']['WaiverSource'];
/** Where a waiver stands in its approval. @public */
export type WaiverStatus = components['schemas']['WaiverStatus'];
/** A waiver of one rule for one product, until it expires. @public */
export type Waiver = components['schemas']['Waiver'];
/** Why a waiver counts or not: `in-force` counts; the others say what stops it. @public */
export type WaiverStanding = components['schemas']['WaiverStanding'];
/** A waiver as a scorecard lists it: whether it counts, and why. @public */
export type ScorecardWaiver = components['schemas']['ScorecardWaiver'];
/** Filters of the waiver list. @public */
export type WaiverListQuery = NonNullable<
  paths['/waivers']['get']['parameters']['query']
>;
/** Which waiver of a rule to revoke, when both sources have one. @public */
export type WaiverRevokeQuery = NonNullable<
  paths['/waivers/{namespace}/{name}/{ruleId}']['delete']['parameters']['query']
>;
/** A waiver to ask for through the API; it counts once approved. @public */
export type WaiverRequest = components['schemas']['WaiverRequest'];
/**
 * An approval or rejection of the waiver request of a rule. `source` names
 * the request (the product's spec or the API) when both wait. @public
 */
export type WaiverDecision = NonNullable<
  paths['/waivers/{namespace}/{name}/{ruleId}/approve']['post']['requestBody']
>['content']['application/json'];

/** The nine mesh-adoption KPIs. @public */
export type KpiId = components['schemas']['KpiId'];
/** How a KPI's value reads. @public */
export type KpiUnit = components['schemas']['KpiUnit'];
/** The groups of KPIs: adoption, quality, consumption. @public */
export type KpiCategory = components['schemas']['KpiCategory'];
/** A KPI's value in one domain. @public */
export type KpiDomainValue = components['schemas']['KpiDomainValue'];
/** One KPI, its target and its breakdown by domain. @public */
export type Kpi = components['schemas']['Kpi'];
/** The KPIs now. @public */
export type KpisResponse = components['schemas']['KpisResponse'];
/** The range and interval of KPI history; dates are `YYYY-MM-DD`. @public */
export type KpiHistoryQuery = NonNullable<
  paths['/kpis/history']['get']['parameters']['query']
>;
/**
 * KPI history as the API sends it: one series per KPI, aligned with
 * `dates` (the client turns it into {@link KpiHistoryResponse}).
 * @public
 */
export type KpiHistorySeriesResponse =
  components['schemas']['KpiHistoryResponse'];

/** A measurement a pipeline posts. @public */
export type Measurement = components['schemas']['Measurement'];
/** What a measurement measures. @public */
export type MeasurementKind = Measurement['kind'];
/** The product an import counts for, instead of the mapping annotations. @public */
export type MeasurementImportQuery = NonNullable<
  paths['/measurements/dbt']['post']['parameters']['query']
>;
/** What a measurement post or import stored. @public */
export type MeasurementsAccepted =
  components['schemas']['MeasurementsAccepted'];
/** The SLO objectives a product can declare and measure. @public */
export type SloObjective = components['schemas']['SloObjective'];
/** Compliance of one SLO objective over the rolling window. @public */
export type SloObjectiveStatus = components['schemas']['SloObjectiveStatus'];
/** SLO compliance and quality test results of a product. @public */
export type SloStatusResponse = components['schemas']['SloStatusResponse'];

/** One version of a product seen, with what changed since the one before. @public */
export type ProductVersion = components['schemas']['ProductVersion'];

/** The versions of a product seen, oldest first. @public */
export type ProductVersionHistory =
  components['schemas']['ProductVersionHistory'];

/** A deprecated product that entities still read. @public */
export type DeprecatedProduct = components['schemas']['DeprecatedProduct'];

/** The deprecated products still read. @public */
export type DeprecatedProductsResponse =
  components['schemas']['DeprecatedProductsResponse'];

/** What a template run recorded when it created a product. @public */
export type ProvenanceRecord = components['schemas']['ProvenanceRecord'];
/** How a product came to be, as the suite recorded it. @public */
export type ProductProvenance = components['schemas']['ProductProvenance'];

/** The status of an access request. @public */
export type AccessRequestStatus = components['schemas']['AccessRequestStatus'];
/** How a product's access requests are decided. @public */
export type AccessApprovalMode = components['schemas']['AccessApprovalMode'];
/** A request for access to an output port, as sent. @public */
export type AccessRequestInput = components['schemas']['AccessRequestInput'];
/** An access request and its decision. @public */
export type AccessRequest = components['schemas']['AccessRequest'];
/** Filters of access request lists. @public */
export type AccessRequestQuery = NonNullable<
  paths['/access-requests']['get']['parameters']['query']
>;
/** The status of an agreement. @public */
export type AgreementStatus = components['schemas']['AgreementStatus'];
/** Approved access of a consumer to an output port. @public */
export type Agreement = components['schemas']['Agreement'];
/** Filters of agreement lists. @public */
export type AgreementQuery = NonNullable<
  paths['/agreements']['get']['parameters']['query']
>;
/** One state change of an access request or agreement. @public */
export type AccessAuditEntry = components['schemas']['AccessAuditEntry'];
/** Filters of the access audit trail (JSON). @public */
export type AccessAuditQuery = Omit<
  NonNullable<paths['/agreements/audit']['get']['parameters']['query']>,
  'format'
>;
/** The open standards a product is imported from. @public */
export type StandardFormatName =
  components['schemas']['ProductImport']['format'];
/** The open standards a product exports to: ODPS with ODCS contracts, or DPDS. @public */
export type ExportFormatName = NonNullable<
  paths['/products/{namespace}/{name}/export']['get']['parameters']['query']
>['format'];
/** A file sent to or received from the standards routes: its path and text. @public */
export type StandardFileContent = components['schemas']['StandardFile'];
/** One source field with no place in the result, by file and path, with why. @public */
export type LossReportItem = components['schemas']['LossReportEntry'];
/** What `POST /import` answers: the product, its contracts, what was lost. @public */
export type ProductImportResponse = components['schemas']['ProductImport'];
/** What `GET /products/:namespace/:name/export` answers. @public */
export type ProductExportResponse = components['schemas']['ProductExport'];
/** The products a campaign covers; an empty or missing list is any. @public */
export type CampaignScope = components['schemas']['CampaignScope'];
/** What governance gives to start a campaign. @public */
export type CampaignInput = components['schemas']['CampaignInput'];
/** Whether a campaign is open, or closed having met or missed its target. @public */
export type CampaignStatus = components['schemas']['CampaignStatus'];
/** On track, at risk, met or missed. @public */
export type CampaignHealth = components['schemas']['CampaignHealth'];
/** A campaign and its share done. @public */
export type CampaignSummary = components['schemas']['CampaignSummary'];
/** Products in scope and done in one domain. @public */
export type CampaignDomainProgress =
  components['schemas']['CampaignDomainProgress'];
/** One day of a campaign's burn-down, with the ideal line. @public */
export type CampaignBurnDownPoint =
  components['schemas']['CampaignBurnDownPoint'];
/** A campaign with its progress per domain and burn-down. @public */
export type CampaignDetails = components['schemas']['CampaignDetails'];
/** A product of a campaign not done yet. @public */
export type CampaignFailingProduct =
  components['schemas']['CampaignFailingProduct'];
/** A page of a campaign's failing products. @public */
export type CampaignFailingPage = components['schemas']['CampaignFailingPage'];
/** A campaign concerning one product, and what the product must fix. @public */
export type ProductCampaign = components['schemas']['ProductCampaign'];
