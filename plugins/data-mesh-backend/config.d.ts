import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  dataMesh?: {
    /**
     * The groups whose members govern the data mesh, as group entity refs
     * (`group:default/data-governance`). They are notified of waiver
     * requests; a permission policy may grant them governance (the example
     * portal's does: dry-runs and waiver approval). Without it, nobody is
     * notified of waiver requests.
     */
    governanceGroups?: string[];
    /** Data sharing: access requests to output ports, and agreements. */
    access?: {
      /**
       * The purposes a request for PII may give (for example `fraud-prevention`).
       * A request for PII fields (or for the whole port of a product with PII)
       * must give one of them as its purpose; without the list, PII cannot be
       * requested.
       */
      piiPurposes?: string[];
      /** How requests are decided, per product or domain. */
      approval?: {
        /** The mode when no rule names the product or its domain; `manual` by default. */
        default?: 'manual' | 'automatic' | 'external';
        /**
         * Modes of products or domains (entity refs); a product's rule wins
         * over its domain's. `automatic` approves at once requests reaching
         * no PII whose consumer is in the product's domain (others are
         * decided manually); `external` hands requests to the approver a
         * backend module set on the `data-mesh.access` extension point.
         */
        rules?: Array<{
          product?: string;
          domain?: string;
          mode: 'manual' | 'automatic' | 'external';
        }>;
      };
      /** Days before an agreement's expiry its consumer is reminded (1 to 90; 7). */
      reminderDays?: number;
      /** When expired agreements are ended; hourly by default. */
      expirySchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Governance campaigns. */
    campaigns?: {
      /**
       * When open campaigns' progress is recorded (one point a day, the
       * latest run's) and finished ones closed; hourly by default.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * Notifications, through Backstage's notifications service (in-app, and
     * email or Slack through the notification modules installed). Each topic
     * is on unless disabled; users mute topics in their notification
     * settings.
     */
    notifications?: {
      /**
       * More products than this of one recipient changing in one sweep are
       * told in one digest, with counts and links (1 to 1000; 10 by default).
       */
      digestThreshold?: number;
      /** A product's owners, when its status drops (pass to warn or fail, warn to fail). */
      statusDropped?: { enabled?: boolean };
      /** A product's owners, when it breaks an error-severity rule it did not before. */
      newErrorViolations?: { enabled?: boolean };
      /** A product's owners, when a measured SLO's error budget is used up. */
      errorBudgetExhausted?: { enabled?: boolean };
      /** A product's owners, before an approved waiver expires. */
      waiverExpiring?: {
        enabled?: boolean;
        /**
         * How long before the expiry: an ISO 8601 duration (`P7D`), a
         * duration string or object; 7 days by default, at most 90.
         */
        leadTime?: HumanDuration | string;
      };
      /** The governance groups, when a waiver is requested (API or spec). */
      waiverRequested?: { enabled?: boolean };
      /** Owners of products in a campaign's scope not done yet, when it starts. */
      campaignStarted?: { enabled?: boolean };
      /** Owners of products in a campaign's scope still not done, when it closes. */
      campaignClosed?: { enabled?: boolean };
    };
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
      versions?: {
        /**
         * Whether the versions of each product are kept and checked for
         * breaking changes (rule VER-002, consumers told of new major
         * versions); true by default.
         */
        enabled?: boolean;
      };
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
    examples?: {
      /**
       * Pending access requests a demonstration portal starts with, filed as
       * made by the users they name (`requestedBy`), so that someone signed
       * in as another user has requests to decide. Not for production: they
       * skip the requester's permission check.
       */
      accessRequests?: Array<{
        product: string;
        port: string;
        consumer: string;
        purpose: string;
        fields?: string[];
        requestedBy: string;
        /** Days from start-up the access would last; 90 by default. */
        days?: number;
      }>;
      /**
       * Earlier versions of catalog products a demonstration portal starts
       * with: each file (relative to the backend's working directory) is a
       * product's YAML as it was, recorded as seen `seenDaysAgo` days
       * before start-up (30 by default) unless versions of the product are
       * recorded already.
       */
      productVersions?: Array<{ file: string; seenDaysAgo?: number }>;
    };
  };
}
