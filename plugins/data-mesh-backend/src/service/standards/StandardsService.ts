import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ExportFormatName,
  isDataProductEntity,
  ProductExportResponse,
  ProductImportResponse,
  StandardFileContent,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  exportProduct,
  importProduct,
} from '@datamesh-backstage/plugin-data-mesh-standards';
import { fromCatalog } from '../CatalogReader';

/**
 * Converts open-standard files to a DataProduct and products back to the
 * standards, with the conversion library. Stores nothing: imports answer
 * with the result; exports read the product from the catalog as the caller.
 */
export class StandardsService {
  constructor(private readonly deps: { catalog: CatalogService }) {}

  /**
   * One product's files as a DataProduct. A file that cannot be read throws
   * the library's InputError naming the file and position.
   */
  importFiles(files: StandardFileContent[]): ProductImportResponse {
    const result = importProduct(files);
    return {
      format: result.format,
      version: result.version,
      entity: result.entity,
      contracts: result.contracts,
      lossReport: result.lossReport,
      missing: result.missing,
    };
  }

  /**
   * The product `entityRef` in a standard. NotFoundError when the caller
   * cannot read it, or it is not a DataProduct.
   */
  async exportProduct(
    entityRef: string,
    format: ExportFormatName,
    credentials: BackstageCredentials,
  ): Promise<ProductExportResponse> {
    const entity = await fromCatalog('the product', () =>
      this.deps.catalog.getEntityByRef(entityRef, { credentials }),
    );
    if (!entity || !isDataProductEntity(entity)) {
      throw new NotFoundError(`No data product ${entityRef}`);
    }
    const { files, lossReport } = exportProduct(entity, { format });
    return { files, lossReport };
  }
}
