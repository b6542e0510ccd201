import { InputError } from '@backstage/errors';
import { StandardFileError } from '../errors';
import type { SourceTracker } from '../loss/SourceTracker';
import { detectStandard, isSupportedVersion } from '../parse/detectStandard';
import { parseStandardFile } from '../parse/parseStandardFile';
import type {
  ImportOptions,
  ImportResult,
  ImportedDataProductEntity,
  LossReportEntry,
  StandardFile,
} from '../types';
import { importFromContract } from './fromContract';
import { importDpds } from './fromDpds';
import { importOdps } from './fromOdps';
import { missingFields, prune } from './entityDraft';
import { ImportContext, InputFile } from './ImportContext';

const NAMES = {
  odps: 'ODPS',
  odcs: 'ODCS',
  dpds: 'DPDS',
  dcs: 'Data Contract Specification',
};
const READS = {
  odps: 'v0.9, v1.0',
  odcs: 'v3.0.x, v3.1',
  dpds: '1.0',
  dcs: '0.9.3 to 1.2',
};

function readFiles(files: StandardFile[]): InputFile[] {
  if (!Array.isArray(files) || files.length === 0) {
    throw new InputError(
      'No files given: give a product file and its contracts',
    );
  }
  return files.map(file => {
    if (typeof file?.path !== 'string' || typeof file?.content !== 'string') {
      throw new InputError('Each file needs a path and a content, both text');
    }
    const parsed = parseStandardFile(file.path, file.content);
    return { file, parsed, standard: detectStandard(parsed.data) };
  });
}

function mainFile(inputs: InputFile[]): InputFile {
  const products = inputs.filter(
    i => i.standard?.format === 'odps' || i.standard?.format === 'dpds',
  );
  if (products.length > 1) {
    throw new InputError(
      `Several product files given (${products
        .map(p => p.file.path)
        .join(', ')}): import one product at a time`,
    );
  }
  const contracts = inputs.filter(
    i => i.standard?.format === 'odcs' || i.standard?.format === 'dcs',
  );
  const main =
    products[0] ?? (contracts.length === 1 ? contracts[0] : undefined);
  if (!main) {
    if (contracts.length > 1) {
      throw new InputError(
        `Several contracts and no product file given (${contracts
          .map(p => p.file.path)
          .join(
            ', ',
          )}): add the ODPS or DPDS product file that references them`,
      );
    }
    throw new StandardFileError(
      inputs[0].file.path,
      'not an ODPS, ODCS, DPDS or Data Contract Specification file (no apiVersion and kind DataProduct / DataContract, dataProductDescriptor or dataContractSpecification)',
    );
  }
  const standard = main.standard!;
  if (!isSupportedVersion(standard)) {
    throw new StandardFileError(
      main.file.path,
      `${NAMES[standard.format]} version ${
        standard.version
      } is not supported (the import reads ${READS[standard.format]})`,
    );
  }
  return main;
}

function duplicateKeyLosses(inputs: InputFile[]): LossReportEntry[] {
  return inputs.flatMap(i =>
    i.parsed.duplicateKeys.map(d => ({
      file: i.file.path,
      path: d.path,
      reason: `duplicate key at line ${d.line}, column ${d.column}: the earlier value was replaced by this one`,
    })),
  );
}

/**
 * Imports one data product from its files: an ODPS product with the ODCS
 * contracts its ports reference, a DPDS descriptor with the files its `$ref`s
 * point to, or one contract alone (ODCS or Data Contract Specification), each
 * detected from its content. Returns the `DataProduct` entity, the contract
 * files it references, and a loss report naming every source field that has
 * no place in the result.
 *
 * Throws a {@link StandardFileError} (an `InputError`) naming the file and
 * the position when a file cannot be read; nothing is returned then.
 * @public
 */
export function importProduct(
  files: StandardFile[],
  options: ImportOptions = {},
): ImportResult {
  const inputs = readFiles(files);
  const main = mainFile(inputs);
  const context = new ImportContext(inputs);
  const namespace = options.namespace;
  let entity: ImportedDataProductEntity;
  let trackers: SourceTracker[] = [];
  const used = new Set<InputFile>();
  switch (main.standard!.format) {
    case 'odps': {
      const result = importOdps(main, context, namespace);
      entity = result.entity;
      trackers = [result.source];
      break;
    }
    case 'dpds': {
      const result = importDpds(main, context, namespace);
      entity = result.entity;
      trackers = result.trackers;
      result.trackers.forEach(t =>
        used.add(inputs.find(i => i.file.path === t.file)!),
      );
      result.used.forEach(i => used.add(i));
      break;
    }
    default:
      entity = importFromContract(main, context, namespace);
  }
  const contracts = context.referencedContracts();
  const lossReport: LossReportEntry[] = [
    ...duplicateKeyLosses(inputs),
    ...trackers.flatMap(t => t.report()),
    ...contracts.flatMap(c => c.losses),
    ...context.unreferenced(main, used).map(i => ({
      file: i.file.path,
      path: '',
      reason: i.standard
        ? 'no port of the product references this contract'
        : 'not a file of a supported standard, and nothing references it',
    })),
  ];
  const result = prune(entity);
  return {
    format: main.standard!.format,
    version: main.standard!.version,
    entity: result,
    contracts: contracts.map(c => c.file),
    lossReport,
    missing: missingFields(result),
  };
}
