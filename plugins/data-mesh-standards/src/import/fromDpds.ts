import type {
  DataProductPort,
  DataProductTransformation,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { EntityLink } from '@backstage/catalog-model';
import {
  applyExtension,
  EXTENSION_FIELDS,
  INFO_EXTENSION,
} from './vendorExtensions';
import { StandardFileError } from '../errors';
import type { PathStep, SourceTracker } from '../loss/SourceTracker';
import type { ImportedDataProductEntity } from '../types';
import { readDpdsSlo } from './dpdsSlo';
import {
  ANNOTATION_STANDARD_ID,
  applyContract,
  completePort,
  newEntity,
  serverFor,
} from './entityDraft';
import type { ContractEntry, ImportContext, InputFile } from './ImportContext';
import { SUPPORT_LINK_TYPE } from './links';
import { readTags } from './fromOdps';
import { RefResolver } from './resolveRef';
import { parseSemver, toEntityName } from './values';

const NO_EQUIVALENT = 'no equivalent in the DataProduct entity';

interface Place {
  input: InputFile;
  source: SourceTracker;
  path: PathStep[];
}

/** Follows a `{ $ref }` object to its target; reports it when not found. */
function follow(place: Place, refs: RefResolver): Place | undefined {
  const ref = place.source.peek([...place.path, '$ref']);
  if (typeof ref !== 'string') return place;
  const target = refs.resolve(ref, place.input);
  if (!target) {
    place.source.lose(
      [...place.path, '$ref'],
      `reference '${ref}' not found among the given files`,
    );
    return undefined;
  }
  place.source.consume(place.path);
  return { input: target.input, source: target.tracker, path: target.path };
}

class DpdsReader {
  slo: ImportedDataProductEntity['spec']['slo'];
  readonly contracts: ContractEntry[] = [];
  readonly used = new Set<InputFile>();

  constructor(
    readonly context: ImportContext,
    readonly refs: RefResolver,
    readonly productVersion: string | undefined,
  ) {}

  readApi(place: Place, port: DataProductPort): ContractEntry | undefined {
    const at = [...place.path, 'promises', 'api', 'definition'];
    const ref = place.source.peek([...at, '$ref']);
    if (typeof ref !== 'string') return undefined;
    const target = this.refs.resolve(ref, place.input);
    const contract =
      target && target.path.length === 0
        ? this.context.reference(target.input)
        : undefined;
    if (!target) {
      place.source.lose(
        [...at, '$ref'],
        `reference '${ref}' not found among the given files`,
      );
      return undefined;
    }
    place.source.consume([...place.path, 'promises', 'api']);
    if (contract) {
      target.tracker.consume([]);
      port.contract = contract.path;
      this.contracts.push(contract);
    } else {
      port.contract = ref;
      this.used.add(target.input);
      target.tracker.consume(target.path);
    }
    return contract;
  }

  readPort(
    start: Place,
    side: 'inputPorts' | 'outputPorts',
  ): DataProductPort | undefined {
    const place = follow(start, this.refs);
    if (!place) return undefined;
    const { source, path } = place;
    if (place.input !== start.input) this.used.add(place.input);
    const name = source.text([...path, 'name']);
    if (!name) {
      source.lose(path, 'value not understood: a port without a name');
      return undefined;
    }
    const port = { name } as DataProductPort;
    const platform = source.text([...path, 'promises', 'platform']);
    if (platform) port.type = platform;
    const description = source.text([...path, 'description']);
    if (description) port.description = description;
    source.consume([...path, 'entityType']);
    const version = source.text([...path, 'version']);
    if (version && version !== this.productVersion) {
      source.lose(
        [...path, 'version'],
        'no equivalent: ports have no version of their own in the entity',
      );
    }
    for (const key of Object.keys((source.peek(path) as object) ?? {})) {
      if (/^x-(pii|containspii)$/i.test(key)) {
        source.lose([...path, key], 'ambiguous: PII on a port names no field');
      }
    }
    const contract = this.readApi(place, port);
    if (
      side === 'outputPorts' &&
      source.peek([...path, 'promises', 'slo']) !== undefined
    ) {
      const sloPlace = follow(
        { ...place, path: [...path, 'promises', 'slo'] },
        this.refs,
      );
      if (sloPlace && this.slo) {
        sloPlace.source.lose(
          sloPlace.path,
          'ambiguous: the entity holds one set of SLOs, taken from the first output port',
        );
      } else if (sloPlace) {
        for (const key of ['specification', 'name', 'version']) {
          sloPlace.source.consume([...sloPlace.path, key]);
        }
        this.slo = readDpdsSlo(sloPlace.source, [
          ...sloPlace.path,
          'definition',
        ]);
      }
    }
    return completePort(port, serverFor(contract?.parts, name));
  }
}

function readInfoExtensions(
  source: SourceTracker,
  entity: ImportedDataProductEntity,
) {
  for (const field of EXTENSION_FIELDS) {
    const at = ['info', INFO_EXTENSION[field]];
    const value = source.peek(at);
    if (value === undefined) continue;
    const reason = applyExtension(entity.spec, field, value);
    if (reason) source.lose(at, reason);
    else source.consume(at);
  }
}

function readInfo(source: SourceTracker, entity: ImportedDataProductEntity) {
  const links: EntityLink[] = [];
  for (const i of source.items(['info', 'contactPoints'])) {
    const url = source.text(['info', 'contactPoints', i, 'address']);
    if (!url) continue;
    const title = source.text(['info', 'contactPoints', i, 'name']);
    links.push({ url, type: SUPPORT_LINK_TYPE, ...(title ? { title } : {}) });
  }
  const docs = source.text(['externalDocs', '$href']);
  if (docs) {
    const title = source.text(['externalDocs', 'description']);
    links.unshift({ url: docs, ...(title ? { title } : {}) });
  }
  if (links.length > 0) entity.metadata.links = links;
}

function readTransformations(
  source: SourceTracker,
  refs: RefResolver,
  input: InputFile,
  productVersion: string | undefined,
) {
  const transformations: DataProductTransformation[] = [];
  for (const i of source.items([
    'internalComponents',
    'applicationComponents',
  ])) {
    const place = follow(
      {
        input,
        source,
        path: ['internalComponents', 'applicationComponents', i],
      },
      refs,
    );
    if (!place) continue;
    const s = place.source;
    const type =
      s.text([...place.path, 'applicationType']) ??
      s.text([...place.path, 'platform']);
    if (!type) continue;
    const t: DataProductTransformation = { type };
    const model = s.text([...place.path, 'name']);
    if (model && model !== type) t.model = model;
    const description = s.text([...place.path, 'description']);
    if (description) t.description = description;
    if (s.peek([...place.path, 'version']) === productVersion) {
      s.consume([...place.path, 'version']);
    }
    transformations.push(t);
  }
  return transformations;
}

/** Imports a DPDS 1.0 descriptor, following its `$ref`s among the given files. */
export function importDpds(
  input: InputFile,
  context: ImportContext,
  namespace: string | undefined,
): {
  entity: ImportedDataProductEntity;
  trackers: SourceTracker[];
  used: Set<InputFile>;
} {
  const refs = new RefResolver(context.files, NO_EQUIVALENT);
  const source = refs.tracker(input);
  source.consume(['dataProductDescriptor']);
  const rawName = source.text(['info', 'name']);
  const name = toEntityName(rawName ?? '');
  if (!name) {
    throw new StandardFileError(
      input.file.path,
      'the descriptor has no info.name',
    );
  }
  const entity = newEntity(name, namespace);
  const title =
    source.text(['info', 'displayName']) ??
    (rawName !== name ? rawName : undefined);
  if (title) entity.metadata.title = title;
  const fqn = source.text(['info', 'fullyQualifiedName']);
  if (fqn && fqn !== name)
    entity.metadata.annotations = { [ANNOTATION_STANDARD_ID]: fqn };
  source.consume(['info', 'entityType']);
  const spec = entity.spec;
  const version = source.text(['info', 'version']);
  if (version) {
    const semver = parseSemver(version);
    if ('value' in semver) spec.version = semver.value;
    else source.lose(['info', 'version'], semver.reason);
  }
  const domain = source.text(['info', 'domain']);
  if (domain) spec.domain = toEntityName(domain);
  readInfoExtensions(source, entity);
  const owner = source.text(['info', 'owner', 'id']);
  if (owner) spec.owner = toEntityName(owner);
  const description = source.text(['info', 'description']);
  if (description) entity.metadata.description = description;
  const tags = readTags(source, ['tags']);
  if (tags) entity.metadata.tags = tags;
  readInfo(source, entity);

  const reader = new DpdsReader(context, refs, version);
  for (const side of ['inputPorts', 'outputPorts'] as const) {
    const ports: DataProductPort[] = [];
    for (const i of source.items(['interfaceComponents', side])) {
      const port = reader.readPort(
        { input, source, path: ['interfaceComponents', side, i] },
        side,
      );
      if (port) ports.push(port);
    }
    if (ports.length > 0) spec[side] = ports;
  }
  const transformations = readTransformations(source, refs, input, version);
  if (transformations.length > 0) spec.lineage = { transformations };
  if (reader.contracts[0]) applyContract(entity, reader.contracts[0].parts);
  if (reader.slo) spec.slo = reader.slo;
  return { entity, trackers: [...refs.trackers.values()], used: reader.used };
}
