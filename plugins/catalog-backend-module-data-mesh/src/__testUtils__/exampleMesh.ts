import { Entity } from '@backstage/catalog-model';
import { importProduct } from '@datamesh-backstage/plugin-data-mesh-standards';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { importedEntity } from '../standards/importedEntity';
import { detectStandardText } from '../standards/standardProductFiles';

/** The repository root, where `examples/` and `app-config*.yaml` live. */
export const repoRoot = resolve(__dirname, '../../../..');

/**
 * The portal's configuration files and the folder their file locations are
 * relative to: the backend package in development, the repository root in
 * production.
 */
export const portalConfigs = [
  { file: 'app-config.yaml', base: 'packages/backend' },
  { file: 'app-config.production.yaml', base: '.' },
];

/** Parses every document of a YAML file of the repository; throws on errors. */
export function readYaml(file: string): any[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return parseAllDocuments(text).map(document => {
    if (document.errors.length) {
      throw new Error(`${file}: ${document.errors[0].message}`);
    }
    return document.toJS();
  });
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? yamlFiles(join(dir, entry.name))
        : [join(dir, entry.name)],
    )
    .filter(path => /\.ya?ml$/.test(path))
    .sort();
}

/** Paths, relative to the repository root, of every YAML file in `examples/`. */
export function exampleFiles(): string[] {
  return yamlFiles(join(repoRoot, 'examples')).map(path =>
    relative(repoRoot, path),
  );
}

/** The catalog's config: rules and file locations relative to the root. */
export function catalogConfig(config = portalConfigs[0]) {
  const [{ catalog }] = readYaml(config.file);
  const targets: string[] = catalog.locations
    .filter((location: { type: string }) => location.type === 'file')
    .map((location: { target: string }) => join(config.base, location.target));
  return { rules: catalog.rules as Array<{ allow: string[] }>, targets };
}

/**
 * The product an open-standard example file imports as, as the catalog
 * stores it: the files of its folder are the product's (its contracts, its
 * `$ref`ed ports). Undefined when the sources give no value for a field the
 * kind requires: the catalog refuses such a file (see
 * `StandardFilesProcessor`).
 */
function importExample(file: string, text: string): Entity | undefined {
  const folder = join(repoRoot, dirname(file));
  const files = [join(repoRoot, file), ...dataFiles(folder)]
    .filter((path, i, all) => all.indexOf(path) === i)
    .map(path => ({
      path: relative(folder, path),
      content:
        path === join(repoRoot, file) ? text : readFileSync(path, 'utf8'),
    }));
  const result = importProduct(files);
  return result.missing.length ? undefined : importedEntity(result);
}

function dataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? dataFiles(join(dir, entry.name))
        : [join(dir, entry.name)],
    )
    .filter(path => /\.(ya?ml|json)$/.test(path))
    .sort();
}

/**
 * Every entity of the example mesh: what the portal's catalog locations load
 * from `examples/`, with the file each entity comes from. Files in an open
 * standard load as the product they import as.
 */
export function loadExampleMesh(): Array<{ file: string; entity: Entity }> {
  return catalogConfig()
    .targets.filter(file => file.startsWith('examples/'))
    .flatMap(file => {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      if (detectStandardText(text)) {
        const entity = importExample(file, text);
        return entity ? [{ file, entity }] : [];
      }
      return readYaml(file)
        .filter(Boolean)
        .map(entity => ({ file, entity: entity as Entity }));
    });
}
