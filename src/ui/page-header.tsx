import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../i18n/use-translation';

export interface Crumb {
  label: string;
  to: string;
}

/** Breadcrumbs, the page's one h1, and the freshness badge on the right. */
export function PageHeader({
  crumbs = [],
  title,
  meta,
  aside,
}: {
  crumbs?: Crumb[];
  title: ReactNode;
  meta?: ReactNode;
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <header className="page-header">
      <div className="page-header__main">
        {crumbs.length > 0 && (
          <nav aria-label={t('app.breadcrumb')} className="crumbs">
            <ol>
              {crumbs.map((c) => (
                <li key={c.to}>
                  <Link to={c.to}>{c.label}</Link>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <h1 tabIndex={-1} className="page-title">
          {title}
        </h1>
        {/* Always there, one line tall even while the data loads: the page never jumps when it lands. */}
        <div className="page-header__meta">{meta}</div>
      </div>
      {aside && <div className="page-header__aside">{aside}</div>}
    </header>
  );
}
