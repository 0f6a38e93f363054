import { Link } from 'react-router';
import { WARNING_STATUSES } from '../../domain/aggregate';
import { paths } from '../../domain/paths';
import type { ReviewTarget } from '../../domain/review-api';
import { useTranslation } from '../../i18n/use-translation';
import { useIncludePending } from '../../stores/include-pending';

/** Whether the meeting asks about a target: 滞后, 严重滞后 or 未完成 at the meeting. */
export const isAsked = (target: ReviewTarget): boolean => WARNING_STATUSES.has(target.state.status);

/** "情况说明": the target page's narrative panel, as of the meeting. */
export function NarrativeLink({ target, asOf }: { target: ReviewTarget; asOf: string }) {
  const { t } = useTranslation();
  const [includePending] = useIncludePending();
  return (
    <Link className="review-narrative__link" to={paths.target(target.id, { asOf, includePending, hash: 'narrative' })}>
      {t('meetingNarrative.link')}
      <span className="visually-hidden">{t('meetingNarrative.linkFor', { title: target.title })}</span>
    </Link>
  );
}

/** 需协调: a leader must act. Words and a mark, not colour alone. */
export function CoordinationTag() {
  const { t } = useTranslation();
  return (
    <span className="review-narrative__tag">
      <span aria-hidden="true">⚑ </span>
      {t('meetingNarrative.coordinationTag')}
    </span>
  );
}

function Said({ text }: { text: string }) {
  const { t } = useTranslation();
  return text === '' ? (
    <span className="muted">{t('meetingNarrative.notSaid')}</span>
  ) : (
    <span className="review-narrative__text">{text}</span>
  );
}

/**
 * What the department wrote beside a lagging target's latest figure: 存在问题 and 下步措施 (未说明 when
 * it gave none), 需协调事项 marked where it asks a leader for something, and the way to the whole text.
 */
export function ReviewNarrative({ target, asOf }: { target: ReviewTarget; asOf: string }) {
  const { t } = useTranslation();
  const n = target.latestReport?.narrative;
  return (
    <div className="review-narrative">
      {n ? (
        <dl className="review-narrative__list">
          <div>
            <dt>{t('meetingNarrative.problems')}</dt>
            <dd>
              <Said text={n.problems} />
            </dd>
          </div>
          <div>
            <dt>{t('meetingNarrative.nextSteps')}</dt>
            <dd>
              <Said text={n.nextSteps} />
            </dd>
          </div>
          {n.coordination !== '' && (
            <div className="review-narrative__coordination">
              <dt>
                <span aria-hidden="true">⚑ </span>
                {t('meetingNarrative.coordination')}
              </dt>
              <dd>
                <Said text={n.coordination} />
              </dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="review-narrative__none muted">{t('meetingNarrative.none')}</p>
      )}
      <NarrativeLink target={target} asOf={asOf} />
    </div>
  );
}
