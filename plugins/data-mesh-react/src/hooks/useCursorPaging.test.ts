import { act, renderHook } from '@testing-library/react';
import { useCursorPaging } from './useCursorPaging';

describe('useCursorPaging', () => {
  it('walks forward with next cursors and back through the ones visited', () => {
    const { result } = renderHook(() => useCursorPaging('a'));
    expect(result.current).toMatchObject({ page: 0, cursor: undefined });

    act(() => result.current.next('c1'));
    expect(result.current).toMatchObject({ page: 1, cursor: 'c1' });
    act(() => result.current.next('c2'));
    expect(result.current).toMatchObject({ page: 2, cursor: 'c2' });

    act(() => result.current.previous());
    expect(result.current).toMatchObject({ page: 1, cursor: 'c1' });
    act(() => result.current.previous());
    act(() => result.current.previous());
    expect(result.current).toMatchObject({ page: 0, cursor: undefined });
  });

  it('starts again at the first page when the reset key changes', () => {
    const { result, rerender } = renderHook(({ key }) => useCursorPaging(key), {
      initialProps: { key: 'status=fail' },
    });
    act(() => result.current.next('c1'));
    expect(result.current.page).toBe(1);

    rerender({ key: 'status=pass' });
    expect(result.current).toMatchObject({ page: 0, cursor: undefined });
    act(() => result.current.next('d1'));
    expect(result.current).toMatchObject({ page: 1, cursor: 'd1' });
  });
});
