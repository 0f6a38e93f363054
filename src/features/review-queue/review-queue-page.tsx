import { useCallback, useEffect, useRef, useState } from 'react';
import { useDepartmentNames } from '../../api/get-departments';
import { usePlans } from '../../api/get-plans';
import { useSessionUser } from '../../api/session';
import { useFreshness } from '../../api/use-freshness';
import type { ReviewQueueResponse } from '../../domain/approval-api';
import type { User } from '../../domain/session-schema';
import { useTranslation } from '../../i18n/use-translation';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { RequireSession } from '../../ui/require-session';
import { useDocumentTitle } from '../../ui/use-document-title';
import type { Decision } from './api/decide';
import { useReviewQueue } from './api/get-review-queue';
import { ImportGroup } from './import-group';
import { QueueItem } from './queue-item';
import '../../ui/forms.css';
import './review-queue.css';

/**
 * The reviewer's queue (待审核, issue 23): reports waiting in the reviewer's scope, newest first, each
 * approved or returned in place, or a whole import at once.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reviewQueue.docTitle'), t('app.title'));
  const user = useSessionUser();
  const query = useReviewQueue(user?.role === 'reviewer' || user?.role === 'admin');
  const freshness = useFreshness(query);
  return (
    <div className="stack">
      <PageHeader
        title={t('reviewQueue.title')}
        aside={query.data ? <FreshnessBadge freshness={freshness} /> : undefined}
      />
      <RequireSession roles={['reviewer', 'admin']}>
        {(u) => (
          <QueryState query={query} label={t('freshness.loading')} lines={8}>
            {(data) => <Queue user={u} data={data} />}
          </QueryState>
        )}
      </RequireSession>
    </div>
  );
}

function Queue({ user, data }: { user: User; data: ReviewQueueResponse }) {
  const { t } = useTranslation();
  const scope = useScopeText(user, data.scope);
  const [announcement, setAnnouncement] = useState('');
  // After a decision the focus moves to the report that took the decided one's place in the list, or
  // to the count: once the decided reports have left the list (the cache updates just after).
  const [focusAfter, setFocusAfter] = useState<{ decision: Decision; index: number } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const count = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusAfter === null) return;
    const { decision: d, index } = focusAfter;
    if (data.items.some((i) => (d.on === 'report' ? i.report.id : i.importId) === d.id)) return;
    const titles = list.current?.querySelectorAll<HTMLElement>('[data-queue-item] h3') ?? [];
    (titles[Math.min(index, titles.length - 1)] ?? count.current)?.focus();
    setFocusAfter(null);
  }, [focusAfter, data]);
  const importName = useCallback(
    (id: string | null) => data.imports.find((i) => i.id === id)?.fileName ?? null,
    [data],
  );
  const decided = (index: number) => (d: Decision, message: string) => {
    setAnnouncement(message);
    setFocusAfter({ decision: d, index: d.on === 'report' ? index : 0 });
  };
  return (
    <div className="stack">
      <p className="rq-scope">{t('reviewQueue.scope', { scope })}</p>
      <div className="rq-announce" role="status">
        {announcement && <p className="form-notice form-notice--ok">{announcement}</p>}
      </div>
      <h2 ref={count} tabIndex={-1} className="rq-count">
        {data.total === 0 ? t('reviewQueue.empty') : t('reviewQueue.count', { count: data.total })}
        {data.items.length < data.total && (
          <span className="muted small"> {t('reviewQueue.shownOf', { shown: data.items.length })}</span>
        )}
      </h2>
      {data.imports.length > 0 && (
        <section className="card" aria-labelledby="rq-imports-title">
          <h2 id="rq-imports-title" className="card__title">
            {t('reviewQueue.imports')}
          </h2>
          <ul className="rq-imports">
            {data.imports.map((imp) => (
              <ImportGroup key={imp.id} imp={imp} onDecided={decided(0)} />
            ))}
          </ul>
        </section>
      )}
      {data.items.length > 0 && (
        <ol ref={list} className="rq-list" aria-label={t('reviewQueue.list')}>
          {data.items.map((item, index) => (
            <li key={item.report.id}>
              <QueueItem item={item} importName={importName(item.importId)} onDecided={decided(index)} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** What the reviewer reviews, in the person's language (the server words it in Chinese). */
function useScopeText(user: User, fallback: string): string {
  const { t, locale } = useTranslation();
  const plans = usePlans();
  const departmentName = useDepartmentNames();
  if (user.role === 'admin') return t('app.allPlans');
  if (user.role !== 'reviewer') return fallback;
  const title = (id: string) => plans.data?.items.find((p) => p.id === id)?.title ?? id;
  const parts = [
    ...user.plans.map((id) => t('admin.review.wholePlan', { plan: title(id) })),
    ...user.departments.map(departmentName),
  ];
  return parts.length > 0 ? parts.join(locale === 'en' ? ', ' : '、') : t('admin.review.noScope');
}
