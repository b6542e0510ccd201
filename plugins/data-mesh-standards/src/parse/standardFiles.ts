import type { DetectedStandard, StandardFile } from '../types';
import { detectStandard } from './detectStandard';
import { parseStandardFile } from './parseStandardFile';
import { normalizePath } from '../import/resolveRef';

/**
 * The standard of a file's text, detected from its content; undefined when
 * the text is not YAML or JSON or not one of the standards. For catalog
 * processors deciding whether a location's target is theirs.
 * @public
 */
export function detectStandardFile(
  file: StandardFile,
): DetectedStandard | undefined {
  try {
    return detectStandard(parseStandardFile(file.path, file.content).data);
  } catch {
    return undefined;
  }
}

/**
 * The other files a product file points to with `$ref` (DPDS port, API and
 * schema files), as paths relative to the same base as `file.path`, without
 * duplicates; URLs and references inside the file are left out. Read them
 * (and, in turn, the files they point to) and give them to `importProduct`
 * with the file. Throws a
 * `StandardFileError` when the file cannot be read.
 * @public
 */
export function referencedPaths(file: StandardFile): string[] {
  const data = parseStandardFile(file.path, file.content).data;
  const slash = file.path.lastIndexOf('/');
  const dir = slash < 0 ? '' : file.path.slice(0, slash);
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const target = value.split('#')[0];
          if (target && !/^[a-z][a-z0-9+.-]*:/i.test(target)) {
            found.add(normalizePath(`${dir}/${target}`));
          }
        } else {
          visit(value);
        }
      }
    }
  };
  visit(data);
  return [...found];
}
