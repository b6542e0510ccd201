import { parseProductListQuery } from './useProductListQuery';

describe('parseProductListQuery', () => {
  it('defaults to worst scores first, 25 per page, no filters', () => {
    expect(parseProductListQuery(new URLSearchParams())).toEqual({
      status: undefined,
      type: undefined,
      minScore: undefined,
      maxScore: undefined,
      orderBy: 'score',
      order: 'asc',
      limit: 25,
    });
  });

  it('reads valid values and ignores anything else', () => {
    expect(
      parseProductListQuery(
        new URLSearchParams(
          'status=warn&type=aggregate&minScore=50&maxScore=79.99&orderBy=entityRef&order=desc&limit=5',
        ),
      ),
    ).toEqual({
      status: 'warn',
      type: 'aggregate',
      minScore: 50,
      maxScore: 79.99,
      orderBy: 'entityRef',
      order: 'desc',
      limit: 5,
    });
    expect(
      parseProductListQuery(
        new URLSearchParams(
          'status=broken&type=x&minScore=-1&maxScore=high&orderBy=owner&order=up&limit=101',
        ),
      ),
    ).toEqual({
      status: undefined,
      type: undefined,
      minScore: undefined,
      maxScore: undefined,
      orderBy: 'score',
      order: 'asc',
      limit: 25,
    });
    expect(parseProductListQuery(new URLSearchParams('limit=2.5')).limit).toBe(
      25,
    );
  });
});
