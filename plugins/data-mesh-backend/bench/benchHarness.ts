// Shared pieces of the backend benchmarks: databases, an in-memory catalog
// served in pages, the plugin's services, memory sampling, and one child
// process per run so that each run's peak memory is its own.
import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { JsonObject } from '@backstage/types';
import {
  createSyntheticDomains,
  createSyntheticGroups,
  createSyntheticProducts,
} from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { fork } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataMeshServices } from '../src/service/createDataMeshServices';

/** PostgreSQL for the benchmarks: BENCH_POSTGRES_URL or the test database. */
export const postgresUrl =
  process.env.BENCH_POSTGRES_URL ??
  Object.entries(process.env).find(([k]) =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
  )?.[1];

/**
 * The pragmas of a production SQLite file: write-ahead log (readers do not
 * block the writer, one fsync per checkpoint rather than per commit),
 * `synchronous = NORMAL` (durable at checkpoints, safe with WAL), foreign
 * keys on as Backstage sets them, and a busy timeout.
 */
export const SQLITE_FILE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
];

/**
 * A fresh database: SQLite in memory (or, with `sqliteFile`, in a
 * temporary file with SQLITE_FILE_PRAGMAS, deleted on close), or a new
 * PostgreSQL database.
 */
export async function openDatabase(
  engine: string,
  options: { sqliteFile?: boolean } = {},
): Promise<{
  knex: Knex;
  close: () => Promise<void>;
  /** The size of the database's files on disk, in MB (SQLite files only). */
  sizeMb?: () => number;
}> {
  if (engine === 'sqlite' && options.sqliteFile) {
    const dir = mkdtempSync(join(tmpdir(), 'data-mesh-bench-'));
    const filename = join(dir, 'data-mesh.sqlite');
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (connection: any, done: (error: unknown) => void) => {
          for (const pragma of SQLITE_FILE_PRAGMAS) connection.pragma(pragma);
          done(null);
        },
      },
    });
    const sizeMb = () =>
      Math.round(
        readdirSync(dir).reduce(
          (sum, file) => sum + statSync(join(dir, file)).size,
          0,
        ) / 1048576,
      );
    return {
      knex,
      sizeMb,
      close: async () => {
        await knex.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (engine === 'sqlite') {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
    });
    return { knex, close: () => knex.destroy() };
  }
  if (!postgresUrl) throw new Error('No PostgreSQL connection string');
  const name = `data_mesh_bench_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: postgresUrl });
  await admin.raw(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 1, max: 5 },
  });
  return {
    knex,
    close: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE ${name}`);
      await admin.destroy();
    },
  };
}

/**
 * A catalog serving entities from memory in pages, as the real catalog does
 * with keyset pagination (Backstage's in-memory test client filters and
 * sorts the whole set for every page, which would dominate the figures),
 * with an etag on each entity as the catalog sets.
 */
export function benchCatalog(entities: Entity[]): CatalogService {
  // Like the catalog, every entity has an etag; whoever changes an entity
  // here gives it a new one.
  entities.forEach((entity, i) => {
    entity.metadata.etag ??= `etag-${i}`;
  });
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const ofKind = (request?: any) => {
    const kind = String(request?.filter?.kind).toLocaleLowerCase('en-US');
    return entities.filter(e => e.kind.toLocaleLowerCase('en-US') === kind);
  };
  return {
    async *streamEntities(request?: any) {
      const matching = ofKind(request);
      const pageSize = request?.pageSize ?? 500;
      for (let i = 0; i < matching.length; i += pageSize) {
        yield matching.slice(i, i + pageSize);
      }
    },
    async getEntities(request?: any) {
      return { items: ofKind(request) };
    },
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      return { items: request.entityRefs.map(ref => byRef.get(ref)) };
    },
  } as unknown as CatalogService;
}

/** The synthetic mesh: its groups, Domains and `count` products. */
export function benchMesh(count: number) {
  const products = createSyntheticProducts(count);
  return {
    products,
    entities: [
      ...createSyntheticGroups(),
      ...createSyntheticDomains(),
      ...products,
    ],
  };
}

export const benchLogger: LoggerService = {
  info() {},
  debug() {},
  warn: message => console.warn(message),
  error: message => console.error(message),
  child: () => benchLogger,
};

/** The plugin's own service credentials. */
const benchCredentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'service', subject: 'plugin:data-mesh' },
} as BackstageCredentials;

const benchAuth = {
  getOwnServiceCredentials: async () => benchCredentials,
} as unknown as AuthService;

/** Every catalog entity may be read: each request is allowed. */
const allowAll = async (requests: unknown[]) =>
  requests.map(() => ({ result: AuthorizeResult.ALLOW }));
const benchPermissions = {
  authorize: allowAll,
  authorizeConditional: allowAll,
} as unknown as PermissionsService;

/**
 * The plugin's services over a database and catalog, as the plugin builds
 * them (every catalog read allowed unless `permissions` say otherwise).
 * The core services are the few methods the services call (not
 * Backstage's mocks, which load every default service implementation and
 * would weigh on the benchmarks' memory).
 */
export function createBenchServices(
  knex: Knex,
  catalog: CatalogService,
  config: JsonObject = {},
  permissions: PermissionsService = benchPermissions,
) {
  return createDataMeshServices({
    config: new ConfigReader(config),
    logger: benchLogger,
    database: { getClient: async () => knex },
    auth: benchAuth,
    permissions,
    catalog,
    modulePacks: [],
  });
}

/**
 * Collects the JavaScript heap's garbage now (what a benchmark's set-up
 * left behind), so that the run timed next does not pay for it.
 */
export function collectGarbage() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Samples memory while a function runs (every 20 ms, when the event loop
 * gets a turn); returns its duration, the CPU time the process used, the
 * peak RSS of the whole process and the peak of the JavaScript heap in use.
 */
export async function measure<T>(fn: () => Promise<T>) {
  let peak = process.memoryUsage();
  const sample = () => {
    const now = process.memoryUsage();
    peak = {
      ...peak,
      rss: Math.max(peak.rss, now.rss),
      heapUsed: Math.max(peak.heapUsed, now.heapUsed),
    };
  };
  const timer = setInterval(sample, 20);
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuStarted);
  clearInterval(timer);
  sample();
  return {
    result,
    ms,
    /** CPU time of this process meanwhile: less swayed by other work. */
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: Math.round(peak.rss / 1048576),
    peakHeapUsedMb: Math.round(peak.heapUsed / 1048576),
  };
}

/**
 * Runs `run(engine, size)` for every engine and size, each in a child
 * process of the calling script, and returns the rows they print.
 */
export async function runEach(
  script: string,
  run: (engine: string, size: number) => Promise<Record<string, any>>,
  defaults = { sizes: '10000,100000', engines: 'sqlite,postgres' },
): Promise<Array<Record<string, any>> | undefined> {
  if (process.argv[2] === '--run') {
    console.log(
      JSON.stringify(await run(process.argv[3], Number(process.argv[4]))),
    );
    return undefined;
  }
  const sizes = (process.argv[2] ?? defaults.sizes).split(',').map(Number);
  const engines = (process.argv[3] ?? defaults.engines).split(',');
  const rows = [];
  for (const engine of engines) {
    if (engine === 'postgres' && !postgresUrl) {
      console.log(
        JSON.stringify({ engine, skipped: 'no PostgreSQL connection string' }),
      );
      continue;
    }
    for (const size of sizes) {
      const row = await new Promise<Record<string, any>>((resolve, reject) => {
        const child = fork(script, ['--run', engine, String(size)], {
          execArgv: process.execArgv,
          stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
        });
        let output = '';
        child.stdout!.on('data', chunk => (output += chunk));
        child.on('exit', code =>
          code === 0
            ? resolve(JSON.parse(output.trim().split('\n').pop()!))
            : reject(new Error(`benchmark run exited with ${code}`)),
        );
      });
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
  return rows;
}
