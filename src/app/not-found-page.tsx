import { useLocation } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import { NotFoundView } from '../ui/not-found-view';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return <NotFoundView message={t('notFound.path', { path: pathname })} />;
}
