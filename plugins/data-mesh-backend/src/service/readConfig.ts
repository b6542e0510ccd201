import { RootConfigService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_SLO_OPTIONS,
  SloOptions,
} from '@datamesh-backstage/plugin-data-mesh-node';

function readNumber(
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

/**
 * How long after a product is first seen a reference the catalog does not
 * hold yet stays pending rather than violated (15 minutes by default, at
 * most a day).
 */
export function readPendingReferenceGraceMs(config: RootConfigService): number {
  const key = 'dataMesh.governance.pendingReferenceGrace';
  if (!config.has(key)) {
    return 15 * 60_000;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(`${key}: ${(error as Error).message}`);
  }
  if (!(ms >= 0 && ms <= 86_400_000)) {
    throw new InputError(`${key} must be from 0 to 1 day, got ${ms} ms`);
  }
  return ms;
}
