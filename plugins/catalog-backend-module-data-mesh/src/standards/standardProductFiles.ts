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

/**
 * One product's files: the location's target and every file it refers to,
 * transitively, by paths relative to the target's folder. A reference that
 * cannot be read is left out; the import reports it as not found.
 */
export async function readProductFiles(
  files: LocationFiles,
  mainText: string,
  mainData: unknown,
): Promise<StandardFile[]> {
  const product: StandardFile[] = [{ path: files.mainPath, content: mainText }];
  const seen = new Set([files.mainPath]);
  const queue: Array<{ from: string; data: unknown }> = [
    { from: files.mainPath, data: mainData },
  ];
  while (queue.length && product.length < MAX_PRODUCT_FILES) {
    const { from, data } = queue.shift()!;
    for (const ref of references(data)) {
      const path = posix.normalize(posix.join(posix.dirname(from), ref));
      if (seen.has(path) || product.length >= MAX_PRODUCT_FILES) {
        continue;
      }
      seen.add(path);
      let content: string;
      try {
        content = await files.readRelative(path);
      } catch {
        continue;
      }
      product.push({ path, content });
      const parsed = parseAllDocuments(content, { uniqueKeys: false });
      if (Array.isArray(parsed) && parsed.length === 1) {
        try {
          queue.push({ from: path, data: parsed[0].toJS() });
        } catch {
          // The import names the file and position of what cannot be read.
        }
      }
    }
  }
  return product;
}
