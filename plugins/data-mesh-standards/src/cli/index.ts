/**
 * The `data-mesh-standards` command line (Node.js only).
 *
 * @packageDocumentation
 */

export { runCli } from './runCli';
export type { CliIo } from './runCli';
