import {
  DetectedStandard,
  detectStandard,
  StandardFile,
} from '@datamesh-backstage/plugin-data-mesh-standards';
import { posix } from 'node:path';
import { isMap, parseAllDocuments } from 'yaml';
import { LocationFiles } from './locationFiles';

/** Most files one product may join (the product, contracts, `$ref`ed files). */
export const MAX_PRODUCT_FILES = 100;

/**
 * The open standard a file is written in, from its content: one YAML or
 * JSON document whose fields name a standard (see `detectStandard`).
 * Undefined for anything else, including text that is not YAML at all (the
 * catalog's own readers report that). Duplicate keys do not hide a standard:
 * the import reports them.
 */
export function detectStandardText(
  text: string,
): { standard: DetectedStandard; data: unknown } | undefined {
  const documents = parseAllDocuments(text, { uniqueKeys: false });
  if (!Array.isArray(documents) || documents.length !== 1) {
    return undefined;
  }
  const [document] = documents;
  if (!isMap(document.contents)) {
    return undefined;
  }
  try {
    const data = document.toJS({ maxAliasCount: 100 });
    const standard = detectStandard(data);
    return standard ? { standard, data } : undefined;
  } catch {
    return undefined;
  }
}

/** The files a document refers to with `$ref` (a DPDS descriptor's ports, APIs, schemas). */
function references(data: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(data)) {
    data.forEach(item => references(item, found));
  } else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key === '$ref' && typeof value === 'string') {
        const path = value.split('#')[0];
        if (path && !/^[a-z][a-z0-9+.-]*:/i.test(path)) {
          found.add(path);
        }
      } else {
        references(value, found);
      }
    }
  }
  return found;
}

/** The contract ids an ODPS product's ports name. */
function contractIds(data: any): Set<string> {
  const ids = new Set<string>();
  for (const side of ['inputPorts', 'outputPorts']) {
    for (const port of Array.isArray(data?.[side]) ? data[side] : []) {
      if (typeof port?.contractId === 'string') {
        ids.add(port.contractId);
      }
    }
  }
  return ids;
}

/** Absolute URLs of YAML or JSON files in `authoritativeDefinitions`, anywhere. */
function definitionUrls(data: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(data)) {
    data.forEach(item => definitionUrls(item, found));
  } else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'authoritativeDefinitions' && Array.isArray(value)) {
        for (const definition of value) {
          const url = definition?.url;
          if (
            typeof url === 'string' &&
            /^https?:.*\.(ya?ml|json)$/i.test(url)
          ) {
            found.add(url);
          }
        }
      } else {
        definitionUrls(value, found);
      }
    }
  }
  return found;
}

/** Parses a file read next to the product; undefined when it is not one YAML document. */
function parseData(content: string): unknown {
  const parsed = parseAllDocuments(content, { uniqueKeys: false });
  if (!Array.isArray(parsed) || parsed.length !== 1) {
    return undefined;
  }
  try {
    return parsed[0].toJS();
  } catch {
    return undefined;
  }
}

/**
 * The contracts an ODPS product's ports name by id: among the files it links
 * to in `authoritativeDefinitions` (same origin as a URL location), and the
 * files next to it and in its `contracts/` folder (file locations).
 */
async function readContracts(
  files: LocationFiles,
  mainData: unknown,
  known: Set<string>,
): Promise<StandardFile[]> {
  const wanted = contractIds(mainData);
  if (wanted.size === 0) {
    return [];
  }
  const candidates = [
    ...definitionUrls(mainData),
    ...(await files.neighbours()),
  ].filter(path => !known.has(path));
  const contracts: StandardFile[] = [];
  for (const path of candidates) {
    if (contracts.length >= MAX_PRODUCT_FILES) break;
    const content = await files.readRelative(path).catch(() => undefined);
    const data: any = content === undefined ? undefined : parseData(content);
    const standard = data && detectStandard(data);
    if (
      standard &&
      (standard.format === 'odcs' || standard.format === 'dcs') &&
      wanted.has(String(data.id))
    ) {
      known.add(path);
      contracts.push({ path, content: content! });
    }
  }
  return contracts;
}

/**
 * One product's files: the location's target, every file it refers to with
 * `$ref`, transitively, by paths relative to the target's folder, and for
 * an ODPS product the contracts its ports name (see `readContracts`). A file
 * that cannot be read is left out: the import reports what it misses.
 */
export async function readProductFiles(
  files: LocationFiles,
  mainText: string,
  detected: { standard: DetectedStandard; data: unknown },
): Promise<StandardFile[]> {
  const product: StandardFile[] = [{ path: files.mainPath, content: mainText }];
  const seen = new Set([files.mainPath]);
  const queue: Array<{ from: string; data: unknown }> = [
    { from: files.mainPath, data: detected.data },
  ];
  while (queue.length && product.length < MAX_PRODUCT_FILES) {
    const { from, data } = queue.shift()!;
    for (const ref of references(data)) {
      const path = posix.normalize(posix.join(posix.dirname(from), ref));
      if (seen.has(path) || product.length >= MAX_PRODUCT_FILES) {
        continue;
      }
      seen.add(path);
      const content = await files.readRelative(path).catch(() => undefined);
      if (content !== undefined) {
        product.push({ path, content });
        queue.push({ from: path, data: parseData(content) });
      }
    }
  }
  if (detected.standard.format === 'odps') {
    product.push(...(await readContracts(files, detected.data, seen)));
  }
  return product.slice(0, MAX_PRODUCT_FILES);
}
