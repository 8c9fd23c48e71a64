import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list page's filters and page number, kept in the address so that a list can be linked to and the
 * back button returns to the previous filters. Changing a filter returns to page 1.
 */
export function useListParams<F extends string>(filters: readonly F[]) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const values = Object.fromEntries(filters.map((filter) => [filter, params.get(filter) ?? ''])) as Record<
    F,
    string
  >;

  const setFilter = useCallback(
    (filter: F, value: string, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value === '') next.delete(filter);
          else next.set(filter, value);
          next.delete('page');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (nextPage <= 1) next.delete('page');
        else next.set('page', String(nextPage));
        return next;
      });
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return { page, values, setFilter, setPage, clear };
}

/** A filter's value for the API: empty means not given. */
export function optional(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** A numeric filter's value for the API. */
export function optionalNumber(value: string): number | undefined {
  const number = Number(value);
  return value === '' || !Number.isInteger(number) ? undefined : number;
}
