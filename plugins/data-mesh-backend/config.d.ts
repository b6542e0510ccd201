import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  dataMesh?: {
    governance?: {
      /**
       * Whether the built-in global pack (the reference data mesh rules and platform
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
      /** Points deducted per violation; 10 per error and 2 per warning by default. */
      weights?: { error?: number; warning?: number; info?: number };
      /** When the full sweep runs; every 30 minutes by default. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * How long after a product is first seen a reference (owner, upstream
       * product) the catalog does not hold yet stays pending rather than
       * violated, while the catalog may still be ingesting it: an ISO-8601
       * duration or a duration object (15 minutes by default, at most a day).
       */
      pendingReferenceGrace?: string | HumanDuration;
      /**
       * How old the last complete sweep may be before pages warn that their
       * figures may be out of date (2 hours by default, at most a week).
       */
      staleAfter?: string | HumanDuration;
      history?: {
        /**
         * Days of scorecard history, daily rollups and KPI snapshots kept
         * (1 to 3650; 365 by default).
         */
        retentionDays?: number;
      };
      dryRun?: {
        /**
         * How long a policy dry-run may take: past it, the dry-run stops
         * and answers 400 naming the rule that took the most time. An ISO
         * 8601 duration (`PT60S`), a duration string (`60s`) or an object
         * (`{ seconds: 60 }`); 60 seconds by default.
         */
        timeBudget?: HumanDuration | string;
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
    provenance?: {
      /**
       * Service principals allowed to record that a template run created a
       * product (the evidence of the self-serve and time-to-data KPIs);
       * `plugin:scaffolder` by default.
       */
      trustedServices?: string[];
    };
    visibility?: {
      /**
       * How long a caller whose catalog read permission is conditional reuses
       * the list of products the catalog let them read (a visibility
       * snapshot, stored in the database): an ISO 8601 duration, a duration
       * string or an object; 30 seconds by default, at most an hour.
       */
      snapshotTtl?: HumanDuration | string;
      /**
       * The most visibility snapshots kept (1 to 100000; 100 by default).
       * Each holds one row per product its caller may read; past the limit
       * the oldest go first.
       */
      maxSnapshots?: number;
    };
    kpis?: {
      /** When the KPI snapshot is taken; hourly by default, one kept per day. */
      snapshotSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
