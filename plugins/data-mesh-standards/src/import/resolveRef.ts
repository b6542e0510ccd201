import { PathStep, SourceTracker } from '../loss/SourceTracker';
import type { InputFile } from './ImportContext';

/** Normalises a relative path: `a/./b/../c.yaml` → `a/c.yaml`. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function dirname(path: string): string {
  const i = path.replace(/\\/g, '/').lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Where a `$ref` points: a file among the given ones and a path inside it. */
export interface ResolvedRef {
  input: InputFile;
  tracker: SourceTracker;
  path: PathStep[];
}

/**
 * Resolves `$ref`s (`ports/orders.yaml`, `#/components/outputPorts/orders`,
 * `ports.yaml#/orders`) among the given files, relative to the file that
 * holds the reference. Each file gets one tracker, so that what nothing read
 * in a referenced file is reported too.
 */
export class RefResolver {
  readonly trackers = new Map<InputFile, SourceTracker>();

  constructor(
    private readonly files: InputFile[],
    private readonly defaultReason: string,
  ) {}

  tracker(input: InputFile): SourceTracker {
    let tracker = this.trackers.get(input);
    if (!tracker) {
      tracker = new SourceTracker(
        input.file.path,
        input.parsed.data,
        this.defaultReason,
      );
      this.trackers.set(input, tracker);
    }
    return tracker;
  }

  /** The target of `ref` written in `from`; undefined when it is not among the files. */
  resolve(ref: string, from: InputFile): ResolvedRef | undefined {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : ref.slice(hash + 1);
    let input: InputFile | undefined = from;
    if (filePart) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) return undefined;
      const wanted = normalizePath(`${dirname(from.file.path)}/${filePart}`);
      input = this.files.find(f => normalizePath(f.file.path) === wanted);
    }
    if (!input) return undefined;
    const path: PathStep[] = pointer
      .split('/')
      .filter(Boolean)
      .map(part =>
        decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'),
      )
      .map(part => (/^\d+$/.test(part) ? Number(part) : part));
    const tracker = this.tracker(input);
    return tracker.peek(path) === undefined
      ? undefined
      : { input, tracker, path };
  }
}
