import { RootConfigService } from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  DEFAULT_MAX_WAIVER_DAYS,
  DEFAULT_SLO_OPTIONS,
  SloOptions,
} from '@datamesh-backstage/plugin-data-mesh-node';
import type { VisibilityOptions } from './VisibilityService';

/** A number from config within a range, or the default; an InputError names the key. */
export function readNumber(
  config: RootConfigService,
  key: string,
  fallback: number,
  range: { min: number; max: number; integer?: boolean },
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (
    value < range.min ||
    value > range.max ||
    (range.integer && !Number.isInteger(value))
  ) {
    throw new InputError(
      `${key} must be a ${range.integer ? 'whole number' : 'number'} from ${
        range.min
      } to ${range.max}, got ${value}`,
    );
  }
  return value;
}

/** Days of scorecard history, daily rollups and KPI snapshots kept. */
export function readRetentionDays(config: RootConfigService): number {
  return readNumber(config, 'dataMesh.governance.history.retentionDays', 365, {
    min: 1,
    max: 3650,
    integer: true,
  });
}

/** The longest a waiver may run after its approval, in days. */
export function readMaxWaiverDays(config: RootConfigService): number {
  return readNumber(
    config,
    'dataMesh.governance.waivers.maxDays',
    DEFAULT_MAX_WAIVER_DAYS,
    { min: 1, max: 366, integer: true },
  );
}

/** The rolling SLO window and the share of checks that must meet targets. */
export function readSloOptions(config: RootConfigService): SloOptions {
  return {
    windowDays: readNumber(
      config,
      'dataMesh.slo.windowDays',
      DEFAULT_SLO_OPTIONS.windowDays,
      {
        min: 1,
        max: 365,
        integer: true,
      },
    ),
    checkCompliancePercent: readNumber(
      config,
      'dataMesh.slo.checkCompliancePercent',
      DEFAULT_SLO_OPTIONS.checkCompliancePercent,
      { min: 0, max: 100 },
    ),
  };
}

/** A duration from config in milliseconds, within bounds, or the default. */
export function readDurationMs(
  config: RootConfigService,
  key: string,
  fallbackMs: number,
  maxMs: number,
): number {
  if (!config.has(key)) {
    return fallbackMs;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(`${key}: ${(error as Error).message}`);
  }
  if (!(ms >= 0 && ms <= maxMs)) {
    throw new InputError(
      `${key} must be a duration from 0 to ${
        maxMs / 3_600_000
      } hours, got ${ms} ms`,
    );
  }
  return ms;
}

/**
 * How long after a product is first seen a reference the catalog does not
 * hold yet stays pending rather than violated (15 minutes by default, at
 * most a day).
 */
export function readPendingReferenceGraceMs(config: RootConfigService): number {
  return readDurationMs(
    config,
    'dataMesh.governance.pendingReferenceGrace',
    15 * 60_000,
    86_400_000,
  );
}

/**
 * How old the last complete sweep may be before the figures shown count as
 * stale (2 hours by default, at most a week).
 */
export function readStaleAfterMs(config: RootConfigService): number {
  return readDurationMs(
    config,
    'dataMesh.governance.staleAfter',
    2 * 3_600_000,
    7 * 86_400_000,
  );
}

/**
 * How long a policy dry-run may evaluate, in milliseconds: 60 seconds unless
 * `dataMesh.governance.dryRun.timeBudget` says otherwise (at most an hour).
 */
export function readDryRunTimeBudgetMs(config: RootConfigService): number {
  const key = 'dataMesh.governance.dryRun.timeBudget';
  const ms = readDurationMs(config, key, 60_000, 3_600_000);
  if (!(ms > 0)) {
    throw new InputError(`${key} must be a positive duration, got ${ms} ms`);
  }
  return ms;
}

/**
 * Visibility snapshots of callers whose catalog read is conditional: reused
 * for `dataMesh.visibility.snapshotTtl` (30 s by default, at most an hour),
 * kept that long plus the dry-run time budget (the longest a request reads
 * one), and at most `dataMesh.visibility.maxSnapshots` of them (100 by
 * default).
 */
export function readVisibilityOptions(
  config: RootConfigService,
): VisibilityOptions {
  const ttlMs = readDurationMs(
    config,
    'dataMesh.visibility.snapshotTtl',
    30_000,
    3_600_000,
  );
  return {
    ttlMs,
    keepMs: ttlMs + readDryRunTimeBudgetMs(config),
    maxSnapshots: readNumber(config, 'dataMesh.visibility.maxSnapshots', 100, {
      min: 1,
      max: 100_000,
      integer: true,
    }),
  };
}
