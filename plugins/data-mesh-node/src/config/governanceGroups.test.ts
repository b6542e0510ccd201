import { mockServices } from '@backstage/backend-test-utils';
import { readGovernanceGroups } from './governanceGroups';

const read = (governanceGroups?: unknown) =>
  readGovernanceGroups(
    mockServices.rootConfig({
      data:
        governanceGroups === undefined
          ? {}
          : { dataMesh: { governanceGroups } },
    }),
  );

describe('readGovernanceGroups', () => {
  it('reads group refs as the ownership refs of a sign-in spell them', () => {
    expect(
      read([
        'group:default/data-governance',
        'Group:Platform/Data-Stewards',
        'group:data-governance',
      ]),
    ).toEqual([
      'group:default/data-governance',
      'group:platform/data-stewards',
    ]);
  });

  it('gives no groups when the key is absent', () => {
    expect(read()).toEqual([]);
  });

  it('refuses a ref without a kind, naming the entry', () => {
    expect(() =>
      read(['group:default/data-governance', 'data-governance']),
    ).toThrow(
      'dataMesh.governanceGroups[1]: "data-governance" is not an entity ref',
    );
  });

  it('refuses a ref of another kind', () => {
    expect(() => read(['user:default/grace'])).toThrow(
      'dataMesh.governanceGroups[0]: "user:default/grace" is not a group ref',
    );
  });

  it('refuses an invalid namespace or name', () => {
    expect(() => read(['group:default/data governance'])).toThrow(
      'dataMesh.governanceGroups[0]: "group:default/data governance" has an invalid namespace or name',
    );
    expect(() => read(['group:a/b/c'])).toThrow(
      'has an invalid namespace or name',
    );
  });

  it('refuses a value that is not a list of strings', () => {
    expect(() => read('group:default/data-governance')).toThrow(
      'dataMesh.governanceGroups',
    );
  });
});
