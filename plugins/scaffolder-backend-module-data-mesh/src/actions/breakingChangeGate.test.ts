import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { checkAgainstCatalog } from './breakingChangeGate';

const product = (
  version: string,
  fields: string[],
  lifecycle = 'production',
): DataProductEntityV1alpha1 => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'orders' },
  spec: {
    type: 'source-aligned',
    lifecycle,
    owner: 'sales-team',
    domain: 'sales',
    version,
    schema: {
      type: 'avro',
      fields: fields.map(name => ({ name, type: 'string' })),
    },
  },
});

function check(
  current: DataProductEntityV1alpha1 | undefined,
  proposed: DataProductEntityV1alpha1,
  mode: 'fail' | 'warn' = 'fail',
) {
  const logger = mockServices.logger.mock();
  const result = checkAgainstCatalog({
    entity: proposed,
    catalog: catalogServiceMock({ entities: current ? [current] : [] }),
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
    logger,
    mode,
  });
  return { result, logger };
}

describe('the breaking-change gate of the governance check', () => {
  it('fails on a breaking change without a major version bump, listing it', async () => {
    const { result } = check(
      product('1.0.0', ['id', 'email']),
      product('1.1.0', ['id']),
    );
    await expect(result).rejects.toThrow(InputError);
    await expect(result).rejects.toThrow(
      "Breaking changes from version 1.0.0 to 1.1.0 without a major version bump:\n  - Field 'email' removed",
    );
  });

  it('only warns when told to, returning the changes', async () => {
    const { result, logger } = check(
      product('1.0.0', ['id', 'email']),
      product('1.1.0', ['id']),
      'warn',
    );
    expect((await result).map(c => c.kind)).toEqual(['field-removed']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining("Field 'email' removed"),
    );
  });

  it('lets a major version bump through, returning the changes', async () => {
    const { result } = check(
      product('1.0.0', ['id', 'email']),
      product('2.0.0', ['id']),
    );
    expect((await result).map(c => c.message)).toEqual([
      "Field 'email' removed",
    ]);
  });

  it('finds nothing to break for a new product or one not in production', async () => {
    expect(await check(undefined, product('1.0.0', ['id'])).result).toEqual([]);
    expect(
      await check(
        product('0.1.0', ['id', 'email'], 'experimental'),
        product('0.2.0', ['id']),
      ).result,
    ).toEqual([]);
  });
});
