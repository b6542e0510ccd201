import type {
  Scorecard,
  Violation,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  countViolations,
  DEFAULT_SCORE_WEIGHTS,
  scoreViolations,
} from '@datamesh-backstage/plugin-data-mesh-node';

/** A scorecard for store tests; violations give the score and status. */
export function scorecard(
  name: string,
  options: {
    domain?: string;
    type?: string;
    violations?: Array<Partial<Violation> & { ruleId: string }>;
    evaluatedAt?: string;
  } = {},
): Scorecard {
  const violations: Violation[] = (options.violations ?? []).map(v => ({
    severity: 'error',
    message: `${v.ruleId} broken`,
    remediation: 'fix it',
    path: 'spec',
    waived: false,
    ...v,
  }));
  const { score, status } = scoreViolations(
    countViolations(violations),
    DEFAULT_SCORE_WEIGHTS,
  );
  return {
    entityRef: `dataproduct:default/${name}`,
    score,
    status,
    violations,
    evaluatedAt: options.evaluatedAt ?? '2026-11-20T10:00:00.000Z',
    policyVersion: 'v1',
    domain: `domain:default/${options.domain ?? 'customer'}`,
    owner: 'group:default/customer-domain-team',
    type: options.type ?? 'source-aligned',
    lifecycle: 'production',
  };
}
