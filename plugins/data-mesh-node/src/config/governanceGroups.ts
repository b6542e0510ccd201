import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The configuration key naming the governance groups. @public */
export const GOVERNANCE_GROUPS_KEY = 'dataMesh.governanceGroups';

const validator = makeValidator();

/** One configured ref as a group's full, lower-case entity ref. */
function toGroupRef(value: string, key: string): string {
  let ref;
  try {
    ref = parseEntityRef(value);
  } catch (error) {
    throw new InputError(
      `${key}: "${value}" is not an entity ref (${(error as Error).message})`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `${key}: "${value}" is not a group ref; write it as group:<namespace>/<name>`,
    );
  }
  if (
    !validator.isValidNamespace(ref.namespace.toLocaleLowerCase('en-US')) ||
    !validator.isValidEntityName(ref.name)
  ) {
    throw new InputError(`${key}: "${value}" has an invalid namespace or name`);
  }
  return stringifyEntityRef(ref);
}

/**
 * The groups whose members govern the mesh (`dataMesh.governanceGroups`),
 * as the ownership refs of a sign-in spell them (`group:default/name`):
 * a permission policy grants them governance, and the data-mesh backend
 * notifies them of waiver requests. Throws an InputError naming the entry
 * when one is not a group ref; an absent key gives no groups.
 * @public
 */
export function readGovernanceGroups(config: RootConfigService): string[] {
  const values = config.getOptionalStringArray(GOVERNANCE_GROUPS_KEY) ?? [];
  return [
    ...new Set(
      values.map((value, index) =>
        toGroupRef(value, `${GOVERNANCE_GROUPS_KEY}[${index}]`),
      ),
    ),
  ];
}
