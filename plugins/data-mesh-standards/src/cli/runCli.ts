import { NotImplementedError } from '@backstage/errors';

/**
 * Runs the `data-mesh-standards` command with its arguments (without `node`
 * and the script): `import <files...> [--out catalog-info.yaml]` or
 * `export <catalog-info.yaml> --format odps|dpds --out <dir>`. Resolves to
 * the process exit code; writes nothing when the input is bad.
 * @public
 */
export async function runCli(args: string[]): Promise<number> {
  throw new NotImplementedError(`data-mesh-standards ${args.join(' ')}`);
}
