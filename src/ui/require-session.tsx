import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { paths } from '../domain/paths';
import type { Role, User } from '../domain/write-api';
import { useTranslation } from '../i18n/use-translation';
import { ErrorPanel } from './error-panel';
import { Skeleton } from './skeleton';

/**
 * Pages that need a signed-in person with one of `roles`: the sign-in page first (coming back here
 * afterwards), a plain explanation for a person without the role.
 */
export function RequireSession({ roles, children }: { roles: readonly Role[]; children: (user: User) => ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Skeleton label={t('freshness.loading')} lines={6} />;
  if (session.isError && !session.data)
    return <ErrorPanel error={session.error} onRetry={() => void session.refetch()} />;
  const user = session.data?.user ?? null;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate replace to={paths.signIn(next)} />;
  }
  if (!roles.includes(user.role)) {
    const needed = roles.includes('reporter') ? 'reporter' : roles.includes('reviewer') ? 'reviewer' : 'admin';
    return (
      <div className="not-found" role="alert">
        <h1 tabIndex={-1} className="page-title">
          {t('report.needRole', { role: t(`app.role.${needed}`) })}
        </h1>
        <p>{t('report.needRoleHint', { name: user.displayName || user.username })}</p>
      </div>
    );
  }
  return <>{children(user)}</>;
}
