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
export * from './engine/EvaluationContext';
export * from './engine/facts';
export * from './engine/sloStatus';
export * from './engine/scoring';
export * from './engine/evaluateProduct';
export { entityWaivers } from './engine/waivers';
export * from './extensions';
export * from './events/productContentHash';
