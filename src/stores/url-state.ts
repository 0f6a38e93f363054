import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { FilterParam, UnknownFilter } from '../domain/query';

/**
 * View state that a person would send to a colleague lives in the URL. Each view declares which
 * parameters it reads; values are plain strings (empty = absent), validated by the view.
 */
export function useUrlState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const serialized = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `serialized` stands for `params`, which is a new object each render
  const values = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keys) out[k] = params.get(k) ?? undefined;
    return out;
  }, [serialized, keys.join()]);

  const update = useCallback(
    (patch: Partial<Record<K, string | undefined | null>>, options: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, string | undefined | null][]) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );
  return [values, update] as const;
}

/** `includePending=1` (the "含待审核" switch) as the reads take it: `true`, or absent (approved figures only). */
export const includePendingOf = (value: string | null | undefined): true | undefined =>
  value === '1' || value === 'true' ? true : undefined;

/** Narrows a URL value to one of the allowed values, else undefined (a mistyped link shows the default view). */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * A filter in the URL naming none of the allowed values (`?status=behind`): the page says so
 * rather than quietly showing everything as if unfiltered. Null when absent or allowed.
 */
export function unknownFilterIn(
  param: FilterParam,
  value: string | undefined,
  allowed: readonly string[],
): UnknownFilter | null {
  return value && !allowed.includes(value) ? { param, value, allowed } : null;
}

/** A link that carries view state along (the as-of date, a filter), leaving out empty values. */
export { hrefWith } from '../domain/paths';
