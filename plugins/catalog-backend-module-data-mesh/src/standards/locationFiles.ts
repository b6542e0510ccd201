import {
  resolveSafeChildPath,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, posix } from 'node:path';

/** A file of a location as read: its text, and its ETag when the reader gives one. */
export interface LocationFile {
  text: string;
  etag?: string;
}

/**
 * Reads the file a `file` or `url` location targets, and the files it
 * refers to by paths relative to it. References stay inside the target's
 * folder (a file location) or origin (a URL location).
 */
export interface LocationFiles {
  /** The name of the target file, the path its references are relative to. */
  readonly mainPath: string;
  /** The target; NotModifiedError when `etag` still matches (URLs). */
  readMain(etag?: string): Promise<LocationFile>;
  /**
   * A file by its path relative to the target's folder (or, for a URL
   * location, by an absolute URL on the target's origin).
   */
  readRelative(path: string): Promise<string>;
  /**
   * The YAML and JSON files next to the target and in its `contracts/`
   * folder, as relative paths; none for URL locations, which cannot be
   * listed.
   */
  neighbours(): Promise<string[]>;
}

/** Most neighbouring files looked at for a product's contracts. */
const MAX_NEIGHBOURS = 200;

const isDataFile = (name: string) => /\.(ya?ml|json)$/i.test(name);

/** Whether a location names one file that this module can read. */
export function isSingleFileLocation(location: LocationSpec): boolean {
  return (
    (location.type === 'file' || location.type === 'url') &&
    !/[*?[\]{}]/.test(
      location.type === 'url'
        ? new URL(location.target, 'http://x').pathname
        : location.target,
    )
  );
}

/** Reads a `file` location's target and its neighbours. */
function fileLocation(target: string): LocationFiles {
  const folder = dirname(target);
  return {
    mainPath: basename(target),
    async readMain() {
      return { text: await readFile(target, 'utf8') };
    },
    async readRelative(path) {
      return readFile(resolveSafeChildPath(folder, path), 'utf8');
    },
    async neighbours() {
      const names: string[] = [];
      for (const sub of ['', 'contracts']) {
        const entries = await readdir(
          resolveSafeChildPath(folder, sub || '.'),
          {
            withFileTypes: true,
          },
        ).catch(() => []);
        for (const entry of entries) {
          if (entry.isFile() && isDataFile(entry.name)) {
            names.push(sub ? `${sub}/${entry.name}` : entry.name);
          }
        }
      }
      return names.sort().slice(0, MAX_NEIGHBOURS);
    },
  };
}

/** Reads a `url` location's target and its neighbours with the URL reader. */
function urlLocation(reader: UrlReaderService, target: string): LocationFiles {
  const base = new URL(target);
  const read = async (url: string, etag?: string) => {
    const response = await reader.readUrl(url, { etag });
    return {
      text: (await response.buffer()).toString('utf8'),
      etag: response.etag,
    };
  };
  return {
    mainPath: posix.basename(base.pathname),
    readMain: etag => read(target, etag),
    async readRelative(path) {
      const url = new URL(path, base);
      if (url.origin !== base.origin) {
        throw new Error(`${path} is not on ${base.origin}`);
      }
      return (await read(url.toString())).text;
    },
    async neighbours() {
      return [];
    },
  };
}

/** The files of a single-file location (see {@link isSingleFileLocation}). */
export function locationFiles(
  reader: UrlReaderService,
  location: LocationSpec,
): LocationFiles {
  return location.type === 'file'
    ? fileLocation(location.target)
    : urlLocation(reader, location.target);
}
