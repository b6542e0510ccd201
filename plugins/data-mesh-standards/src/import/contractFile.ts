import { toYaml } from '../parse/toYaml';
import type { StandardFile } from '../types';

/**
 * The file of a contract the import converted (from the Data Contract
 * Specification to ODCS): its YAML text is written when `content` is first
 * read, and kept. A caller that needs only the entity and the loss report
 * (the catalog) never pays for writing it; reading `content`, spreading the
 * file or `JSON.stringify` all see the text, as for any other file.
 *
 * `data` must not change afterwards: the import keeps it to itself.
 */
export function convertedContractFile(
  path: string,
  data: Record<string, unknown>,
): StandardFile {
  let text: string | undefined;
  return {
    path,
    get content() {
      text = text ?? toYaml(data);
      return text;
    },
    set content(value: string) {
      text = value;
    },
  };
}
