import { lazy, type ReactNode, Suspense } from 'react';
import { unknownFilterOf } from '../api/api-error';
import type { UnknownFilter } from '../domain/query';
import { useTranslation } from '../i18n/use-translation';
import { ErrorPanel } from './error-panel';
import { Skeleton } from './skeleton';
import { useSlow } from './use-slow';

/** The parts of a query (plain or infinite) the loading and error states read. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/** Rare (a mistyped link): loaded when needed, not with every page's first load. */
const UnknownFilterNotice = lazy(() =>
  import('./unknown-filter-notice').then((m) => ({ default: m.UnknownFilterNotice })),
);

function Unknown({ filter, label }: { filter: UnknownFilter; label: string }) {
  return (
    <Suspense fallback={<Skeleton label={label} lines={2} />}>
      <UnknownFilterNotice filter={filter} />
    </Suspense>
  );
}

interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** Accessible name of the loading placeholder. */
  label: string;
  lines?: number;
  /** A filter the page itself found naming nothing (a status in the link): said instead of the data. */
  unknownFilter?: UnknownFilter | null | undefined;
  children: (data: T) => ReactNode;
}

/**
 * First load: a skeleton (with a note if it is slow). No data and an error: the error panel, or
 * for a filter naming nothing (a 400 saying so), that message and a way to clear it. Data on
 * hand: the data, even when a refresh has failed since (the freshness badge says so).
 */
export function QueryState<T>({ query, label, lines = 4, unknownFilter, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  const slow = useSlow(query.isPending && query.isFetching);
  if (unknownFilter) return <Unknown filter={unknownFilter} label={label} />;
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    // A filter naming nothing is no failure to retry: the person is told which, and how to clear it.
    const unknown = unknownFilterOf(query.error);
    if (unknown) return <Unknown filter={unknown} label={label} />;
    return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <div>
      <Skeleton label={label} lines={lines} />
      {slow && (
        <p className="slow-note" role="status">
          {t('error.slow')}
        </p>
      )}
    </div>
  );
}
