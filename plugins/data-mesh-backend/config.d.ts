import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  dataMesh?: {
    governance?: {
      /**
       * Whether the built-in global pack (the seed's rules and platform
       * standards) is in force. Defaults to true.
       */
      defaultPack?: boolean;
      /**
       * Policy pack YAML files, relative to the backend's working directory
       * (like catalog file locations). A broken file stops start-up.
       */
      packFiles?: string[];
      /** Policy packs written in configuration (`kind: PolicyPack` documents). */
      packs?: Array<{
        apiVersion: string;
        kind: string;
        metadata: { name: string; title?: string; description?: string };
        spec: {
          domain?: string;
          rules: Array<{ [key: string]: unknown }>;
        };
      }>;
      /** Points deducted per violation; the seed's 10 and 2 by default. */
      weights?: { error?: number; warning?: number; info?: number };
      /** When the full sweep runs; every 30 minutes by default. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      history?: {
        /**
         * Days of scorecard history, daily rollups and KPI snapshots kept
         * (1 to 3650; 365 by default).
         */
        retentionDays?: number;
      };
      waivers?: {
        /**
         * The longest a waiver may run after its approval, in days (1 to
         * 366; 90 by default). A waiver expiring later does not count.
         */
        maxDays?: number;
      };
    };
    slo?: {
      /** The rolling window of SLO compliance, in days (1 to 365; 30 by default). */
      windowDays?: number;
      /**
       * Share of freshness, completeness and accuracy checks that must meet
       * the target, in percent (99 by default). Availability's share is its
       * target.
       */
      checkCompliancePercent?: number;
    };
    kpis?: {
      /** When the KPI snapshot is taken; hourly by default, one kept per day. */
      snapshotSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
