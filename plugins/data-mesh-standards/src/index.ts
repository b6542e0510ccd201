/**
 * Converts the open standards of data products and data contracts (Bitol
 * ODPS and ODCS, Open Data Mesh DPDS, Data Contract Specification) to and
 * from `DataProduct` entities, with a loss report of what did not map.
 * Isomorphic: runs in the browser and in Node.js. The command line lives in
 * the `./cli` entry point.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './errors';
export { detectStandard, isSupportedVersion } from './parse/detectStandard';
export { detectStandardFile, referencedPaths } from './parse/standardFiles';
export { importProduct } from './import/importProduct';
export { exportProduct } from './export/exportProduct';
