import { parseDurationTarget, parsePercentTarget } from '../slo/targets';
import type { VersionChange, VersionChangeKind } from '../api/apiTypes';
import type { DataProductSlo } from '../entity/DataProductEntityV1alpha1';
import type {
  DataProductVersionSnapshot,
  VersionSnapshotField,
} from './versionSnapshot';

/** The kinds of change that break consumers. @public */
export const BREAKING_CHANGE_KINDS: readonly VersionChangeKind[] = [
  'field-removed',
  'field-renamed',
  'field-type-changed',
  'field-newly-required',
  'port-removed',
  'port-format-changed',
  'port-protocol-changed',
  'slo-loosened',
  'pii-exposed',
];

const PERCENT_OBJECTIVES = ['availability', 'completeness', 'accuracy'];

function change(
  kind: VersionChangeKind,
  path: string,
  message: string,
): VersionChange {
  return {
    kind,
    breaking: BREAKING_CHANGE_KINDS.includes(kind),
    path,
    message,
  };
}

function compareFields(
  before: VersionSnapshotField[],
  after: VersionSnapshotField[],
): VersionChange[] {
  const changes: VersionChange[] = [];
  const afterByName = new Map(after.map((f, i) => [f.name, { f, i }]));
  const beforeNames = new Set(before.map(f => f.name));
  const renamedTo = new Set<string>();
  before.forEach((old, index) => {
    const found = afterByName.get(old.name);
    if (!found) {
      // A new field in the same place with the same type is a rename.
      const there = after[index];
      if (there && !beforeNames.has(there.name) && there.type === old.type) {
        renamedTo.add(there.name);
        changes.push(
          change(
            'field-renamed',
            `spec.schema.fields[${index}]`,
            `Field '${old.name}' renamed to '${there.name}'`,
          ),
        );
      } else {
        changes.push(
          change(
            'field-removed',
            'spec.schema.fields',
            `Field '${old.name}' removed`,
          ),
        );
      }
      return;
    }
    const { f, i } = found;
    const path = `spec.schema.fields[${i}]`;
    if ((old.type ?? '') !== (f.type ?? '')) {
      changes.push(
        change(
          'field-type-changed',
          `${path}.type`,
          `Field '${f.name}' changed type from ${old.type ?? 'none'} to ${
            f.type ?? 'none'
          }`,
        ),
      );
    }
    if (!old.required && f.required) {
      changes.push(
        change(
          'field-newly-required',
          `${path}.required`,
          `Field '${f.name}' is now required`,
        ),
      );
    } else if (old.required && !f.required) {
      changes.push(
        change(
          'field-no-longer-required',
          `${path}.required`,
          `Field '${f.name}' is no longer required`,
        ),
      );
    }
    if (!old.pii && f.pii) {
      changes.push(
        change('pii-exposed', `${path}.pii`, `Field '${f.name}' now holds PII`),
      );
    }
  });
  after.forEach((f, i) => {
    if (beforeNames.has(f.name) || renamedTo.has(f.name)) {
      return;
    }
    const path = `spec.schema.fields[${i}]`;
    changes.push(change('field-added', path, `Field '${f.name}' added`));
    if (f.pii) {
      changes.push(
        change('pii-exposed', `${path}.pii`, `New field '${f.name}' holds PII`),
      );
    }
  });
  return changes;
}

function comparePorts(
  before: DataProductVersionSnapshot['outputPorts'],
  after: DataProductVersionSnapshot['outputPorts'],
): VersionChange[] {
  const changes: VersionChange[] = [];
  const afterByName = new Map(after.map((p, i) => [p.name, { p, i }]));
  for (const old of before) {
    const found = afterByName.get(old.name);
    if (!found) {
      changes.push(
        change(
          'port-removed',
          'spec.outputPorts',
          `Output port '${old.name}' removed`,
        ),
      );
      continue;
    }
    const { p, i } = found;
    if (old.type !== p.type) {
      changes.push(
        change(
          'port-protocol-changed',
          `spec.outputPorts[${i}].type`,
          `Output port '${p.name}' changed protocol from ${old.type} to ${p.type}`,
        ),
      );
    }
    if ((old.format ?? '') !== (p.format ?? '')) {
      changes.push(
        change(
          'port-format-changed',
          `spec.outputPorts[${i}].format`,
          `Output port '${p.name}' changed format from ${
            old.format ?? 'none'
          } to ${p.format ?? 'none'}`,
        ),
      );
    }
  }
  const beforeNames = new Set(before.map(p => p.name));
  after.forEach((p, i) => {
    if (!beforeNames.has(p.name)) {
      changes.push(
        change(
          'port-added',
          `spec.outputPorts[${i}]`,
          `Output port '${p.name}' added`,
        ),
      );
    }
  });
  return changes;
}

/** How much better `after` is than `before` (> 0 tighter, < 0 looser). */
function sloDelta(
  objective: string,
  before: string | number,
  after: string | number,
): number | undefined {
  if (PERCENT_OBJECTIVES.includes(objective)) {
    const from = parsePercentTarget(before);
    const to = parsePercentTarget(after);
    return from === undefined || to === undefined ? undefined : to - from;
  }
  const from = parseDurationTarget(before);
  const to = parseDurationTarget(after);
  // A shorter freshness target is a tighter promise.
  return from === undefined || to === undefined ? undefined : from - to;
}

function compareSlos(before: DataProductSlo, after: DataProductSlo) {
  const changes: VersionChange[] = [];
  for (const [objective, old] of Object.entries(before)) {
    const path = `spec.slo.${objective}`;
    const next = after[objective as keyof DataProductSlo];
    if (!old) continue;
    if (!next) {
      changes.push(
        change(
          'slo-loosened',
          path,
          `${objective} SLO (${old.target}) removed`,
        ),
      );
      continue;
    }
    const delta = sloDelta(objective, old.target, next.target);
    if (delta !== undefined && delta !== 0) {
      changes.push(
        change(
          delta < 0 ? 'slo-loosened' : 'slo-tightened',
          `${path}.target`,
          `${objective} SLO ${delta < 0 ? 'loosened' : 'tightened'} from ${
            old.target
          } to ${next.target}`,
        ),
      );
    }
  }
  return changes;
}

/**
 * What changed between two versions of a product's contract, breaking
 * changes marked: removed or renamed fields, changed types, fields newly
 * required, removed output ports or changed protocol or format, loosened
 * or removed SLOs, PII newly exposed. A pure function.
 * @public
 */
export function compareVersions(
  previous: DataProductVersionSnapshot,
  next: DataProductVersionSnapshot,
): VersionChange[] {
  return [
    ...compareFields(previous.fields, next.fields),
    ...comparePorts(previous.outputPorts, next.outputPorts),
    ...compareSlos(previous.slo, next.slo),
  ];
}

/** The changes of {@link compareVersions} that break consumers. @public */
export function breakingChanges(
  previous: DataProductVersionSnapshot,
  next: DataProductVersionSnapshot,
): VersionChange[] {
  return compareVersions(previous, next).filter(c => c.breaking);
}
