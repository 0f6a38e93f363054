import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { reportPeriodText } from '../../domain/figure-period';
import { approvalOf, hasNarrative } from '../../domain/report-schema';
import { effectiveReports, viewOf } from '../../domain/reports';
import type { ProgressReport } from '../../domain/schemas';
import type { TargetDetailResponse } from '../../domain/target-api';
import { useTranslation } from '../../i18n/use-translation';
import { DemoTag } from '../../ui/demo-tag';
import { ProvisionalTag } from '../../ui/pending';
import { ApprovalIcon } from './approval-state';
import { instantText, NarrativeParts } from './narrative-parts';

type Item = TargetDetailResponse['item'];

/** The anchor other pages link to (`paths.target(id, { hash: 'narrative' })`). */
export const NARRATIVE_ANCHOR = 'narrative';

const newestFirst = (a: ProgressReport, b: ProgressReport) =>
  b.asOf.localeCompare(a.asOf) || b.recordedAt.localeCompare(a.recordedAt);

/**
 * 最新情况说明: what the latest report the board counts says (进展情况, 存在问题, 下步措施, 需协调事项),
 * with its date and who reported it. The figures it explains are the page's: approved reports only,
 * or pending ones too under "含待审核". Opened at `#narrative`, it takes the focus.
 */
export function LatestNarrative({
  item,
  asOf,
  pinnedAsOf,
  includePending,
}: {
  item: Item;
  /** The date the page shows. */
  asOf: string;
  /** The date the link asks for, if any: without one, a report waiting for any later date is news too. */
  pinnedAsOf: string | undefined;
  includePending: boolean | undefined;
}) {
  const { t, locale } = useTranslation();
  const counted = effectiveReports(item.reports, undefined, viewOf(includePending))
    .filter((r) => r.asOf <= asOf)
    .sort(newestFirst);
  const shown = counted.find((r) => hasNarrative(r.narrative));
  // A newer report waiting for review is not what the board counts: said, not shown.
  const waiting = includePending
    ? undefined
    : item.reports
        .filter((r) => !r.superseded && approvalOf(r) === 'pending' && (!pinnedAsOf || r.asOf <= pinnedAsOf))
        .sort(newestFirst)
        .find((r) => !shown || newestFirst(r, shown) < 0);
  useFocusWhenLinked();
  return (
    <section id={NARRATIVE_ANCHOR} tabIndex={-1} className="card latest-narrative" aria-labelledby="narrative-title">
      <h2 id="narrative-title" className="card__title">
        {t('reportReview.latest.title')}
      </h2>
      {shown?.narrative ? (
        <>
          <p className="muted small latest-narrative__meta">
            {t('reportReview.latest.meta', {
              date: reportPeriodText(shown, locale),
              name: shown.reportedByName ?? shown.reportedBy,
              time: instantText(shown.recordedAt, locale),
            })}
            <ProvisionalTag latest={{ provisional: approvalOf(shown) === 'pending' }} />
            {/* A generated report's words are generated too: marked as its figure is. */}
            {shown.demo && <DemoTag />}
          </p>
          <NarrativeParts narrative={shown.narrative} />
        </>
      ) : (
        <p className="muted">{t('reportReview.latest.empty')}</p>
      )}
      {waiting && (
        <p className="muted small latest-narrative__waiting" role="note">
          <ApprovalIcon state="pending" />
          {t('reportReview.latest.pendingNewer', {
            date: reportPeriodText(waiting, locale),
            name: waiting.reportedByName ?? waiting.reportedBy,
          })}
        </p>
      )}
    </section>
  );
}

/**
 * A link to `#narrative` opens the page there: once the panel is on screen, it takes the focus and
 * scrolls into view. Two frames later, since the layout moves the focus to the page's heading on
 * every navigation (app-layout.tsx) one frame after it.
 */
function useFocusWhenLinked() {
  const { hash } = useLocation();
  useEffect(() => {
    if (hash !== `#${NARRATIVE_ANCHOR}`) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        const panel = document.getElementById(NARRATIVE_ANCHOR);
        panel?.focus({ preventScroll: true });
        panel?.scrollIntoView?.({ block: 'start' });
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [hash]);
}
