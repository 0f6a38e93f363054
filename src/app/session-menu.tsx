import { Link, NavLink, useLocation } from 'react-router';
import { useSession, useSignOut } from '../api/session';
import { paths } from '../domain/paths';
import { useTranslation } from '../i18n/use-translation';

/** Who is signed in, and sign-in/sign-out. Reading needs no sign-in, so a failed check just offers one. */
export function SessionMenu() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const user = useSession().data?.user ?? null;
  const signOut = useSignOut();
  if (!user) {
    if (pathname === '/sign-in') return null;
    return (
      <Link className="button button--ghost" to={paths.signIn(`${pathname}${search}`)}>
        {t('app.signIn')}
      </Link>
    );
  }
  return (
    <div className="session-menu">
      <span className="session-menu__user" title={t(`app.role.${user.role}`)}>
        {t('app.signedInAs', { name: user.displayName || user.username })}
      </span>
      <button
        type="button"
        className="button button--ghost"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {t('app.signOut')}
      </button>
    </div>
  );
}

/** "填报" for everyone (it leads to the sign-in), "审核" for reviewers and administrators, "管理" for administrators. */
export function SessionNavLinks() {
  const { t } = useTranslation();
  const user = useSession().data?.user ?? null;
  return (
    <>
      <NavLink to={paths.report()}>{t('app.reportNav')}</NavLink>
      {(user?.role === 'reviewer' || user?.role === 'admin') && (
        <NavLink to={paths.reviewQueue()}>{t('app.reviewQueueNav')}</NavLink>
      )}
      {user?.role === 'admin' && <NavLink to={paths.admin()}>{t('app.adminNav')}</NavLink>}
    </>
  );
}
