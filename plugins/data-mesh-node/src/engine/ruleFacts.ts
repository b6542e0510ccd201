import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  isDataProductEntity,
  parsePercentTarget,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { AgreementRuleFacts, deriveAgreementFacts } from './agreementFacts';
import { versionChangeFacts, VersionChangeFacts } from './versionChangeFacts';
import { EvaluationContext } from './EvaluationContext';
import { InheritedPiiField, inheritedPiiFields } from './inheritedPii';
import {
  computeSloObjectives,
  DEFAULT_SLO_OPTIONS,
  QualityTestResult,
} from './sloStatus';

/**
 * A reference (owner, upstream product) the catalog does not hold yet,
 * while it may still be ingesting it: judged neither way until then.
 * @public
 */
export interface PendingReference {
  /** The entity ref, as the product's reference resolves. */
  ref: string;
  /** Where the product names it (`spec.owner`, `spec.lineage…`). */
  path: string;
}

/**
 * Values derived from a product and the catalog that rule conditions read
 * under `facts` (see `policies/default-pack.yaml`). A pending reference
 * has no `exists`: no rule judges it yet.
 * @public
 */
export interface RuleFacts extends AgreementRuleFacts {
  owner: { ref: string; exists?: boolean };
  upstreamProducts: Array<{ ref: string; path: string; exists?: boolean }>;
  /** This product's fields that copy a PII field of an upstream product. */
  inheritedPii: InheritedPiiField[];
  /** Declared quality test types, each `true`. */
  qualityTestTypes: Record<string, true>;
  slo: {
    /** The raw availability target, `0%` when absent (as in the reference rule set). */
    availabilityTarget: string;
    /** The availability target in percent; 0 when absent or unreadable. */
    availabilityTargetPercent: number;
    /** Measured compliance of each declared objective that has checks in the window. */
    measured: Array<{
      objective: string;
      path: string;
      target: string;
      compliance: number;
      required: number;
      met: boolean;
      windowDays: number;
    }>;
  };
  /** The latest result of each quality test pipelines reported. */
  qualityResults: QualityTestResult[];
  /** Breaking changes since the last version in production. */
  versionChange: VersionChangeFacts;
}

/**
 * What {@link deriveRuleFacts} learns of a product: the facts its rules
 * read, and the references that stay pending (which the scorecard lists).
 * @public
 */
export interface DerivedRuleFacts {
  /** What the product's rules read under `facts`. */
  facts: RuleFacts;
  /** References no rule judges yet; the scorecard lists them. */
  pendingReferences: PendingReference[];
}

/**
 * Derives the facts a product's rules read, looking its references up in
 * the catalog (`context`), and the references still pending.
 * @public
 */
export function deriveRuleFacts(
  entity: DataProductEntityV1alpha1,
  context: EvaluationContext,
): DerivedRuleFacts {
  const { spec } = entity;
  const defaultNamespace = entity.metadata.namespace ?? 'default';

  const ownerRef = stringifyEntityRef(
    parseEntityRef(spec.owner, { defaultKind: 'Group', defaultNamespace }),
  );
  const pendingReferences: PendingReference[] = [];
  /** A pending reference counts as unknown: no rule judges it yet. */
  const look = (ref: string, path: string) => {
    const found = context.lookup(ref);
    if (found?.pending) {
      pendingReferences.push({ ref, path });
      return undefined;
    }
    return found;
  };
  const owner = look(ownerRef, 'spec.owner');

  const upstreamEntities: DataProductEntityV1alpha1[] = [];
  const upstreamProducts = (spec.lineage?.upstreamProducts ?? []).map(
    (raw, i) => {
      const ref = stringifyEntityRef(
        parseEntityRef(raw, {
          defaultKind: DATA_PRODUCT_KIND,
          defaultNamespace,
        }),
      );
      const path = `spec.lineage.upstreamProducts[${i}]`;
      const found = look(ref, path);
      if (found?.entity && isDataProductEntity(found.entity)) {
        upstreamEntities.push(found.entity);
      }
      return {
        ref,
        path,
        ...(found ? { exists: found.exists } : {}),
      };
    },
  );

  const inheritedPii = inheritedPiiFields(entity, upstreamEntities);

  const qualityTestTypes: Record<string, true> = {};
  for (const test of spec.quality?.tests ?? []) {
    qualityTestTypes[test.type] = true;
  }

  const target = spec.slo?.availability?.target;
  const ref = stringifyEntityRef(entity);
  const measurements = context.measurements?.(ref);
  const sloOptions = context.sloOptions ?? DEFAULT_SLO_OPTIONS;
  const measured = measurements
    ? computeSloObjectives(entity, measurements.summaries, sloOptions).flatMap(
        status =>
          status.met === null
            ? []
            : [
                {
                  objective: status.objective,
                  path: `spec.slo.${status.objective}`,
                  target: status.target,
                  compliance: status.compliance!,
                  required: status.required,
                  met: status.met,
                  windowDays: sloOptions.windowDays,
                },
              ],
      )
    : [];
  const facts: RuleFacts = {
    owner: {
      ref: ownerRef,
      ...(owner
        ? { exists: owner.exists && ownerRef.startsWith('group:') }
        : {}),
    },
    upstreamProducts,
    inheritedPii,
    qualityTestTypes,
    slo: {
      availabilityTarget: target === undefined ? '0%' : String(target),
      availabilityTargetPercent: parsePercentTarget(target) ?? 0,
      measured,
    },
    qualityResults: measurements?.qualityTests ?? [],
    ...deriveAgreementFacts(entity, context.agreements?.(ref)),
    versionChange: versionChangeFacts(entity, context.productionVersion?.(ref)),
  };
  return { facts, pendingReferences };
}
