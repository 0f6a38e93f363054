import type { Status } from '../domain/schemas';
import { useTranslation } from '../i18n/use-translation';
import { StatusIcon } from './status-icon';

/** Status as text, icon and colour together. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className="status-badge" data-status={status}>
      <StatusIcon status={status} />
      <span>{t(`status.${status}`)}</span>
    </span>
  );
}
