import { RootConfigService } from '@backstage/backend-plugin-api';
import { SloOptions } from '@datamesh-backstage/plugin-data-mesh-node';
import {
  NotificationSettings,
  readNotificationSettings,
} from './notifications/notificationSettings';
import { readTrustedServices } from './provenance/ProvenanceService';
import {
  readDryRunTimeBudgetMs,
  readMaxWaiverDays,
  readPendingReferenceGraceMs,
  readRetentionDays,
  readSloOptions,
  readStaleAfterMs,
  readVisibilityOptions,
} from './readConfig';
import type { VisibilityOptions } from './VisibilityService';

/** The plugin's settings, read from config once at start-up. */
export interface DataMeshSettings {
  /** Days of history, daily rollups and KPI snapshots kept. */
  retentionDays: number;
  /** The rolling SLO window and the share of checks that must meet targets. */
  sloOptions: SloOptions;
  /** Longest a waiver may run after its approval, in days. */
  maxWaiverDays: number;
  /** How long after a product is first seen missing references stay pending. */
  pendingGraceMs: number;
  /** How long a policy dry-run may take before it stops. */
  dryRunTimeBudgetMs: number;
  /** How old the last complete sweep may be before figures count as stale. */
  staleAfterMs: number;
  /** How long a caller's visibility snapshot is reused, and how many are kept. */
  visibilityOptions: VisibilityOptions;
  /** Who is told what, and how. */
  notificationSettings: NotificationSettings;
  /** The services trusted to record provenance. */
  trustedServices: string[];
  /** Whether product versions are kept and checked for breaking changes. */
  keepVersions: boolean;
}

/** Reads every setting; a value out of range stops start-up, naming its key. */
export function readDataMeshSettings(
  config: RootConfigService,
): DataMeshSettings {
  return {
    retentionDays: readRetentionDays(config),
    sloOptions: readSloOptions(config),
    maxWaiverDays: readMaxWaiverDays(config),
    pendingGraceMs: readPendingReferenceGraceMs(config),
    dryRunTimeBudgetMs: readDryRunTimeBudgetMs(config),
    staleAfterMs: readStaleAfterMs(config),
    visibilityOptions: readVisibilityOptions(config),
    notificationSettings: readNotificationSettings(config),
    trustedServices: readTrustedServices(config),
    keepVersions:
      config.getOptionalBoolean('dataMesh.governance.versions.enabled') !==
      false,
  };
}
