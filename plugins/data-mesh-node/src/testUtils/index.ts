/**
 * Test utilities of the data mesh governance engine: a deterministic
 * synthetic mesh for tests and benchmarks.
 *
 * @packageDocumentation
 */

export * from './syntheticMesh';
