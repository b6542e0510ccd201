import { useCallback, useState } from 'react';

/** Forward-and-back paging over an API that pages with opaque cursors. @public */
export interface CursorPaging {
  /** Zero-based index of the page shown. */
  page: number;
  /** The cursor that requests the page shown; undefined for the first page. */
  cursor: string | undefined;
  /** Moves to the page after the one shown, given its `nextCursor`. */
  next(nextCursor: string): void;
  /** Moves to the page before the one shown. */
  previous(): void;
}

interface State {
  key: string;
  cursors: Array<string | undefined>;
}

/**
 * Remembers the cursors of the pages visited so that "previous" works with an
 * API that only returns a `nextCursor`. Starts again at the first page
 * whenever `resetKey` changes (a filter, the order or the page size).
 * @public
 */
export function useCursorPaging(resetKey: string): CursorPaging {
  const [state, setState] = useState<State>({
    key: resetKey,
    cursors: [undefined],
  });
  let current = state;
  if (state.key !== resetKey) {
    current = { key: resetKey, cursors: [undefined] };
    setState(current);
  }
  const next = useCallback(
    (nextCursor: string) =>
      setState(s => ({ ...s, cursors: [...s.cursors, nextCursor] })),
    [],
  );
  const previous = useCallback(
    () =>
      setState(s =>
        s.cursors.length > 1 ? { ...s, cursors: s.cursors.slice(0, -1) } : s,
      ),
    [],
  );
  return {
    page: current.cursors.length - 1,
    cursor: current.cursors[current.cursors.length - 1],
    next,
    previous,
  };
}
