/**
 * The governance engine of the data mesh suite: policy packs as data, rule
 * evaluation with JSON Schema conditions, scoring and rollups; and the
 * extension points of the data-mesh backend.
 *
 * @packageDocumentation
 */

export * from './policy/types';
export * from './policy/parsePolicyPack';
export * from './policy/defaultPolicyPack';
export * from './policy/compilePolicies';
export { ruleStandingAt } from './policy/ruleState';
export type { RuleStanding } from './policy/ruleState';
export * from './engine/EvaluationContext';
export * from './engine/ruleFacts';
export * from './engine/agreementFacts';
export {
  agreementFactsOf,
  type ProductAgreementFacts,
} from './engine/agreementSummary';
export type { InheritedPiiField } from './engine/inheritedPii';
export type { VersionChangeFacts } from './engine/versionChangeFacts';
export * from './engine/sloStatus';
export * from './engine/scoring';
export * from './engine/evaluateProduct';
export {
  DEFAULT_MAX_WAIVER_DAYS,
  entityWaivers,
  normalizeExpiry,
} from './engine/waivers';
export * from './engine/applicableRules';
export * from './engine/waiverStanding';
export * from './engine/waiverHistoryNotes';
export * from './extensions';
export * from './events/productContentHash';
export * from './service/DataMeshService';
export * from './config/governanceGroups';
export * from './access/accessExtensions';
