import { AuthService, PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ScorecardStore } from '../database/ScorecardStore';
import { DomainService } from '../service/DomainService';
import { FreshnessService } from '../service/FreshnessService';
import { GovernanceService } from '../service/GovernanceService';
import { KpiService } from '../service/kpis/KpiService';
import { PermissionGate } from '../service/PermissionGate';
import { VisibilityService } from '../service/VisibilityService';
import { WaiverService } from '../service/WaiverService';
import { createEvaluateDataProductAction } from './createEvaluateDataProductAction';
import { createExplainGovernanceViolationAction } from './createExplainGovernanceViolationAction';
import { createGetDataProductScorecardAction } from './createGetDataProductScorecardAction';
import { createListDataMeshKpisAction } from './createListDataMeshKpisAction';
import { createListDomainDataProductsAction } from './createListDomainDataProductsAction';
import { createRequestGovernanceWaiverAction } from './createRequestGovernanceWaiverAction';

/** What the suite's actions need: the services the REST routes use. */
export interface DataMeshActionsOptions {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  permissions: PermissionsService;
  scorecards: ScorecardStore;
  governance: GovernanceService;
  visibility: VisibilityService;
  domains: DomainService;
  kpis: KpiService;
  freshness: FreshnessService;
  waiverService: WaiverService;
}

/**
 * Registers the suite's actions with Backstage's actions registry, where
 * the MCP actions backend (and any other client of the registry) finds
 * them as `data-mesh:<name>`.
 *
 * The registry checks each input against the action's zod v3 schema (which
 * MCP clients see as JSON Schema); the action then parses it with the
 * schemas of the matching REST route, so values are normalised and errors
 * name the field as the API's do (`input.expiresAt: ...`). Every check runs
 * with the caller's credentials, which the registry takes from the request:
 * the same visibility and permissions as the REST API.
 */
export function createDataMeshActions(options: DataMeshActionsOptions) {
  const { actionsRegistry, scorecards, governance, visibility } = options;
  createGetDataProductScorecardAction({
    actionsRegistry,
    scorecards,
    visibility,
  });
  createListDomainDataProductsAction({
    actionsRegistry,
    domains: options.domains,
  });
  createExplainGovernanceViolationAction({
    actionsRegistry,
    governance,
    scorecards,
    visibility,
  });
  createEvaluateDataProductAction({ actionsRegistry, governance, visibility });
  createListDataMeshKpisAction({
    actionsRegistry,
    kpis: options.kpis,
    freshness: options.freshness,
    visibility,
  });
  createRequestGovernanceWaiverAction({
    actionsRegistry,
    auth: options.auth,
    // The permission checks of the REST routes (see `router/accessControl.ts`).
    gate: new PermissionGate({ permissions: options.permissions }),
    waiverService: options.waiverService,
  });
}
