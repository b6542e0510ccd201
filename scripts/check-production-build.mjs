// The HTTP checks and the database clean-up of scripts/check-production-build.sh.
//
//   node check-production-build.mjs checks <backend URL> <image folder>
//   node check-production-build.mjs drop-databases <database prefix>
//
// `checks` exits non-zero, naming what failed, unless the backend built as
// the image runs serves the app, the catalog holds the templates and the
// example data products, the data-mesh plugin has scored them, and a
// template run reaches publish:github (which fails for want of credentials:
// the check creates nothing on GitHub). `drop-databases` drops the
// PostgreSQL databases whose names start with the prefix (POSTGRES_* env).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
const TEMPLATES = [
  'aggregate-data-product',
  'consumer-aligned-data-product',
  'source-aligned-data-product',
];

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const started = Date.now();
const log = message =>
  console.log(`    ${((Date.now() - started) / 1000).toFixed(1)}s ${message}`);

/** Retries `probe` until it returns a value or `seconds` pass; then throws. */
async function waitFor(what, seconds, probe) {
  let last;
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; ) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    await sleep(1000);
  }
  throw new Error(`${what}: not within ${seconds}s${last ? ` (${last})` : ''}`);
}

async function checks(baseUrl, imageDir) {
  const call = async (path, options = {}) => {
    const response = await fetch(`${baseUrl}${path}`, options);
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
    }
    return { response, text };
  };

  await call('/.backstage/health/v1/readiness');
  log('health: ready');

  const { response: page, text: html } = await call('/');
  if (!page.headers.get('content-type')?.includes('text/html')) {
    throw new Error(`/ is not the app: ${page.headers.get('content-type')}`);
  }
  log(`app: / serves the frontend (${html.length} bytes of HTML)`);

  // The example portal's sign-in; production configures its own provider.
  const { text: identity } = await call('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = JSON.parse(identity).backstageIdentity.token;
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  };
  const get = async path => JSON.parse((await call(path, { headers })).text);

  const templates = await waitFor('the three templates', 120, async () => {
    const items = await get('/api/catalog/entities?filter=kind=template');
    const names = items.map(t => t.metadata.name).sort();
    return names.join() === TEMPLATES.join() ? names : undefined;
  });
  log(`catalog: Templates ${templates.join(', ')}`);

  const productsDir = join(imageDir, 'examples/products');
  const expected = readdirSync(productsDir)
    .map(file => readFileSync(join(productsDir, file), 'utf8'))
    .join('\n')
    .match(/^kind: DataProduct$/gm).length;
  await waitFor(`${expected} DataProducts in the catalog`, 120, async () => {
    const { totalItems } = await get(
      '/api/catalog/entities/by-query?filter=kind=dataproduct&limit=1',
    );
    return totalItems === expected ? totalItems : undefined;
  });
  log(`catalog: ${expected} DataProducts (as many as examples/products)`);

  const rollups = await waitFor('every product scored', 120, async () => {
    const body = await get('/api/data-mesh/domains');
    return body.mesh.productCount === expected ? body : undefined;
  });
  const { mesh, domains } = rollups;
  if (mesh.averageScore === null || domains.length === 0) {
    throw new Error(`/api/data-mesh/domains: ${JSON.stringify(mesh)}`);
  }
  log(
    `data-mesh: ${mesh.productCount} products scored in ${domains.length} domains, ` +
      `average ${mesh.averageScore}, pass/warn/fail ${mesh.passCount}/${mesh.warnCount}/${mesh.failCount}`,
  );

  await checkTemplateRun(call, headers);
}

/**
 * Runs the source-aligned template: in production it describes the product,
 * copies the skeleton (from the image's templates/), passes the governance
 * check and then publishes with publish:github, which fails here because the
 * backend has no GitHub credentials.
 */
async function checkTemplateRun(call, headers) {
  const name = `production-check-${Date.now().toString(36)}`;
  const values = {
    name,
    title: 'Production Check',
    description: 'A product the production build check creates.',
    domain: 'domain:default/order',
    owner: 'group:default/order-domain-team',
    lifecycle: 'experimental',
    outputPorts: [
      { name: 'check-table', type: 'snowflake', format: 'parquet' },
    ],
    schemaType: 'avro',
    fields: [
      { name: 'check_id', type: 'string', description: 'Id', pii: false },
    ],
    uniqueKey: 'check_id',
    classification: 'internal',
    retention: '90 days',
    freshness: '1 day',
    availability: '99.9%',
  };
  const { text } = await call('/api/scaffolder/v2/tasks', {
    method: 'POST',
    headers,
    body: JSON.stringify({
      templateRef: 'template:default/source-aligned-data-product',
      values,
    }),
  });
  const { id } = JSON.parse(text);
  const get = async path => JSON.parse((await call(path, { headers })).text);
  const task = await waitFor('the template run', 120, async () => {
    const t = await get(`/api/scaffolder/v2/tasks/${id}`);
    return ['completed', 'failed'].includes(t.status) ? t : undefined;
  });
  const events = await get(`/api/scaffolder/v2/tasks/${id}/events`);
  const stepsWith = status =>
    events
      .filter(e => e.body.stepId && e.body.status === status)
      .map(e => e.body.stepId);
  const failure = events.find(e => e.body.status === 'failed');
  const outcome = {
    status: task.status,
    completed: stepsWith('completed').join(),
    skipped: stepsWith('skipped').join(),
    failed: stepsWith('failed').join(),
  };
  const expected = {
    status: 'failed',
    completed: 'product,skeleton,governance',
    skipped: 'publish,register',
    failed: 'repository',
  };
  if (
    JSON.stringify(outcome) !== JSON.stringify(expected) ||
    !failure.body.message.includes('No token available for host: github.com')
  ) {
    throw new Error(
      `template run: ${JSON.stringify(outcome)}, expected ${JSON.stringify(
        expected,
      )}: ${failure?.body.message.split('\n')[0]}`,
    );
  }
  log(
    `scaffolder: ${name} ran product, skeleton, governance; publish:github ` +
      `stopped at "${failure.body.message.split('. ')[0]}"`,
  );
}

async function dropDatabases(prefix) {
  if (!/^[a-z0-9_]+$/.test(prefix)) {
    throw new Error(`Unsafe database prefix ${prefix}`);
  }
  // pg is a dependency of the backend, installed at the repository root.
  const { Client } = createRequire(join(process.cwd(), 'package.json'))('pg');
  const client = new Client({
    host: process.env.POSTGRES_HOST,
    port: Number(process.env.POSTGRES_PORT),
    user: process.env.POSTGRES_USER,
    password: process.env.POSTGRES_PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
        [datname],
      );
      await client.query(`DROP DATABASE "${datname}"`);
    }
    console.log(`    dropped ${rows.length} databases ${prefix}*`);
  } finally {
    await client.end();
  }
}

try {
  if (command === 'checks') {
    await checks(args[0], args[1]);
  } else if (command === 'drop-databases') {
    await dropDatabases(args[0]);
  } else {
    throw new Error(`Unknown command ${command}`);
  }
} catch (error) {
  console.error(`FAILED: ${error.message}`);
  process.exit(1);
}
