import { Entity } from '@backstage/catalog-model';
import {
  DetectedStandard,
  importProduct,
} from '@datamesh-backstage/plugin-data-mesh-standards';
import { importedEntity } from './importedEntity';
import { LocationFiles } from './locationFiles';
import { detectStandardText, readProductFiles } from './standardProductFiles';

/** What a location's file imports as. */
export type LocationImport =
  | { type: 'product'; standard: DetectedStandard; entity: Entity }
  | { type: 'error'; standard: DetectedStandard; message: string };

/**
 * Imports the product a location's file describes in an open standard, with
 * the files it refers to. Undefined when the text holds no standard. An
 * error names the location and standard, then the file and position (a file
 * that cannot be read) or the required fields no source field gives.
 */
export async function importLocation(
  files: LocationFiles,
  mainText: string,
  where: string,
): Promise<LocationImport | undefined> {
  const detected = detectStandardText(mainText);
  if (!detected) {
    return undefined;
  }
  const { standard } = detected;
  const what = `${where} (${standard.format} ${standard.version})`;
  const product = await readProductFiles(files, mainText, detected);
  try {
    const result = importProduct(product);
    if (result.missing.length > 0) {
      // Nothing is invented for what the kind requires: no half product.
      const them = result.missing.length > 1 ? 'them' : 'it';
      return {
        type: 'error',
        standard,
        message: `${what} gives no value for ${result.missing.join(
          ', ',
        )}, which a DataProduct requires; no field of the source maps to ${them}`,
      };
    }
    return { type: 'product', standard, entity: importedEntity(result) };
  } catch (error) {
    return {
      type: 'error',
      standard,
      message: `${what} cannot be imported: ${(error as Error).message}`,
    };
  }
}
