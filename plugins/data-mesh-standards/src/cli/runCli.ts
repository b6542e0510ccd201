import fs from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { toYaml } from '../parse/toYaml';
import { InputError, isError } from '@backstage/errors';
import { exportProduct } from '../export/exportProduct';
import { importProduct } from '../import/importProduct';
import type { LossReportEntry, StandardFile } from '../types';

const USAGE = `Usage:
  data-mesh-standards import <files...> [--out catalog-info.yaml]
      Reads one product's ODPS, ODCS, DPDS or Data Contract Specification files
      (detected from their content), writes the DataProduct entity and its
      ODCS contracts, and prints the loss report.
  data-mesh-standards export <catalog-info.yaml> --format odps|dpds --out <dir>
      Writes the product as ODPS 1.0 + ODCS 3.1, or as DPDS 1.0, and prints
      what the target standard cannot hold.`;

/** Where the command writes and reads relative paths from. @public */
export interface CliIo {
  /** The directory relative paths start from. */
  cwd: string;
  /** Where the written files and the loss report are printed. */
  stdout: (text: string) => void;
  /** Where errors and the usage are printed. */
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  cwd: process.cwd(),
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) {
    throw new InputError(`${name} needs a value`);
  }
  args.splice(i, 2);
  return value;
}

function readText(io: CliIo, file: string): string {
  try {
    return fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(
      `${file}: cannot read the file (${
        isError(error) ? error.message : error
      })`,
    );
  }
}

function printLoss(io: CliIo, lossReport: LossReportEntry[]) {
  if (lossReport.length === 0) {
    io.stdout('Loss report: nothing lost.\n');
    return;
  }
  io.stdout(`Loss report (${lossReport.length}):\n`);
  for (const entry of lossReport) {
    io.stdout(
      `  ${entry.file}${entry.path ? ` ${entry.path}` : ''}: ${entry.reason}\n`,
    );
  }
}

/** Writes every file, or none: all paths are checked before the first write. */
function writeAll(
  io: CliIo,
  files: Array<{ target: string; content: string }>,
) {
  for (const file of files) {
    const dir = path.dirname(file.target);
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
      throw new InputError(`${dir} is not a directory`);
    }
  }
  for (const file of files) {
    fs.mkdirSync(path.dirname(file.target), { recursive: true });
    fs.writeFileSync(file.target, file.content, 'utf8');
    io.stdout(`Wrote ${path.relative(io.cwd, file.target) || file.target}\n`);
  }
}

/** The deepest directory that holds all the given absolute paths. */
function commonDirectory(files: string[]): string {
  const within = (dir: string) =>
    files.every(file => file.startsWith(dir + path.sep));
  let dir = path.dirname(files[0]);
  while (!within(dir) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}

function runImport(args: string[], io: CliIo) {
  const out = option(args, '--out') ?? 'catalog-info.yaml';
  if (args.length === 0) throw new InputError('import needs at least one file');
  // Paths relative to the directory the files share, as references between them are written.
  const absolute = args.map(file => path.resolve(io.cwd, file));
  const base = commonDirectory(absolute);
  const files: StandardFile[] = args.map((file, i) => ({
    path: path.relative(base, absolute[i]).split(path.sep).join('/'),
    content: readText(io, file),
  }));
  const result = importProduct(files);
  const target = path.resolve(io.cwd, out);
  const outDir = path.dirname(target);
  writeAll(io, [
    {
      target,
      content: toYaml(result.entity),
    },
    ...result.contracts.map(c => ({
      target: path.resolve(outDir, c.path),
      content: c.content,
    })),
  ]);
  io.stdout(
    `Imported ${result.format} ${result.version} as DataProduct ${result.entity.metadata.name}\n`,
  );
  // The catalog ingests an imported product without these; governance scores them.
  const scored = ['spec.type', 'spec.lifecycle', 'spec.domain'];
  const unset = result.missing.filter(field => scored.includes(field));
  const required = result.missing.filter(field => !scored.includes(field));
  if (required.length > 0) {
    io.stdout(
      `Not in the source, to set before the catalog accepts the product: ${required.join(
        ', ',
      )}\n`,
    );
  }
  if (unset.length > 0) {
    io.stdout(
      `Not in the source, so not set (governance scores them as such): ${unset.join(
        ', ',
      )}\n`,
    );
  }
  printLoss(io, result.lossReport);
}

function runExport(args: string[], io: CliIo) {
  const format = option(args, '--format');
  const out = option(args, '--out');
  if (args.length !== 1 || !out || (format !== 'odps' && format !== 'dpds')) {
    throw new InputError(
      'export needs one catalog-info.yaml, --format odps|dpds and --out <dir>',
    );
  }
  const file = args[0];
  let docs: unknown[];
  try {
    docs = loadAll(readText(io, file));
  } catch (error) {
    throw new InputError(`${file}: ${isError(error) ? error.message : error}`);
  }
  const products = docs.filter((d: any) => d?.kind === 'DataProduct');
  if (products.length !== 1) {
    throw new InputError(
      `${file}: expected one DataProduct entity, found ${products.length}`,
    );
  }
  const entity = products[0] as any;
  const base = path.dirname(path.resolve(io.cwd, file));
  const contracts: StandardFile[] = [];
  for (const port of [
    ...(entity.spec?.inputPorts ?? []),
    ...(entity.spec?.outputPorts ?? []),
  ]) {
    const contract = port?.contract;
    if (
      typeof contract === 'string' &&
      /\.(ya?ml|json)$/i.test(contract) &&
      !/^[a-z]+:/i.test(contract)
    ) {
      const at = path.resolve(base, contract);
      if (fs.existsSync(at))
        contracts.push({
          path: contract,
          content: fs.readFileSync(at, 'utf8'),
        });
    }
  }
  const result = exportProduct(entity, { format, contracts });
  const dir = path.resolve(io.cwd, out);
  writeAll(
    io,
    result.files.map(f => ({
      target: path.resolve(dir, f.path),
      content: f.content,
    })),
  );
  printLoss(io, result.lossReport);
}

/**
 * Runs the `data-mesh-standards` command with its arguments (without `node`
 * and the script): `import <files...> [--out catalog-info.yaml]` or
 * `export <catalog-info.yaml> --format odps|dpds --out <dir>`. Resolves to
 * the process exit code: 0 when done, 1 for bad input (a message names the
 * file and position, and nothing is written), 2 for bad usage.
 * @public
 */
export async function runCli(
  args: string[],
  io: CliIo = defaultIo,
): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'import' && command !== 'export') {
    (command === '--help' || command === 'help' ? io.stdout : io.stderr)(
      `${USAGE}\n`,
    );
    return command === '--help' || command === 'help' ? 0 : 2;
  }
  try {
    if (command === 'import') runImport(rest, io);
    else runExport(rest, io);
    return 0;
  } catch (error) {
    if (isError(error) && error.name === 'InputError') {
      io.stderr(`data-mesh-standards ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
