import { load, CORE_SCHEMA } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { StandardFileError } from '../errors';

/** A key given twice in the same mapping: the later value is kept. */
export interface DuplicateKey {
  /** Dotted path of the key in the document. */
  path: string;
  line: number;
  column: number;
}

/** A file's text read into plain data. */
export interface ParsedFile {
  path: string;
  data: Record<string, unknown>;
  duplicateKeys: DuplicateKey[];
}

function pathOfOffset(text: string, offset: number): string {
  // The key at `offset`: found again by walking the document's nodes.
  const doc = parseDocument(text, { uniqueKeys: false });
  const found: string[] = [];
  const visit = (node: any, path: string[]): boolean => {
    if (!node || typeof node !== 'object') return false;
    if (Array.isArray(node.items)) {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i];
        if (item && 'key' in item) {
          const key = String(item.key?.value ?? item.key);
          if (item.key?.range?.[0] === offset) {
            found.push(...path, key);
            return true;
          }
          if (visit(item.value, [...path, key])) return true;
        } else if (visit(item, [...path, `[${i}]`])) return true;
      }
    }
    return false;
  };
  visit(doc.contents, []);
  return found.join('.').replace(/\.\[/g, '[');
}

/**
 * Reads a YAML or JSON file into plain data. Duplicate keys are kept (the
 * later value wins) and returned so that the import reports them. Anything
 * else that is not well-formed throws a {@link StandardFileError} naming the
 * file and the position.
 */
export function parseStandardFile(path: string, content: string): ParsedFile {
  let data: unknown;
  let duplicateKeys: DuplicateKey[] = [];
  try {
    // Fast path: js-yaml refuses duplicate keys, so a success is exact.
    data = load(content, { schema: CORE_SCHEMA, filename: path });
  } catch {
    const lineCounter = new LineCounter();
    const doc = parseDocument(content, {
      uniqueKeys: true,
      lineCounter,
      prettyErrors: false,
    });
    const duplicates = doc.errors.filter(e => e.code === 'DUPLICATE_KEY');
    const fatal = doc.errors.find(e => e.code !== 'DUPLICATE_KEY');
    if (fatal) {
      const pos = lineCounter.linePos(fatal.pos[0]);
      throw new StandardFileError(path, fatal.message.split('\n')[0], {
        line: pos.line,
        column: pos.col,
      });
    }
    duplicateKeys = duplicates.map(e => {
      const pos = lineCounter.linePos(e.pos[0]);
      return {
        path: pathOfOffset(content, e.pos[0]),
        line: pos.line,
        column: pos.col,
      };
    });
    data = doc.toJS({ maxAliasCount: 100 });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new StandardFileError(
      path,
      'the file must hold one mapping (an object) at the top level',
      { line: 1, column: 1 },
    );
  }
  return { path, data: data as Record<string, unknown>, duplicateKeys };
}
