import type { ReactNode } from 'react';
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

interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** Accessible name of the loading placeholder. */
  label: string;
  lines?: number;
  children: (data: T) => ReactNode;
}

/**
 * First load: a skeleton (with a note if it is slow). No data and an error: the error panel. Data
 * on hand: the data, even when a refresh has failed since (the freshness badge says so).
 */
export function QueryState<T>({ query, label, lines = 4, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  const slow = useSlow(query.isPending && query.isFetching);
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
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
