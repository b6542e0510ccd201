import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { JsonObject } from '@backstage/types';
import { startDataMesh } from './startDataMesh';

/**
 * Starts the data-mesh plugin (see {@link startDataMesh}) with Backstage's
 * mock actions registry, which checks inputs and outputs against the
 * actions' schemas as the real registry does.
 */
export async function startDataMeshActions(
  options: Parameters<typeof startDataMesh>[0] = {},
) {
  const registry = actionsRegistryServiceMock();
  const started = await startDataMesh({
    ...options,
    features: [
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
      ...(options.features ?? []),
    ],
  });
  /** Invokes a data-mesh action as `credentials` (a user by default). */
  const invoke = async (
    name: string,
    input: JsonObject,
    credentials: BackstageCredentials = mockCredentials.user(),
  ): Promise<any> =>
    (await registry.invoke({ id: `test:${name}`, input, credentials })).output;
  /** The action as MCP clients see it: JSON Schemas of input and output. */
  const describe = async (name: string) => {
    const { actions } = await registry.list();
    return actions.find(action => action.name === name)!;
  };
  return { ...started, registry, invoke, describe };
}
