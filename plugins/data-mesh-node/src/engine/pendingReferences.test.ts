import { compliantProduct } from '../__fixtures__/products';
import { compilePolicies } from '../policy/compilePolicies';
import { loadDefaultPolicyPack } from '../policy/defaultPolicyPack';
import { EvaluationContext } from './EvaluationContext';
import { evaluateProduct } from './evaluateProduct';

const policies = compilePolicies([loadDefaultPolicyPack()]);
const now = new Date('2026-11-20T10:00:00Z');

/** A catalog that holds nothing; `pending` says whether it may still be ingesting. */
const emptyCatalog = (pending: boolean): EvaluationContext => ({
  lookup: () => ({ exists: false, ...(pending ? { pending: true } : {}) }),
});

describe('references the catalog does not hold yet', () => {
  it('are pending, listed and not judged while the catalog may be ingesting them', () => {
    const card = evaluateProduct(compliantProduct(), policies, {
      context: emptyCatalog(true),
      now,
    });
    expect(card.violations.map(v => v.ruleId)).toEqual([]);
    expect(card.pendingReferences).toEqual([
      { ref: 'group:default/customer-domain-team', path: 'spec.owner' },
      {
        ref: 'dataproduct:default/customer-profiles',
        path: 'spec.lineage.upstreamProducts[0]',
      },
    ]);
  });

  it('are violations once they are no longer pending', () => {
    const card = evaluateProduct(compliantProduct(), policies, {
      context: emptyCatalog(false),
      now,
    });
    expect(card.violations.map(v => [v.ruleId, v.path])).toEqual([
      ['OWN-001', 'spec.owner'],
      ['LIN-001', 'spec.lineage.upstreamProducts[0]'],
    ]);
    expect(card.pendingReferences).toBeUndefined();
  });
});
