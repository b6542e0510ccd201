// The source files, imports and installed manifests that
// scripts/check-deps.mjs compares with each package's dependency lists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ts = createRequire(join(root, 'package.json'))('typescript');
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const builtins = new Set(builtinModules);

/** The source files under `dir`, but node_modules and build output. */
export function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (
      entry.isDirectory() &&
      !['node_modules', 'dist', 'dist-types'].includes(entry.name)
    ) {
      walk(path, out);
    } else if (entry.isFile() && SOURCE.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

/** The packages a file imports (`import`, `require`, `import()`, `jest.mock`). */
export function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const specifiers = ts
    .preProcessFile(text, true, true)
    .importedFiles.map(f => f.fileName);
  for (const m of text.matchAll(
    /(?:jest\.mock|require\.resolve)\(\s*['"]([^'"]+)['"]/g,
  )) {
    specifiers.push(m[1]);
  }
  return specifiers
    .filter(s => !s.startsWith('.') && !s.startsWith('node:'))
    .map(s =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    )
    .filter(name => !builtins.has(name));
}

/** The package.json of a dependency as the package resolves it. */
export function manifestOf(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(path)) {
      return { path, json: JSON.parse(readFileSync(path, 'utf8')) };
    }
    if (dir === dirname(dir)) return undefined;
  }
}
