import { Link } from 'react-router';
import { paths } from '../domain/paths';
import { useTranslation } from '../i18n/use-translation';
import { useDocumentTitle } from './use-document-title';

/** Unknown paths and unknown ids (a target, sector or project that does not exist) end here. */
export function NotFoundView({ message }: { message: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'), t('app.title'));
  return (
    <section className="not-found">
      <p className="not-found__code num" aria-hidden="true">
        404
      </p>
      <h1 tabIndex={-1} className="page-title">
        {t('notFound.title')}
      </h1>
      <p>{message}</p>
      <Link className="button" to={paths.overview()}>
        {t('notFound.home')}
      </Link>
    </section>
  );
}
