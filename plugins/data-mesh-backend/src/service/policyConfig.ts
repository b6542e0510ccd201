import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  compilePolicies,
  loadDefaultPolicyPack,
  parsePolicyPack,
  PolicyPack,
  PolicySet,
  ScoreWeights,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The packs and weights the configuration asks for, compiled. */
export interface EffectivePolicies {
  packs: PolicyPack[];
  weights: Partial<ScoreWeights>;
  policies: PolicySet;
}

function readWeights(config: Config | undefined): Partial<ScoreWeights> {
  const weights: Partial<ScoreWeights> = {};
  for (const severity of ['error', 'warning', 'info'] as const) {
    const value = config?.getOptionalNumber(severity);
    if (value !== undefined) {
      if (!(value >= 0 && value <= 100)) {
        throw new InputError(
          `dataMesh.governance.weights.${severity} must be a number from 0 to 100, got ${value}`,
        );
      }
      weights[severity] = value;
    }
  }
  return weights;
}

/**
 * Loads the policy packs: the built-in default pack (unless
 * `dataMesh.governance.defaultPack` is false), the YAML files listed in
 * `packFiles` (relative to the working directory, like catalog file
 * locations), the packs written in `packs`, and packs added by modules.
 * Any broken pack throws, naming the file and the rule: start-up stops.
 */
export function loadEffectivePolicies(
  config: Config,
  modulePacks: PolicyPack[] = [],
): EffectivePolicies {
  const governance = config.getOptionalConfig('dataMesh.governance');
  const packs: PolicyPack[] = [];
  if (governance?.getOptionalBoolean('defaultPack') !== false) {
    packs.push(loadDefaultPolicyPack());
  }
  (governance?.getOptionalStringArray('packFiles') ?? []).forEach((file, i) => {
    let text: string;
    try {
      text = readFileSync(resolve(file), 'utf8');
    } catch (error) {
      throw new InputError(
        `Policy pack ${file} (dataMesh.governance.packFiles[${i}]) cannot be read: ${
          (error as Error).message
        }`,
      );
    }
    packs.push(parsePolicyPack(text, file));
  });
  (governance?.getOptionalConfigArray('packs') ?? []).forEach((pack, i) => {
    packs.push(
      parsePolicyPack(pack.get(), `app-config dataMesh.governance.packs[${i}]`),
    );
  });
  packs.push(...modulePacks);
  const weights = readWeights(governance?.getOptionalConfig('weights'));
  return { packs, weights, policies: compilePolicies(packs, { weights }) };
}
