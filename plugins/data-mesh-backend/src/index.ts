/**
 * The data-mesh backend plugin: governance scorecards, rollups and history
 * of the data products in the catalog, served under `/api/data-mesh`.
 *
 * @packageDocumentation
 */

export { dataMeshPlugin as default } from './plugin';
