import { Entity } from '@backstage/catalog-model';
import {
  DetectedStandard,
  importProduct,
} from '@datamesh-backstage/plugin-data-mesh-standards';
import { importedEntity } from './importedEntity';
import { LocationFiles } from './locationFiles';
import { detectStandardText, readProductFiles } from './standardProductFiles';

/** Fields an imported product may lack when no source field gives them. */
export const OPTIONAL_WHEN_IMPORTED = [
  'spec.type',
  'spec.lifecycle',
  'spec.domain',
];

/** What a location's file imports as. */
export type LocationImport =
  | { type: 'product'; standard: DetectedStandard; entity: Entity }
  | { type: 'error'; standard: DetectedStandard; message: string };

/**
 * Imports the product a location's file describes in an open standard, with
 * the files it refers to. Undefined when the text holds no standard. An
 * error names the location and standard, then the file and position (a file
 * that cannot be read) or the required fields no source field gives (the
 * owner, a port's type). A product whose source gives no type, lifecycle or
 * domain is imported without them, noted in its loss report.
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
    // The type, lifecycle and domain may stay absent on an imported product
    // (governance scores them as not set); the owner and the ports' types
    // cannot: nothing is invented for them, and no half product is emitted.
    const required = result.missing.filter(
      field => !OPTIONAL_WHEN_IMPORTED.includes(field),
    );
    if (required.length > 0) {
      const them = required.length > 1 ? 'them' : 'it';
      return {
        type: 'error',
        standard,
        message: `${what} gives no value for ${required.join(
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
