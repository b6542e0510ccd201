import type { DataProductPort } from '@datamesh-backstage/plugin-data-mesh-common';
import type { StandardFile } from '../types';
import { outputContracts, PortContract } from './contractFiles';
import type { EntityReader } from './EntityReader';

/** An output port an export writes: begun in the target standard, with its contract. */
export interface ExportedOutputPort {
  port: DataProductPort;
  /** Its index among the entity's output ports. */
  index: number;
  /** Its path in the entity. */
  at: (string | number)[];
  /** The port as the target standard writes it: `name`, `version`, `description` so far. */
  out: Record<string, any>;
  /** The contract written for it, when it has or needs one. */
  contract?: PortContract;
  /** The contract id it holds instead of a contract file. */
  contractId?: string;
}

/**
 * The output ports every export writes, with their ODCS contracts (see
 * `outputContracts`): the ports that can be written, in the entity's order,
 * each begun as `{ name, version, description }`; the target standard adds
 * the rest.
 */
export function exportedOutputPorts(
  reader: EntityReader,
  productId: string,
  version: string,
  contracts: StandardFile[] | undefined,
): ExportedOutputPort[] {
  const written = outputContracts(reader, productId, contracts);
  const ports = (reader.entity.spec.outputPorts ?? []) as DataProductPort[];
  return ports.flatMap((port, index) => {
    if (!written[index]) return [];
    const at = ['spec', 'outputPorts', index];
    reader.take([...at, 'name']);
    reader.take([...at, 'type']);
    const out: Record<string, any> = { name: port.name, version };
    if (reader.take([...at, 'description'])) out.description = port.description;
    return [{ port, index, at, out, ...written[index] }];
  });
}
