import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * View state kept in the URL's search parameters, so that a filtered, sorted
 * or ranged view can be shared and survives a reload. `parse` turns the
 * parameters into valid state; the setter writes changed keys (empty values
 * remove them) without adding a history entry.
 */
export function useSearchParamsState<T extends object>(
  parse: (params: URLSearchParams) => T,
): [T, (change: Partial<T>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parse(params), [parse, params]);
  const update = useCallback(
    (change: Partial<T>) =>
      setParams(
        current => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(change)) {
            if (value === undefined || value === null || value === '') {
              next.delete(key);
            } else {
              next.set(key, String(value));
            }
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [state, update];
}
