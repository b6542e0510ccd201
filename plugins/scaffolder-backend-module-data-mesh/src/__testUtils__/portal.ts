import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
// The templates are tested against the real data-mesh backend, so that the
// governance check applies the portal's effective policies.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import dataMeshPlugin from '@datamesh-backstage/plugin-data-mesh-backend';
import scaffolderModuleDataMesh from '../index';
import { fakeGitHub } from './fakeGitHub';
import { folderCatalog } from './folderCatalog';

/** The repository root, where `templates/` and `examples/` live. */
export const repoRoot = resolve(__dirname, '../../../..');

const yamlDocuments = (file: string): any[] =>
  parseAllDocuments(readFileSync(join(repoRoot, file), 'utf8'))
    .map(d => d.toJS())
    .filter(Boolean);

/** The example mesh's groups, domains and data products, as the portal loads them. */
export function exampleMesh(): Entity[] {
  const products = readdirSync(join(repoRoot, 'examples/products')).map(
    file => `examples/products/${file}`,
  );
  return ['examples/org.yaml', 'examples/domains.yaml', ...products].flatMap(
    yamlDocuments,
  );
}

/** A template of `templates/data-products`, as an entity. */
export const loadTemplate = (name: string) =>
  parse(
    readFileSync(
      join(repoRoot, 'templates/data-products', `${name}.yaml`),
      'utf8',
    ),
  );

/** The files next to the templates (the skeleton), as the dry-run API takes them. */
export function templateDirectoryContents(): Array<{
  path: string;
  base64Content: string;
}> {
  const base = join(repoRoot, 'templates/data-products');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : [join(dir, entry.name)],
    );
  return walk(join(base, 'skeleton')).map(file => ({
    path: relative(base, file),
    base64Content: readFileSync(file).toString('base64'),
  }));
}

/** The names of the three self-serve templates. */
export const TEMPLATES = [
  'source-aligned-data-product',
  'consumer-aligned-data-product',
  'aggregate-data-product',
];

/** The three templates, as the catalog holds them (with their file location). */
export function templateEntities(): Entity[] {
  return TEMPLATES.map(name => {
    const template = loadTemplate(name);
    const file = join(repoRoot, 'templates/data-products', `${name}.yaml`);
    template.metadata.annotations = {
      'backstage.io/managed-by-location': `file:${file}`,
    };
    return template;
  });
}

/**
 * The `scaffolder.defaultEnvironment.parameters` of one of the repository's
 * app-config files, which choose where the templates publish; `${NAME}`
 * stands for `env.NAME`.
 */
export function publishingOf(
  appConfigFile: string,
  env: Record<string, string> = {},
): Record<string, string> {
  const text = readFileSync(join(repoRoot, appConfigFile), 'utf8');
  const parameters = parse(text).scaffolder.defaultEnvironment.parameters;
  return Object.fromEntries(
    Object.entries<string>(parameters).map(([name, value]) => [
      name,
      value.replace(/\$\{(\w+)\}/g, (_, variable) => env[variable]),
    ]),
  );
}

/** How the example portal publishes: locally (app-config.yaml). */
export const LOCAL_PUBLISHING = publishingOf('app-config.yaml');

/**
 * Starts the scaffolder with this module and the real data-mesh backend
 * (effective policies: the default pack and the example domain packs) over
 * an in-memory catalog of the example mesh and the templates, whose
 * self-serve Location reads `publishDir`. `publishing` is the portal's
 * `scaffolder.defaultEnvironment.parameters` (default: the example portal's).
 * `publish:github` is a {@link fakeGitHub} that pushes to `gitHubDir`
 * (default: `github` next to `publishDir`), and the catalog reads the
 * locations `catalog:register` adds from there.
 */
export async function startPortal(options: {
  publishDir: string;
  publishing?: Record<string, string>;
  gitHubDir?: string;
}) {
  const github = fakeGitHub(
    options.gitHubDir ?? resolve(options.publishDir, '../github'),
  );
  const { catalog } = folderCatalog(options.publishDir, {
    entities: [...exampleMesh(), ...templateEntities()],
    readUrl: github.readEntity,
  });
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleDataMesh,
      github.module,
      dataMeshPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => ({
          async publish() {},
          async subscribe() {},
        }),
      }),
      mockServices.rootConfig.factory({
        data: {
          scaffolder: {
            defaultEnvironment: {
              parameters: options.publishing ?? LOCAL_PUBLISHING,
            },
          },
          dataMesh: {
            governance: {
              packFiles: ['finance', 'customer'].map(domain =>
                join(repoRoot, `examples/policies/${domain}.yaml`),
              ),
            },
            selfServe: {
              localPublishDir: options.publishDir,
              ingestionTimeout: { seconds: 5 },
            },
          },
        },
      }),
    ],
  });
  return {
    api: request(backend.server),
    catalog,
    github,
    stop: () => backend.stop(),
  };
}
