// Shared pieces of the backend benchmarks: databases, an in-memory catalog
// served in pages, the plugin's services, memory sampling, and one child
// process per run so that each run's peak memory is its own.
import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { JsonObject } from '@backstage/types';
import {
  createSyntheticGroups,
  createSyntheticProducts,
  SYNTHETIC_DOMAINS,
} from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { fork } from 'node:child_process';
import { createDataMeshServices } from '../src/service/createDataMeshServices';

/** PostgreSQL for the benchmarks: BENCH_POSTGRES_URL or the test database. */
export const postgresUrl =
  process.env.BENCH_POSTGRES_URL ??
  Object.entries(process.env).find(([k]) =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
  )?.[1];

/** A fresh database: SQLite in memory, or a new PostgreSQL database. */
export async function openDatabase(
  engine: string,
): Promise<{ knex: Knex; close: () => Promise<void> }> {
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
 * sorts the whole set for every page, which would dominate the figures).
 */
export function benchCatalog(entities: Entity[]): CatalogService {
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
  const domains: Entity[] = SYNTHETIC_DOMAINS.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name, title: name },
    spec: { owner: `${name}-domain-team` },
  }));
  return {
    products,
    entities: [...createSyntheticGroups(), ...domains, ...products],
  };
}

export const benchLogger: LoggerService = {
  info() {},
  debug() {},
  warn: message => console.warn(message),
  error: message => console.error(message),
  child: () => benchLogger,
};

const noCache: CacheService = {
  get: async () => undefined,
  set: async () => {},
  delete: async () => {},
  withOptions: () => noCache,
};

/** The plugin's services over a database and catalog, as the plugin builds them. */
export function createBenchServices(
  knex: Knex,
  catalog: CatalogService,
  config: JsonObject = {},
) {
  return createDataMeshServices({
    config: mockServices.rootConfig({ data: config }),
    logger: benchLogger,
    database: mockServices.database({ knex }),
    auth: mockServices.auth(),
    permissions: mockServices.permissions(),
    cache: noCache,
    catalog,
    modulePacks: [],
  });
}

/** Samples RSS while a function runs; returns its duration and the peak. */
export async function measure<T>(fn: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, ms, peakRssMb: Math.round(peak / 1048576) };
}

/**
 * Runs `run(engine, size)` for every engine and size, each in a child
 * process of the calling script, and returns the rows they print.
 */
export async function runEach(
  script: string,
  run: (engine: string, size: number) => Promise<Record<string, any>>,
): Promise<Array<Record<string, any>> | undefined> {
  if (process.argv[2] === '--run') {
    console.log(
      JSON.stringify(await run(process.argv[3], Number(process.argv[4]))),
    );
    return undefined;
  }
  const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
  const engines = (process.argv[3] ?? 'sqlite,postgres').split(',');
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
