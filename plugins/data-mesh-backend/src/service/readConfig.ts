import { RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_MAX_WAIVER_DAYS,
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
