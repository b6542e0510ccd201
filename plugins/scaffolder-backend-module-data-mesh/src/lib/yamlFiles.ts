import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  DataProductEntityV1alpha1,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { Document, parseAllDocuments } from 'yaml';

/** Entity files larger than this are refused (the catalog's own limit is similar). */
const MAX_YAML_BYTES = 1024 * 1024;

/**
 * Writes a value as YAML to a path inside `baseDir`, with an optional
 * comment on top. The value is serialised by the YAML library, so any text
 * in it (quotes, newlines, `${{ }}`) stays data.
 */
export async function writeYamlFile(
  baseDir: string,
  relativePath: string,
  value: unknown,
  comment?: string,
): Promise<string> {
  const path = resolveSafeChildPath(baseDir, relativePath);
  const document = new Document(value);
  if (comment) {
    document.commentBefore = comment;
  }
  await fs.mkdir(dirname(path), { recursive: true });
  await fs.writeFile(path, document.toString({ lineWidth: 0 }), 'utf8');
  return path;
}

/**
 * Reads the DataProduct of a `catalog-info.yaml` inside `baseDir`: exactly
 * one YAML document, a valid DataProduct. Errors name the file and fields.
 */
export async function readDataProductFile(
  baseDir: string,
  relativePath: string,
): Promise<DataProductEntityV1alpha1> {
  const path = resolveSafeChildPath(baseDir, relativePath);
  let text: string;
  try {
    const stat = await fs.lstat(path);
    if (!stat.isFile()) {
      throw new InputError(`${relativePath} is not a regular file`);
    }
    if (stat.size > MAX_YAML_BYTES) {
      throw new InputError(`${relativePath} is larger than 1 MB`);
    }
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError(`${relativePath} does not exist in the workspace`);
    }
    throw error;
  }
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.length !== 1) {
    throw new InputError(
      `${relativePath} must hold exactly one YAML document (the DataProduct)`,
    );
  }
  const [document] = documents;
  if (document.errors.length) {
    throw new InputError(
      `${relativePath} is not valid YAML: ${document.errors[0].message}`,
    );
  }
  const result = validateDataProductEntity(document.toJS());
  if (!result.valid) {
    throw new InputError(
      `${relativePath} is not a valid DataProduct: ${result.errors
        .map(e => e.message)
        .join('; ')}`,
    );
  }
  return result.entity;
}
