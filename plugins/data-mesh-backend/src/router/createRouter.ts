import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { RollupStore } from '../database/RollupStore';
import { ScorecardHistoryStore } from '../database/ScorecardHistoryStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { SweepLog } from '../database/SweepLog';
import { WaiverStore } from '../database/WaiverStore';
import { AccessRequestStore } from '../database/AccessRequestStore';
import { AgreementStore } from '../database/AgreementStore';
import { AccessScopes } from '../service/access/AccessScopes';
import { AccessService } from '../service/access/AccessService';
import { AgreementService } from '../service/access/AgreementService';
import { CampaignService } from '../service/campaigns/CampaignService';
import { CatalogReader } from '../service/CatalogReader';
import { DomainService } from '../service/DomainService';
import { FreshnessService } from '../service/FreshnessService';
import { GovernanceService } from '../service/GovernanceService';
import { PolicyDryRun } from '../service/PolicyDryRun';
import { VisibilityService } from '../service/VisibilityService';
import { DeprecationService } from '../service/DeprecationService';
import { VersionHistoryService } from '../service/VersionHistoryService';
import { WaiverService } from '../service/WaiverService';
import { KpiService } from '../service/kpis/KpiService';
import { MeasurementService } from '../service/measurements/MeasurementService';
import { ProvenanceService } from '../service/provenance/ProvenanceService';
import { MeasurementWindow } from '../service/MeasurementWindow';
import { StandardsService } from '../service/standards/StandardsService';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { accessRoutes } from './accessRoutes';
import { createAccessControl } from './accessControl';
import { agreementRoutes } from './agreementRoutes';
import { campaignRoutes } from './campaignRoutes';
import { domainRoutes } from './domainRoutes';
import { kpiRoutes } from './kpiRoutes';
import { measurementRoutes } from './measurementRoutes';
import { policyRoutes } from './policyRoutes';
import { provenanceRoutes } from './provenanceRoutes';
import { scorecardRoutes } from './scorecardRoutes';
import { sloRoutes } from './sloRoutes';
import { standardsRoutes } from './standardsRoutes';
import { deprecationRoutes } from './deprecationRoutes';
import { versionRoutes } from './versionRoutes';
import { waiverRoutes } from './waiverRoutes';

/** Everything the routes need. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  catalog: CatalogService;
  scorecards: ScorecardStore;
  history: ScorecardHistoryStore;
  rollups: RollupStore;
  waivers: WaiverStore;
  sweeps: SweepLog;
  freshness: FreshnessService;
  reader: CatalogReader;
  governance: GovernanceService;
  dryRun: PolicyDryRun;
  visibility: VisibilityService;
  domains: DomainService;
  waiverService: WaiverService;
  kpis: KpiService;
  measurementService: MeasurementService;
  provenanceService: ProvenanceService;
  measurementWindow: MeasurementWindow;
  accessRequests: AccessRequestStore;
  agreements: AgreementStore;
  accessService: AccessService;
  accessScopes: AccessScopes;
  agreementService: AgreementService;
  campaigns: CampaignService;
  /** The clock, for tests. */
  now?: () => Date;
  standards: StandardsService;
  versionHistory: VersionHistoryService;
  deprecations: DeprecationService;
}

/** The router of `openapi.yaml`: handlers typed from it, requests validated. */
export type DataMeshRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;

/** Bodies are parsed by the guards, before the OpenAPI router. */
const parsedByGuards: express.RequestHandler = (_req, _res, next) => next();

/**
 * The REST API under `/api/data-mesh`, as `openapi.yaml` describes it.
 * Every route needs credentials (the plugin's HTTP router rejects anonymous
 * requests with 401) and declares who may call it (see `accessControl.ts`).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  // Each route authenticates and authorises its caller, then parses its body
  // with a limit sized for it: nothing is read for a caller who is refused.
  // Only then does the OpenAPI router validate the request.
  const access = createAccessControl(options);
  const router = await createOpenApiRouter({
    middleware: [parsedByGuards],
    validatorOptions: {
      validateRequests: {
        allowUnknownQueryParameters: false,
        coerceTypes: false,
        // Errors of the variant a body's `kind` names, not of every variant.
        discriminator: true,
      },
    },
  });
  // The document itself, as the OpenAPI router serves it.
  access.route('get', '/openapi.json', {});
  const deps = { ...options, access, router };
  scorecardRoutes(deps);
  domainRoutes(deps);
  policyRoutes(deps);
  waiverRoutes(deps);
  kpiRoutes(deps);
  measurementRoutes(deps);
  sloRoutes(deps);
  provenanceRoutes(deps);
  accessRoutes(deps);
  agreementRoutes(deps);
  standardsRoutes(deps);
  campaignRoutes(deps);
  versionRoutes(deps);
  deprecationRoutes(deps);
  const guarded = Router();
  guarded.use(access.middleware);
  guarded.use(router);
  return guarded;
}
