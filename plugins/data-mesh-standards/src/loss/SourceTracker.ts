import type { LossReportEntry } from '../types';

/** A step of a path into a document: a key or an array index. */
export type PathStep = string | number;

/** Formats a path as the loss report names fields: `outputPorts[0].sbom`. */
export function formatPath(path: readonly PathStep[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') {
      out += `[${step}]`;
    } else if (/^[A-Za-z0-9_$-]+$/.test(step)) {
      out += out ? `.${step}` : step;
    } else {
      out += `['${step.replace(/'/g, "\\'")}']`;
    }
  }
  return out;
}

function isContainer(
  value: unknown,
): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/**
 * Walks a source document while a conversion reads it, so that whatever the
 * conversion did not read ends up in the loss report: nothing is dropped
 * silently. Reading a field marks it (and everything under it) as used;
 * `lose` records a field with a specific reason.
 */
/** What was read under one step of a document: a node of a tree of read paths. */
interface ReadNode {
  /** The whole value here was read. */
  used: boolean;
  children?: Map<PathStep, ReadNode>;
}

export class SourceTracker {
  private readonly root: ReadNode = { used: false };
  private readonly losses = new Map<string, string>();

  constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly defaultReason: string,
  ) {}

  private node(path: readonly PathStep[]): ReadNode {
    let node = this.root;
    for (const step of path) {
      // Array indices and numeric keys are one and the same step.
      const key = typeof step === 'number' ? String(step) : step;
      node.children = node.children ?? new Map();
      let child = node.children.get(key);
      if (!child) {
        child = { used: false };
        node.children.set(key, child);
      }
      node = child;
    }
    return node;
  }

  private mark(path: readonly PathStep[]) {
    this.node(path).used = true;
  }

  /** The value at `path` without marking it. */
  peek(path: readonly PathStep[]): unknown {
    let node: any = this.data;
    for (const step of path) {
      if (!isContainer(node)) return undefined;
      node = (node as any)[step];
    }
    return node;
  }

  /** The value at `path`, marked as used (with everything under it). */
  take(path: readonly PathStep[]): unknown {
    const value = this.peek(path);
    if (value !== undefined) this.mark(path);
    return value;
  }

  /** Text at `path`; a number counts as text. Anything else is reported as not understood. */
  text(path: readonly PathStep[]): string | undefined {
    const value = this.peek(path);
    if (value === undefined || value === null) {
      if (value === null) this.lose(path, 'value not understood: empty');
      return undefined;
    }
    if (typeof value === 'string' || typeof value === 'number') {
      this.mark(path);
      return String(value);
    }
    this.lose(
      path,
      `value not understood: expected text, found ${describe(value)}`,
    );
    return undefined;
  }

  /** A boolean at `path` (`true`/`false`, also as text); anything else is reported. */
  flag(path: readonly PathStep[]): boolean | undefined {
    const value = this.peek(path);
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') {
      this.mark(path);
      return value;
    }
    if (value === 'true' || value === 'false') {
      this.mark(path);
      return value === 'true';
    }
    this.lose(
      path,
      `value not understood: expected true or false, found ${describe(value)}`,
    );
    return undefined;
  }

  /** The items of an array at `path` (indices to read further); a non-array is reported. */
  items(path: readonly PathStep[]): number[] {
    const value = this.peek(path);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.lose(
        path,
        `value not understood: expected a list, found ${describe(value)}`,
      );
      return [];
    }
    this.node(path);
    return value.map((_, i) => i);
  }

  /** The keys of a mapping at `path`; a non-mapping is reported. */
  keys(path: readonly PathStep[]): string[] {
    const value = this.peek(path);
    if (value === undefined || value === null) return [];
    if (!isContainer(value) || Array.isArray(value)) {
      this.lose(
        path,
        `value not understood: expected a mapping, found ${describe(value)}`,
      );
      return [];
    }
    this.node(path);
    return Object.keys(value);
  }

  /** Marks `path` as used without reading it (a value that needs no place, such as `kind`). */
  consume(path: readonly PathStep[]) {
    if (this.peek(path) !== undefined) this.mark(path);
  }

  /** Records that the field at `path` (when present) has no place in the result, and why. */
  lose(path: readonly PathStep[], reason: string) {
    if (this.peek(path) === undefined) return;
    const key = formatPath(path);
    if (!this.losses.has(key)) this.losses.set(key, reason);
    this.mark(path);
  }

  /**
   * The loss report: the recorded losses, then every field nothing read, at
   * the shallowest level (a list nobody read is one entry, not one per item).
   */
  report(): LossReportEntry[] {
    const entries: LossReportEntry[] = this.explicitLosses();
    const walk = (
      value: unknown,
      node: ReadNode | undefined,
      path: PathStep[],
    ) => {
      // Read, or reported with its reason (`lose` marks the path as read).
      if (node?.used) return;
      if (!node || !isContainer(value)) {
        entries.push({
          file: this.file,
          path: formatPath(path),
          reason: this.reasonFor(path),
        });
        return;
      }
      if (Array.isArray(value)) {
        value.forEach((item, i) =>
          walk(item, node.children?.get(String(i)), [...path, i]),
        );
      } else {
        for (const [k, v] of Object.entries(value)) {
          walk(v, node.children?.get(k), [...path, k]);
        }
      }
    };
    walk(
      this.data,
      this.root.children || this.root.used ? this.root : undefined,
      [],
    );
    return entries;
  }

  /** Only the losses recorded with `lose` (values read but not understood). */
  explicitLosses(): LossReportEntry[] {
    return [...this.losses].map(([path, reason]) => ({
      file: this.file,
      path,
      reason,
    }));
  }

  private reasonFor(path: PathStep[]): string {
    const last = path[path.length - 1];
    if (typeof last === 'string' && /^x-/i.test(last)) {
      return 'vendor extension: no equivalent';
    }
    return this.defaultReason;
  }
}

/** A short description of a value's type for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
