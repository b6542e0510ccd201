import type {
  DataProductPort,
  DataProductSlo,
  DataProductTransformation,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { StandardFile } from '../types';
import { inputContract, toYaml } from './contractFiles';
import type { EntityReader } from './EntityReader';
import { refName } from './entityRefs';
import { exportedOutputPorts } from './outputPorts';
import { exportLinks, productId, productName, sharedLosses } from './shared';

function contractRef(name: string, version: string, path: string) {
  return {
    name,
    version,
    specification: 'odcs',
    specificationVersion: '3.1.0',
    definition: { $ref: path },
  };
}

/** The product as one DPDS 1.0 descriptor, its output ports' contracts as ODCS 3.1 files. */
export function toDpds(
  reader: EntityReader,
  contracts?: StandardFile[],
): StandardFile[] {
  const e = reader.entity;
  const version =
    (reader.take(['spec', 'version']) as string | undefined) ?? '';
  const name = e.metadata.name;
  const fqn = productId(reader);
  const info: Record<string, any> = { fullyQualifiedName: fqn, name, version };
  const title = productName(reader);
  if (title !== name) info.displayName = title;
  if (reader.take(['metadata', 'description']))
    info.description = e.metadata.description;
  info.domain = reader.take(['spec', 'domain']) ? refName(e.spec.domain!) : '';
  info.owner = {
    id: reader.take(['spec', 'owner']) ? refName(e.spec.owner!) : '',
  };
  // The suite's vendor extensions, read back by the import.
  if (reader.take(['spec', 'type'])) info['x-productType'] = e.spec.type;
  if (reader.take(['spec', 'lifecycle']))
    info['x-lifecycle'] = e.spec.lifecycle;
  const { definitions, support } = exportLinks(reader);
  if (support.length > 0) {
    info.contactPoints = support.map(l => ({
      ...(l.title ? { name: l.title } : {}),
      address: l.url,
    }));
  }
  const d: Record<string, any> = { dataProductDescriptor: '1.0.0', info };
  if (reader.take(['metadata', 'tags'])) d.tags = e.metadata.tags;
  if (definitions[0]) {
    d.externalDocs = {
      $href: definitions[0].url,
      ...(definitions[0].title ? { description: definitions[0].title } : {}),
    };
  }
  const files: StandardFile[] = [];
  const inputPorts = ((e.spec.inputPorts ?? []) as DataProductPort[]).map(
    (port, i) => {
      const at = ['spec', 'inputPorts', i];
      reader.take([...at, 'name']);
      const out: Record<string, any> = { name: port.name, version };
      if (reader.take([...at, 'description']))
        out.description = port.description;
      if (reader.take([...at, 'type'])) out.promises = { platform: port.type };
      const given = inputContract(contracts, port.contract);
      if (given?.file) {
        reader.take([...at, 'contract']);
        files.push(given.file);
        out.promises = {
          ...out.promises,
          api: contractRef(port.name, version, given.file.path),
        };
      }
      return out;
    },
  );
  const exported = exportedOutputPorts(reader, fqn, version, contracts);
  const slo = e.spec.slo as DataProductSlo | undefined;
  const outputPorts = exported.map(({ port, index, out, contract }) => {
    out.promises = { platform: port.type };
    if (contract) {
      out.promises.api = contractRef(port.name, version, contract.path);
      files.push(contract.file);
    }
    if (index === 0 && slo) {
      out.promises.slo = {
        name: port.name,
        version,
        specification: 'custom',
        definition: slo,
      };
    }
    return out;
  });
  // The ODCS contracts hold every link whole; without one, DPDS keeps the
  // first external documentation link, without its type.
  if (!exported.some(port => port.contract) && definitions[0]) {
    if (definitions[0].type)
      reader.lose(
        ['metadata', 'links', 0, 'type'],
        'DPDS external docs have no type',
      );
    definitions.slice(1).forEach(link => {
      const i = e.metadata.links!.indexOf(link);
      reader.lose(
        ['metadata', 'links', i],
        'DPDS holds one external documentation link',
      );
    });
  }
  d.interfaceComponents = { outputPorts };
  if (inputPorts.length > 0) d.interfaceComponents.inputPorts = inputPorts;
  const transformations = (e.spec.lineage?.transformations ??
    []) as DataProductTransformation[];
  if (transformations.length > 0) {
    d.internalComponents = {
      applicationComponents: transformations.map((t, i) => {
        const at = ['spec', 'lineage', 'transformations', i];
        reader.take([...at, 'type']);
        reader.take([...at, 'model']);
        reader.take([...at, 'description']);
        return {
          name: t.model ?? t.type,
          version,
          applicationType: t.type,
          ...(t.description ? { description: t.description } : {}),
        };
      }),
    };
  }
  sharedLosses(reader, 'DPDS 1.0');
  return [{ path: 'product.dpds.yaml', content: toYaml(d) }, ...files];
}
