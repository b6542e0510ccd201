import type { DataProductPort } from '@datamesh-backstage/plugin-data-mesh-common';
import { StandardFileError } from '../errors';
import { PathStep, SourceTracker } from '../loss/SourceTracker';
import type { ImportedDataProductEntity } from '../types';
import { readCustomProperties } from './customProperties';
import {
  ANNOTATION_STANDARD_ID,
  applyContract,
  completePort,
  newEntity,
  serverFor,
} from './entityDraft';
import type { ContractEntry, ImportContext, InputFile } from './ImportContext';
import { readLinks } from './links';
import { applyExtension, extensionOfProperty } from './vendorExtensions';
import { parseDuration } from './sloValues';
import {
  parseClassification,
  parseSemver,
  statusToLifecycle,
  toEntityName,
  toTag,
} from './values';

const NO_EQUIVALENT = 'no equivalent in the DataProduct entity';

/** Reads `tags` at `path` into Backstage tags, reporting those that are not valid. */
export function readTags(source: SourceTracker, path: PathStep[]) {
  const tags: string[] = [];
  for (const i of source.items(path)) {
    const raw = source.text([...path, i]);
    if (raw === undefined) continue;
    const tag = toTag(raw);
    if ('value' in tag) {
      if (!tags.includes(tag.value)) tags.push(tag.value);
    } else source.lose([...path, i], tag.reason);
  }
  return tags.length > 0 ? tags : undefined;
}

function readProductCustomProperties(
  source: SourceTracker,
  entity: ImportedDataProductEntity,
) {
  readCustomProperties(source, ['customProperties'], (property, value, at) => {
    const key = property.toLowerCase();
    if (key === 'dataclassification' || key === 'classification') {
      const level = parseClassification(value);
      if ('value' in level) {
        entity.spec.access = {
          ...entity.spec.access,
          classification: level.value,
        };
      } else source.lose(at, level.reason);
      return true;
    }
    const field = extensionOfProperty(property);
    if (field) {
      const reason = applyExtension(entity.spec, field, value);
      if (reason) source.lose(at, reason);
      return true;
    }
    if (key === 'retention') {
      const retention = parseDuration(value);
      if ('value' in retention) {
        entity.spec.access = {
          ...entity.spec.access,
          retention: retention.value,
        };
      } else source.lose(at, retention.reason);
      return true;
    }
    if (key === 'pii' || key === 'containspii') {
      source.lose(at, 'ambiguous: a product-level PII flag names no field');
      return true;
    }
    return false;
  });
}

function readPort(
  source: SourceTracker,
  context: ImportContext,
  side: 'inputPorts' | 'outputPorts',
  i: number,
  productVersion: string | undefined,
): { port: DataProductPort; contract?: ContractEntry } | undefined {
  const at: PathStep[] = [side, i];
  const name = source.text([...at, 'name']);
  if (!name) {
    source.lose(at, 'value not understood: a port without a name');
    return undefined;
  }
  const port = { name } as DataProductPort;
  const type = source.text([...at, 'type']);
  if (type) port.type = type;
  const description = source.text([...at, 'description']);
  if (description) port.description = description;
  const version = source.text([...at, 'version']);
  if (version && version !== productVersion) {
    source.lose(
      [...at, 'version'],
      'no equivalent: ports have no version of their own in the entity',
    );
  }
  if (side === 'outputPorts') {
    source.lose(
      [...at, 'inputContracts'],
      'no equivalent: lineage by contract id names no data product',
    );
  }
  readCustomProperties(
    source,
    [...at, 'customProperties'],
    (property, _v, cpAt) => {
      if (/^(pii|containspii)$/i.test(property)) {
        source.lose(cpAt, 'ambiguous: PII on a port names no field');
        return true;
      }
      return false;
    },
  );
  const contractId = source.text([...at, 'contractId']);
  let contract: ContractEntry | undefined;
  if (contractId) {
    contract = context.contractById(contractId);
    if (contract) {
      port.contract = contract.path;
    } else {
      port.contract = contractId;
      source.lose(
        [...at, 'contractId'],
        `contract '${contractId}' not found among the given files: the port keeps the id as its contract, without what the contract would give`,
      );
    }
  }
  return {
    port: completePort(port, serverFor(contract?.parts, name)),
    contract,
  };
}

/** Imports an ODPS 0.9 / 1.0 product with the contracts its ports reference. */
export function importOdps(
  input: InputFile,
  context: ImportContext,
  namespace: string | undefined,
): { entity: ImportedDataProductEntity; source: SourceTracker } {
  const source = new SourceTracker(
    input.file.path,
    input.parsed.data,
    NO_EQUIVALENT,
  );
  source.consume(['apiVersion']);
  source.consume(['kind']);
  const id = source.text(['id']);
  const title = source.text(['name']);
  const name = toEntityName(title ?? id ?? '');
  if (!name) {
    throw new StandardFileError(
      input.file.path,
      'the product has neither a name nor an id',
    );
  }
  const entity = newEntity(name, namespace);
  if (title && title !== name) entity.metadata.title = title;
  if (id && id !== name) {
    entity.metadata.annotations = { [ANNOTATION_STANDARD_ID]: id };
  }
  const spec = entity.spec;
  const version = source.text(['version']);
  if (version) {
    const semver = parseSemver(version);
    if ('value' in semver) spec.version = semver.value;
    else source.lose(['version'], semver.reason);
  }
  const status = source.text(['status']);
  if (status) spec.lifecycle = statusToLifecycle(status);
  const domain = source.text(['domain']);
  if (domain) spec.domain = toEntityName(domain);
  const purpose = source.text(['description', 'purpose']);
  if (purpose) entity.metadata.description = purpose;
  const tags = readTags(source, ['tags']);
  if (tags) entity.metadata.tags = tags;
  const team = source.text(['team', 'name']);
  if (team) spec.owner = toEntityName(team);
  const links = readLinks(source);
  if (links.length > 0) entity.metadata.links = links;
  readProductCustomProperties(source, entity);

  const contracts: ContractEntry[] = [];
  for (const side of ['inputPorts', 'outputPorts'] as const) {
    const ports: DataProductPort[] = [];
    for (const i of source.items([side])) {
      const read = readPort(source, context, side, i, version);
      if (!read) continue;
      ports.push(read.port);
      if (side === 'outputPorts' && read.contract)
        contracts.push(read.contract);
    }
    if (ports.length > 0) spec[side] = ports;
  }
  if (contracts[0]) applyContract(entity, contracts[0].parts);
  return { entity, source };
}
