/**
 * Test utilities of the data mesh governance engine: a deterministic
 * synthetic mesh for tests and benchmarks, and a database service for
 * backends started in tests.
 *
 * @packageDocumentation
 */

export * from './pluginDatabases';
export * from './syntheticMesh';
