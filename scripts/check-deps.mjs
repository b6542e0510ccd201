// `yarn deps:check`: the dependency lists of every workspace package match
// its code, so that each package can be published and installed on its own.
//
// For each package under plugins/ and packages/ it reads the imports of its
// files with TypeScript's own pre-processor and fails, naming the package
// and the dependency, when:
// - shipped code (src/ but tests, migrations/, config.d.ts) imports a package
//   its `dependencies` or `peerDependencies` do not declare;
// - a `dependencies` entry is not imported by shipped code (unused, or used
//   only by tests, dev/ or bench/: then it belongs in `devDependencies`);
// - tests, dev/, bench/ or e2e-tests/ import a package declared nowhere;
// - a `devDependencies` entry is used by nothing (no import, no binary in
//   the package's scripts, no package its @types/ package types);
// - a frontend or isomorphic package (roles frontend*, web-library,
//   common-library) depends on a backend or Node package, or a common
//   library on a frontend one;
// - `files` ships something other than dist, config.d.ts and data read at
//   run time (never src/, dev/, bench/ or tests);
// - the packages declare zod with more than one major, or the zod that
//   @backstage/plugin-scaffolder-node hands to action schemas is another
//   copy than the suite's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { importsOf, manifestOf, root, walk } from './package-imports.mjs';

/** Dependencies code does not import, each with the reason it is declared. */
const DECLARED_FOR = {
  '@datamesh-backstage/plugin-data-mesh-backend': {
    'better-sqlite3': 'the SQLite driver the store tests load through knex',
    pg: 'the PostgreSQL driver the store tests load through knex',
  },
  backend: {
    app: 'the app bundle that @backstage/plugin-app-backend serves',
    'better-sqlite3': 'the SQLite driver knex loads by name',
    pg: 'the PostgreSQL driver knex loads by name',
    'node-gyp': 'builds better-sqlite3 when no prebuilt binary fits',
  },
  app: {
    '@backstage/cli': 'builds and serves the app (package scripts)',
    'react-router': 'one router for every plugin (their peer dependency)',
    'react-router-dom': 'one router for every plugin (their peer dependency)',
    '@testing-library/dom': 'the peer dependency of @testing-library/react',
  },
};

const FRONTEND = ['frontend', 'frontend-plugin', 'frontend-plugin-module'];
const WEB = [...FRONTEND, 'web-library'];
const BACKEND = ['backend', 'backend-plugin', 'backend-plugin-module'];
const NODE = [...BACKEND, 'node-library', 'cli'];
const SHIPPABLE = /^(dist|config\.d\.ts|migrations\/|policies$)/;
const DEV_FILE =
  /(\.test\.|\.spec\.|__testUtils__|__fixtures__|setupTests\.|^(dev|bench|e2e-tests)\/)/;

const problems = [];
const fail = (pkg, message) => problems.push(`${pkg}: ${message}`);

const packageDirs = ['plugins', 'packages'].flatMap(group =>
  readdirSync(join(root, group))
    .map(name => join(root, group, name))
    .filter(dir => existsSync(join(dir, 'package.json'))),
);
const zodRanges = new Map();

for (const dir of packageDirs) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const role = pkg.backstage?.role;
  const deps = Object.keys(pkg.dependencies ?? {});
  const devDeps = Object.keys(pkg.devDependencies ?? {});
  const peers = Object.keys(pkg.peerDependencies ?? {});
  const declaredFor = DECLARED_FOR[pkg.name] ?? {};
  const shipped = new Set();
  const dev = new Set();

  for (const file of walk(dir)) {
    const path = relative(dir, file);
    const isDev =
      DEV_FILE.test(path) || (!path.startsWith('src/') && !isShipped(path));
    for (const name of importsOf(file)) {
      if (name !== pkg.name) (isDev ? dev : shipped).add(name);
    }
  }
  if (walk(dir).some(f => f.endsWith('.tsx'))) {
    // The JSX runtime: .tsx files import react without saying so.
    shipped.add('react');
  }

  for (const name of shipped) {
    if (!deps.includes(name) && !peers.includes(name)) {
      fail(pkg.name, `shipped code imports ${name}; add it to dependencies`);
    }
  }
  for (const name of deps) {
    if (shipped.has(name) || declaredFor[name]) continue;
    const depRole = manifestOf(name, dir)?.json.backstage?.role;
    if (role === 'frontend' && FRONTEND.includes(depRole)) {
      continue; // installed by feature discovery (app.packages: all)
    }
    fail(
      pkg.name,
      dev.has(name)
        ? `${name} is used only by tests, dev/ or bench/; move it to devDependencies`
        : `${name} is declared in dependencies but never imported; remove it`,
    );
  }
  for (const name of dev) {
    if (![...deps, ...devDeps, ...peers].includes(name)) {
      fail(
        pkg.name,
        `tests or tools import ${name}; add it to devDependencies`,
      );
    }
  }
  const scripts = Object.values(pkg.scripts ?? {}).join(' ');
  for (const name of devDeps) {
    const manifest = manifestOf(name, dir)?.json;
    const bins = Object.keys(
      typeof manifest?.bin === 'string'
        ? { [manifest.name]: 1 }
        : manifest?.bin ?? {},
    );
    const typed = name.startsWith('@types/')
      ? name.slice(7).replace(/^(.*)__(.*)$/, '@$1/$2')
      : undefined;
    const used =
      declaredFor[name] ||
      dev.has(name) ||
      shipped.has(name) ||
      peers.includes(name) ||
      bins.some(bin => new RegExp(`(^|[\\s/])${bin}(\\s|$)`).test(scripts)) ||
      (typed && (dev.has(typed) || shipped.has(typed) || deps.includes(typed)));
    if (!used) {
      fail(pkg.name, `${name} is in devDependencies but nothing uses it`);
    }
  }

  if (WEB.includes(role) || role === 'common-library') {
    for (const name of [...deps, ...peers]) {
      if (declaredFor[name]) continue;
      const depRole = manifestOf(name, dir)?.json.backstage?.role;
      if (NODE.includes(depRole)) {
        fail(pkg.name, `a ${role} must not depend on ${name} (${depRole})`);
      } else if (role === 'common-library' && WEB.includes(depRole)) {
        fail(
          pkg.name,
          `a common-library must not depend on ${name} (${depRole})`,
        );
      }
    }
  }
  // A package's command (its `bin`) ships with it.
  const commands = Object.values(pkg.bin ?? {}).map(
    bin => bin.replace(/^\.\//, '').split('/')[0],
  );
  for (const entry of pkg.files ?? []) {
    if (!SHIPPABLE.test(entry) && !commands.includes(entry)) {
      fail(
        pkg.name,
        `"files" ships ${entry}; ship only dist and run-time data`,
      );
    }
  }
  if (pkg.configSchema && !(pkg.files ?? []).includes(pkg.configSchema)) {
    fail(pkg.name, `"files" lacks its configSchema ${pkg.configSchema}`);
  }
  const zod = pkg.dependencies?.zod ?? pkg.devDependencies?.zod;
  if (zod) zodRanges.set(pkg.name, zod);
}

function isShipped(path) {
  return /^(migrations\/|config\.d\.ts$)/.test(path);
}

const majors = new Set(
  [...zodRanges.values()].map(range => range.match(/\d+/)?.[0]),
);
if (majors.size > 1) {
  fail(
    'zod',
    `more than one major declared: ${JSON.stringify([...zodRanges])}`,
  );
}
const ours = manifestOf('zod', join(root, 'plugins'));
const scaffolderNode = manifestOf('@backstage/plugin-scaffolder-node', root);
const theirs =
  scaffolderNode && manifestOf('zod', dirname(scaffolderNode.path));
if (theirs && theirs.path !== ours?.path) {
  fail('zod', `the scaffolder's zod (${theirs.path}) is not the suite's`);
}
if (ours && majors.size === 1 && !majors.has(ours.json.version.split('.')[0])) {
  fail('zod', `zod ${ours.json.version} is installed, not the declared major`);
}

if (problems.length) {
  console.error(problems.map(p => `✗ ${p}`).join('\n'));
  console.error(`${problems.length} dependency problem(s)`);
  process.exit(1);
}
console.log(
  `Dependencies of ${packageDirs.length} packages match their code; zod ${ours?.json.version} everywhere`,
);
