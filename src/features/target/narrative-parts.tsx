import { shanghaiDate } from '../../domain/dates';
import { formatDate, formatTime, type Locale } from '../../domain/format';
import { NARRATIVE_FIELDS } from '../../domain/report-schema';
import type { Narrative } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';

/** Beyond this many characters a version's narrative folds away behind its summary line. */
const FOLD_AT = 120;

/** An instant as the Shanghai date and time: 2025年12月29日 10:30. */
export function instantText(iso: string, locale: Locale): string {
  const ms = Date.parse(iso);
  return `${formatDate(shanghaiDate(new Date(ms)), locale)} ${formatTime(ms, locale)}`;
}

/**
 * The parts of a narrative that were given (进展情况, 存在问题, 下步措施, 需协调事项), as plain
 * text. `collapsible`: a long one is folded (a native disclosure, keyboard operable) to keep the
 * history readable.
 */
export function NarrativeParts({
  narrative,
  collapsible = false,
}: {
  narrative: Narrative | undefined;
  collapsible?: boolean;
}) {
  const { t } = useTranslation();
  const given = NARRATIVE_FIELDS.filter((f) => narrative && narrative[f] !== '');
  if (!narrative || given.length === 0) return null;
  const parts = (
    <dl className="narrative-parts">
      {given.map((f) => (
        <div key={f}>
          <dt className="narrative-parts__label">{t(`reportReview.narrative.${f}`)}</dt>
          <dd className="narrative-parts__text">{narrative[f]}</dd>
        </div>
      ))}
    </dl>
  );
  const length = given.reduce((n, f) => n + narrative[f].length, 0);
  if (!collapsible || length <= FOLD_AT) return parts;
  return (
    <details className="narrative-fold">
      <summary>{t('reportReview.narrativeMore', { count: given.length })}</summary>
      {parts}
    </details>
  );
}
