import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/** The file the catalog reads; copied last, so it never sees half a product. */
export const CATALOG_INFO = 'catalog-info.yaml';

/**
 * Relative paths of the regular files under `dir`, `.git` excluded. A
 * symbolic link is refused: published files must be the workspace's own.
 */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? posix.join(prefix, entry.name) : entry.name;
    if (entry.isSymbolicLink()) {
      throw new InputError(
        `${relative} is a symbolic link; only regular files can be published`,
      );
    } else if (entry.isDirectory()) {
      if (entry.name !== '.git') {
        files.push(...(await listFiles(dir, relative)));
      }
    } else if (entry.isFile()) {
      files.push(relative);
    }
  }
  return files;
}

/** Whether a path exists (as anything). */
export async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Claims `<root>/<folder>` atomically: `mkdir` without `recursive` fails when
 * the folder exists, so of two runs claiming the same name exactly one wins.
 */
export async function claimFolder(
  root: string,
  folder: string,
  productName: string,
): Promise<string> {
  await fs.mkdir(root, { recursive: true });
  const target = resolveSafeChildPath(root, folder);
  try {
    await fs.mkdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ConflictError(
        `A data product named ${productName} already exists (${target}); choose another name`,
      );
    }
    throw error;
  }
  return target;
}

/**
 * Copies `files` from `source` into the claimed, empty `target`.
 * `catalog-info.yaml` comes last and appears at once (written under a
 * temporary name, then renamed), so the catalog never reads a product whose
 * contracts or docs are still missing.
 */
export async function copyFiles(
  source: string,
  target: string,
  files: string[],
): Promise<void> {
  const ordered = [
    ...files.filter(f => f !== CATALOG_INFO),
    ...files.filter(f => f === CATALOG_INFO),
  ];
  for (const file of ordered) {
    const from = resolveSafeChildPath(source, file);
    const to = resolveSafeChildPath(target, file);
    await fs.mkdir(dirname(to), { recursive: true });
    if (file === CATALOG_INFO) {
      const partial = resolveSafeChildPath(
        target,
        `.${CATALOG_INFO}.${randomUUID()}.partial`,
      );
      await fs.copyFile(from, partial, constants.COPYFILE_EXCL);
      await fs.rename(partial, to);
    } else {
      await fs.copyFile(from, to, constants.COPYFILE_EXCL);
    }
  }
}

/** Removes a folder this run claimed, so that a failed run leaves nothing. */
export async function removeFolder(target: string): Promise<void> {
  await fs.rm(target, { recursive: true, force: true });
}
