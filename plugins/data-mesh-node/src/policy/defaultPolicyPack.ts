import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';
import { parsePolicyPack } from './parsePolicyPack';
import { PolicyPack } from './types';

/** Where the built-in pack's YAML is shipped. @public */
export const DEFAULT_POLICY_PACK_PATH = resolvePackagePath(
  '@datamesh-backstage/plugin-data-mesh-node',
  'policies/default-pack.yaml',
);

/**
 * The built-in global pack: the reference data mesh rule set, the platform
 * standards and the cross-entity rules (see `policies/default-pack.yaml`).
 * @public
 */
export function loadDefaultPolicyPack(): PolicyPack {
  return parsePolicyPack(
    readFileSync(DEFAULT_POLICY_PACK_PATH, 'utf8'),
    DEFAULT_POLICY_PACK_PATH,
  );
}
