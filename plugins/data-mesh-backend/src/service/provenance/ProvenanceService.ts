import { RootConfigService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import type { ProductProvenance } from '@datamesh-backstage/plugin-data-mesh-common';
import { KpiInputStore } from '../../database/KpiInputStore';
import { ProvenanceStore } from '../../database/ProvenanceStore';
import { GovernanceService } from '../GovernanceService';

/** How far back a template run may have been requested. */
const MAX_RUN_AGE_MS = 7 * 86_400_000;
/** How far ahead of this server's clock a request time may be. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** The services trusted to record provenance: the scaffolder by default. */
export function readTrustedServices(config: RootConfigService): string[] {
  return (
    config.getOptionalStringArray('dataMesh.provenance.trustedServices') ?? [
      'plugin:scaffolder',
    ]
  );
}

/**
 * Records which products a template run created, and when it was
 * requested: the evidence of the self-serve and time-to-data KPIs. Only
 * trusted services record it (the scaffolder, with its own credentials,
 * when a run succeeds), once per product, and never for a product the
 * suite saw before the run was requested.
 */
export class ProvenanceService {
  constructor(
    private readonly deps: {
      provenance: ProvenanceStore;
      kpiInputs: KpiInputStore;
      governance: GovernanceService;
      trustedServices: string[];
      now?: () => Date;
    },
  ) {}

  async record(
    entityRef: string,
    input: { templateRef: string; requestedAt: string; taskId?: string },
    subject: string,
  ): Promise<ProductProvenance> {
    if (!this.deps.trustedServices.includes(subject)) {
      throw new NotAllowedError(
        `${subject} may not record provenance; dataMesh.provenance.trustedServices lists who may`,
      );
    }
    const now = this.deps.now?.() ?? new Date();
    const requested = Date.parse(input.requestedAt);
    if (
      requested > now.getTime() + MAX_CLOCK_SKEW_MS ||
      requested < now.getTime() - MAX_RUN_AGE_MS
    ) {
      throw new InputError(
        'body.requestedAt: must be within the last 7 days, and not in the future',
      );
    }
    const seen = (await this.deps.kpiInputs.firstSeen([entityRef])).get(
      entityRef,
    );
    if (seen && seen < input.requestedAt) {
      throw new ConflictError(
        `${entityRef} existed (first seen ${seen}) before the template run was requested (${input.requestedAt})`,
      );
    }
    const provenance: ProductProvenance = {
      entityRef,
      ...input,
      recordedBy: subject,
      recordedAt: now.toISOString(),
    };
    await this.deps.provenance.record(provenance);
    // The KPI inputs of a product already scored now count the evidence.
    await this.deps.governance.rescore(entityRef).catch(() => undefined);
    return (await this.deps.provenance.get(entityRef))!;
  }

  get(entityRef: string): Promise<ProductProvenance | undefined> {
    return this.deps.provenance.get(entityRef);
  }
}
