import type { DataProductPort } from '@datamesh-backstage/plugin-data-mesh-common';
import { ANNOTATION_STANDARD_ID } from '../import/entityDraft';
import { UNTYPED_LINK } from '../import/links';
import { lifecycleToStatus } from '../import/values';
import type { StandardFile } from '../types';
import { inputContract, toYaml } from './contractFiles';
import type { EntityReader } from './EntityReader';
import { refName } from './entityRefs';
import { exportedOutputPorts } from './outputPorts';
import { exportLinks, productId, productName, sharedLosses } from './shared';

/** The product as ODPS 1.0 plus one ODCS 3.1 contract per output port. */
export function toOdps(
  reader: EntityReader,
  contracts?: StandardFile[],
): StandardFile[] {
  const e = reader.entity;
  const id = productId(reader);
  const p: Record<string, any> = {
    apiVersion: 'v1.0.0',
    kind: 'DataProduct',
    id,
  };
  p.name = productName(reader);
  if (reader.take(['spec', 'version'])) p.version = e.spec.version;
  p.status = reader.take(['spec', 'lifecycle'])
    ? lifecycleToStatus(e.spec.lifecycle!)
    : '';
  if (reader.take(['spec', 'domain'])) p.domain = refName(e.spec.domain!);
  if (reader.take(['metadata', 'description']))
    p.description = { purpose: e.metadata.description };
  if (reader.take(['metadata', 'tags'])) p.tags = e.metadata.tags;
  const { definitions, support } = exportLinks(reader);
  if (definitions.length > 0) {
    p.authoritativeDefinitions = definitions.map(l => ({
      type: l.type ?? UNTYPED_LINK,
      url: l.url,
      ...(l.title ? { description: l.title } : {}),
    }));
  }
  if (support.length > 0) {
    p.support = support.map(l => ({ channel: l.title ?? l.url, url: l.url }));
  }
  if (reader.take(['spec', 'owner'])) p.team = { name: refName(e.spec.owner!) };
  const files: StandardFile[] = [];
  const version = (e.spec.version as string | undefined) ?? '';
  const inputs = ((e.spec.inputPorts ?? []) as DataProductPort[]).flatMap(
    (port, i) => {
      const at = ['spec', 'inputPorts', i];
      const given = inputContract(contracts, port.contract);
      if (!given || !version) {
        reader.lose(
          at,
          !version
            ? 'ODPS input ports need a version and the product has none'
            : "ODPS input ports need the id of a contract, and no given contract is at this port's contract path",
        );
        return [];
      }
      reader.take([...at, 'name']);
      reader.take([...at, 'contract']);
      reader.take([...at, 'type']);
      if (given.file) files.push(given.file);
      return [{ name: port.name, version, contractId: given.id }];
    },
  );
  if (inputs.length > 0) p.inputPorts = inputs;
  const outputs = exportedOutputPorts(reader, id, version, contracts).map(
    ({ port, at, out, contract, contractId }) => {
      out.type = port.type;
      if (contract) {
        out.contractId = contract.id;
        files.push(contract.file);
      } else if (contractId) {
        reader.take([...at, 'contract']);
        out.contractId = contractId;
      }
      return out;
    },
  );
  if (outputs.length > 0) p.outputPorts = outputs;
  const custom: Record<string, unknown>[] = [];
  // The product type as the suite's custom property, read back by the import.
  if (reader.take(['spec', 'type']))
    custom.push({ property: 'productType', value: e.spec.type });
  const classification = e.spec.access?.classification;
  if (classification && outputs.length === 0) {
    reader.take(['spec', 'access', 'classification']);
    custom.push({ property: 'dataClassification', value: classification });
  }
  if (custom.length > 0) p.customProperties = custom;
  sharedLosses(reader, 'ODPS 1.0');
  reader.consume(['metadata', 'annotations', ANNOTATION_STANDARD_ID]);
  return [{ path: 'product.odps.yaml', content: toYaml(p) }, ...files];
}
