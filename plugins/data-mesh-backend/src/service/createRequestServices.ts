import {
  AuthService,
  RootConfigService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  AccessProvisioner,
  ExternalAccessApprover,
} from '@datamesh-backstage/plugin-data-mesh-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { AccessNotifier } from './access/AccessNotifier';
import { ownerOf } from './access/accessParties';
import { AccessScopes } from './access/AccessScopes';
import { AccessService } from './access/AccessService';
import { readAccessSettings } from './access/accessSettings';
import { AgreementService } from './access/AgreementService';
import { catalogEdgeRefresh } from './access/agreementEdgeRefresh';
import type { DataMeshStores } from '../database/createDataMeshStores';
import { CatalogReader } from './CatalogReader';
import type { DataMeshSettings } from './dataMeshSettings';
import { DomainService } from './DomainService';
import { FreshnessService } from './FreshnessService';
import { GovernanceService } from './GovernanceService';
import { MeasurementService } from './measurements/MeasurementService';
import { GovernanceNotifier } from './notifications/GovernanceNotifier';
import { ProvenanceService } from './provenance/ProvenanceService';
import { StandardsService } from './standards/StandardsService';
import { VisibilityService } from './VisibilityService';
import { WaiverService } from './WaiverService';

/**
 * The services behind the REST routes and the actions, beside governance
 * and KPIs: what a caller may see, how fresh the figures are, domains,
 * waivers, measurements, provenance, and conversions to and from the open
 * standards.
 */
export function createRequestServices(options: {
  auth: AuthService;
  logger: LoggerService;
  permissions: PermissionsService;
  catalog: CatalogService;
  now?: () => Date;
  reader: CatalogReader;
  stores: DataMeshStores;
  settings: DataMeshSettings;
  governance: GovernanceService;
  notifier: GovernanceNotifier;
  /** Backstage's notifications, for access requests and agreements. */
  notifications?: NotificationService;
  config: RootConfigService;
  /** Provisioners and the external approver modules added. */
  accessExtensions: {
    provisioners: AccessProvisioner[];
    externalApprover?: ExternalAccessApprover;
  };
}) {
  const { auth, logger, catalog, now, reader, stores, governance } = options;
  const visibility = new VisibilityService({
    permissions: options.permissions,
    catalog,
    reader,
    visibilitySnapshots: stores.visibilitySnapshots,
    logger,
    options: options.settings.visibilityOptions,
    now,
  });
  const freshness = new FreshnessService({
    sweeps: stores.sweeps,
    staleAfterMs: options.settings.staleAfterMs,
    now,
  });
  const domains = new DomainService({
    logger,
    scorecards: stores.scorecards,
    rollups: stores.rollups,
    freshness,
    reader,
    visibility,
    policies: () => governance.policies,
    now,
  });
  const waiverService = new WaiverService({
    waivers: stores.waivers,
    governance,
    reader,
    notifier: options.notifier,
    logger,
  });
  const measurementService = new MeasurementService({
    catalog,
    auth,
    measurements: stores.measurements,
    governance,
    now,
  });
  const provenanceService = new ProvenanceService({
    provenance: stores.provenance,
    kpiInputs: stores.kpiInputs,
    governance,
    trustedServices: options.settings.trustedServices,
    now,
  });
  const accessSettings = readAccessSettings(options.config);
  const accessNotifier = new AccessNotifier({
    notifications: options.notifications,
    claims: stores.notificationClaims,
    logger,
  });
  const agreementService = new AgreementService({
    agreements: stores.agreements,
    provisioners: options.accessExtensions.provisioners,
    notifier: accessNotifier,
    ownerOf: async product => {
      const [entity] = await reader.readByRefs(
        [product],
        await auth.getOwnServiceCredentials(),
      );
      return entity ? ownerOf(entity) : undefined;
    },
    refreshEdge: catalogEdgeRefresh({ catalog, auth, logger }),
    logger,
    now,
  });
  const accessService = new AccessService({
    requests: stores.accessRequests,
    agreementService,
    reader,
    permissions: options.permissions,
    notifier: accessNotifier,
    settings: accessSettings,
    externalApprover: options.accessExtensions.externalApprover,
    logger,
    now,
  });
  const accessScopes = new AccessScopes({
    permissions: options.permissions,
    reader,
  });
  return {
    accessSettings,
    accessScopes,
    accessService,
    agreementService,
    visibility,
    freshness,
    domains,
    waiverService,
    measurementService,
    provenanceService,
    standards: new StandardsService({ catalog: options.catalog }),
  };
}
