import { NARRATIVE_FIELDS } from '../../domain/report-schema';
import type { Narrative } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';

/** The parts of a report's narrative that were given (进展情况, 存在问题, …), as plain text. */
export function NarrativeParts({ narrative }: { narrative: Narrative | undefined }) {
  const { t } = useTranslation();
  const given = NARRATIVE_FIELDS.filter((f) => narrative && narrative[f] !== '');
  if (!narrative || given.length === 0) return null;
  return (
    <dl className="rq-narrative">
      {given.map((f) => (
        <div key={f}>
          <dt>{t(`reportReview.narrative.${f}`)}</dt>
          <dd>{narrative[f]}</dd>
        </div>
      ))}
    </dl>
  );
}
