import { useTranslation } from '../i18n/use-translation';

/**
 * 初报 beside a figure still waiting for review. The reads mark a figure `provisional` only under
 * the "含待审核" switch, so by default there is nothing to mark.
 */
export function ProvisionalTag({ latest }: { latest: { provisional?: boolean | undefined } | null | undefined }) {
  const { t } = useTranslation();
  if (!latest?.provisional) return null;
  return (
    <abbr className="provisional-tag" title={t('pending.tagLabel')}>
      {t('pending.tag')}
    </abbr>
  );
}

/** "含待审核": a real checkbox with its label, in the URL like the as-of date (useIncludePending). */
export function IncludePendingSwitch({
  on,
  onChange,
}: {
  on: boolean;
  /** The URL's value: `1` when switched on. */
  onChange: (value: '1' | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="check">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked ? '1' : undefined)} />
      {t('pending.switch')}
    </label>
  );
}

/** The one line under the page title while figures not yet reviewed are counted. */
export function PendingNotice({ on }: { on: boolean | undefined }) {
  const { t } = useTranslation();
  return on ? (
    <p className="pending-notice" role="note">
      {t('pending.notice')}
    </p>
  ) : null;
}
