import { toYaml } from '../parse/toYaml';
import type { DataProductPort } from '@datamesh-backstage/plugin-data-mesh-common';
import { parseStandardFile } from '../parse/parseStandardFile';
import { detectStandard } from '../parse/detectStandard';
import type { StandardFile } from '../types';
import type { EntityReader } from './EntityReader';
import { isOdcsPath } from './entityRefs';
import { odcsContract } from './toOdcs';

export { toYaml };

/** The ODCS contract among the given files at `path`, parsed. */
function givenContract(
  contracts: StandardFile[] | undefined,
  path: string | undefined,
): Record<string, any> | undefined {
  const file = path ? contracts?.find(c => c.path === path) : undefined;
  if (!file) return undefined;
  const data = parseStandardFile(file.path, file.content).data;
  return detectStandard(data)?.format === 'odcs' ? data : undefined;
}

const PRODUCT_WIDE = ['schema', 'quality', 'slo', 'access'];

/**
 * Whether a port without a contract needs one written: to hold its location,
 * format, endpoint or authentication, or (the first output port) the
 * product's schema, tests, SLOs and access settings.
 */
function needsContract(
  reader: EntityReader,
  port: DataProductPort,
  index: number,
) {
  if (port.location || port.format || port.endpoint || port.authentication)
    return true;
  return (
    index === 0 &&
    PRODUCT_WIDE.some(key => (reader.entity.spec as any)[key] !== undefined)
  );
}

/** Whether a port's contract is a contract id rather than a path or URL. */
export function isContractId(contract: string | undefined): contract is string {
  return !!contract && !contract.includes('/') && !/\.[a-z]+$/i.test(contract);
}

/** One output port's exported contract: its id, path and file. */
export interface PortContract {
  id: string;
  path: string;
  file: StandardFile;
}

/**
 * The ODCS 3.1 contract of every output port that has or needs one (the
 * first holds the product-wide parts); undefined for a port that cannot be
 * written.
 */
export function outputContracts(
  reader: EntityReader,
  productId: string,
  contracts: StandardFile[] | undefined,
): Array<{ contract?: PortContract; contractId?: string } | undefined> {
  const ports = (reader.entity.spec.outputPorts ?? []) as DataProductPort[];
  return ports.map((port, i) => {
    const at = ['spec', 'outputPorts', i];
    if (!port.name || !port.type) {
      reader.lose(at, 'a port without a name or type cannot be written');
      return undefined;
    }
    if (!needsContract(reader, port, i)) {
      // A contract id alone (an import that did not find the file) stays an id.
      if (!port.contract) return {};
      if (isContractId(port.contract)) return { contractId: port.contract };
    }
    reader.take([...at, 'contract']);
    const base = givenContract(contracts, port.contract);
    const path =
      base || isOdcsPath(port.contract)
        ? port.contract!
        : `contracts/${port.name}.odcs.yaml`;
    // A contract that is neither a file nor a URL is a contract id (kept by an import that did not find the file).
    const id = isContractId(port.contract)
      ? port.contract
      : `${productId}-${port.name}`;
    if (
      port.contract &&
      !isContractId(port.contract) &&
      path !== port.contract
    ) {
      reader.lose(
        [...at, 'contract'],
        `'${port.contract}' is not a given ODCS contract; the port's ODCS contract is written to ${path}`,
      );
    }
    const contract = odcsContract(reader, port, at, id, i === 0, base);
    return {
      contract: {
        id: String(contract.id),
        path,
        file: { path, content: toYaml(contract) },
      },
    };
  });
}

/**
 * An input port's contract: a given contract file (its id, and the file
 * written as given), or the contract id the port holds.
 */
export function inputContract(
  contracts: StandardFile[] | undefined,
  contract: string | undefined,
): { id: string; file?: StandardFile } | undefined {
  const data = givenContract(contracts, contract);
  if (data && typeof data.id === 'string') {
    return { id: data.id, file: contracts!.find(c => c.path === contract)! };
  }
  if (isContractId(contract)) return { id: contract };
  return undefined;
}
