import { UrlReaderService } from '@backstage/backend-plugin-api';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { importLocation } from '../standards/importLocation';
import {
  isSingleFileLocation,
  LocationFile,
  locationFiles,
} from '../standards/locationFiles';

/** Cache key: the ETag of a URL found not to hold a standard. */
const NOT_A_STANDARD = 'not-a-standard';

/**
 * Reads locations whose file is written in an open standard of data
 * products or contracts (ODPS, ODCS, DPDS, Data Contract Specification),
 * recognised by its content whatever the file is called, and emits the
 * imported `DataProduct`, annotated with its source standard and loss
 * report. The files the target refers to (a DPDS descriptor's `$ref`s, an
 * ODPS product's contracts) are read next to it. A file that cannot be
 * imported is a processing error naming the file and the position, and a
 * product whose sources give no value for a field the kind requires (its
 * type, lifecycle, owner or domain) one naming the fields: nothing of it is
 * emitted then.
 *
 * Every other location is left to the catalog's own readers.
 *
 * @public
 */
export class StandardFilesProcessor implements CatalogProcessor {
  constructor(private readonly deps: { reader: UrlReaderService }) {}

  /** {@inheritDoc @backstage/plugin-catalog-node#CatalogProcessor.getProcessorName} */
  getProcessorName(): string {
    return 'DataMeshStandardFilesProcessor';
  }

  /** 10: ahead of the catalog's file and URL readers (20). */
  getPriority(): number {
    return 10;
  }

  /** Reads a `file` or `url` location that holds an open standard. */
  async readLocation(
    location: LocationSpec,
    _optional: boolean,
    emit: CatalogProcessorEmit,
    _parser: unknown,
    cache: CatalogProcessorCache,
  ): Promise<boolean> {
    if (!isSingleFileLocation(location)) {
      return false;
    }
    const files = locationFiles(this.deps.reader, location);
    const known = await cache.get<{ etag: string }>(NOT_A_STANDARD);
    let main: LocationFile;
    try {
      main = await files.readMain(known?.etag);
    } catch {
      // Unchanged since it held no standard, or unreadable: the catalog's
      // readers take it over (and report what they cannot read).
      return false;
    }
    const imported = await importLocation(
      files,
      main.text,
      `${location.type}:${location.target}`,
    );
    if (!imported) {
      if (main.etag) {
        await cache.set(NOT_A_STANDARD, { etag: main.etag });
      }
      return false;
    }
    emit(processingResult.refresh(`${location.type}:${location.target}`));
    emit(
      imported.type === 'product'
        ? processingResult.entity(location, imported.entity)
        : processingResult.inputError(location, imported.message),
    );
    return true;
  }
}
