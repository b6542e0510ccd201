import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  AnalyzeOptions,
  ScmLocationAnalyzer,
} from '@backstage/plugin-catalog-node';
import { AnalyzeLocationExistingEntity } from '@backstage/plugin-catalog-common';
import { importLocation } from '../standards/importLocation';
import { locationFiles } from '../standards/locationFiles';

/**
 * The catalog's "Register existing component" page asks the catalog for a
 * dry run of YAML URLs, which `StandardFilesProcessor` answers, and has the
 * catalog analyze any other URL. This analyzer answers for JSON files (DPDS
 * descriptors are often JSON): one in an open standard is offered as the
 * DataProduct it imports as, registered by its own URL. A JSON file that
 * holds no standard is left to the catalog's other analyzers.
 *
 * @public
 */
export class StandardFileLocationAnalyzer implements ScmLocationAnalyzer {
  constructor(private readonly deps: { reader: UrlReaderService }) {}

  /** JSON files; YAML URLs never reach analyzers. */
  supports(url: string): boolean {
    try {
      return /\.json$/i.test(new URL(url).pathname);
    } catch {
      return false;
    }
  }

  /**
   * The product the file imports as; an InputError naming the file, the
   * position or the missing fields when it cannot be imported.
   */
  async analyze(
    options: AnalyzeOptions,
  ): Promise<{ existing: AnalyzeLocationExistingEntity[] }> {
    const location = { type: 'url', target: options.url };
    const files = locationFiles(this.deps.reader, location);
    const main = await files.readMain();
    const imported = await importLocation(
      files,
      main.text,
      `url:${options.url}`,
    );
    if (!imported) {
      return { existing: [] };
    }
    if (imported.type === 'error') {
      throw new InputError(imported.message);
    }
    return {
      existing: [{ location, isRegistered: false, entity: imported.entity }],
    };
  }
}
