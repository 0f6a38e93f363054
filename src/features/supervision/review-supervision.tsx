import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useSupervision } from '../../api/get-supervision';
import { groupForReview, REVIEW_GROUPS } from '../../domain/supervision-review';
import { useTranslation } from '../../i18n/use-translation';
import { Skeleton } from '../../ui/skeleton';
import type { SupervisionDraft } from './supervision-create-form';
import { STATUS_GLYPH, SupervisionItemView } from './supervision-item';
import './supervision.css';

/** The form (and the words of the server's checks) load only for the target office, who may add items. */
const loadForm = () => import('./supervision-create-form');
const SupervisionCreateForm = lazy(() => loadForm().then((m) => ({ default: m.SupervisionCreateForm })));

export type { SupervisionDraft };

/** A 新增督办 the page asked for (`key` tells two clicks on the same row apart). */
export interface DraftRequest {
  key: number;
  draft: SupervisionDraft;
}

const GROUP_GLYPH = {
  overdue: STATUS_GLYPH.overdue,
  dueSoon: STATUS_GLYPH.open,
  open: STATUS_GLYPH.open,
  done: STATUS_GLYPH.done,
};

/**
 * 督办事项 at the top of the weekly review: last meetings' decisions, grouped 逾期 / 本周到期 / 办理中 /
 * 已办结, with their status judged at this meeting's date. The target office adds items here,
 * free-standing or from a lagging target's row (the page hands the row's target over as `request`).
 */
export function ReviewSupervision({
  asOf,
  previousAsOf,
  plan,
  canCreate,
  request,
  onRequest,
}: {
  asOf: string;
  previousAsOf: string;
  plan: string | undefined;
  canCreate: boolean;
  request: DraftRequest | null;
  onRequest: (r: DraftRequest | null) => void;
}) {
  const { t } = useTranslation();
  const list = useSupervision({ asOf });
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  // The button that opened the form (read before the form takes the focus) gets it back on 取消.
  const opener = useRef<{ key: number; el: HTMLElement | null } | null>(null);
  if (request && opener.current?.key !== request.key)
    opener.current = {
      key: request.key,
      el: document.activeElement instanceof HTMLElement ? document.activeElement : null,
    };
  const data = list.data;
  useEffect(() => {
    if (canCreate) void loadForm();
  }, [canCreate]);
  useEffect(() => {
    if (!focusId || !data?.items.some((i) => i.id === focusId)) return;
    document.getElementById(`sv-${focusId}-title`)?.focus();
    setFocusId(null);
  }, [focusId, data]);
  useEffect(() => {
    if (request) setCreated(null);
  }, [request]);
  const groups = data ? groupForReview(data.items, { asOf, previousAsOf, plan }) : null;
  const empty = groups !== null && REVIEW_GROUPS.every((g) => groups[g].length === 0);
  return (
    <section className="card sv-review" aria-labelledby="sv-review-title">
      <div className="card__head">
        <h2 id="sv-review-title" className="card__title">
          {t('supervision.title')}
        </h2>
        <span className="card__hint">{t('supervision.reviewHint')}</span>
        {canCreate && (
          <button
            type="button"
            className="button sv-review__add"
            data-print-hide=""
            onClick={() =>
              onRequest({ key: Date.now(), draft: { targetId: null, targetTitle: null, leadDepartment: null } })
            }
          >
            {t('supervision.add')}
          </button>
        )}
      </div>
      {request && canCreate && (
        <div className="sv-review__form" data-print-hide="">
          <Suspense fallback={<Skeleton label={t('freshness.loading')} lines={4} />}>
            <SupervisionCreateForm
              key={request.key}
              draft={request.draft}
              meetingDate={asOf}
              onCreated={(item) => {
                setCreated({ id: item.id, title: item.title });
                setFocusId(item.id);
                onRequest(null);
              }}
              onCancel={() => {
                const back = opener.current?.el;
                onRequest(null);
                if (back?.isConnected) back.focus();
              }}
            />
          </Suspense>
        </div>
      )}
      {created && (
        <div className="form-notice form-notice--ok sv-created" role="status" data-print-hide="">
          <p>
            <span aria-hidden="true">✓ </span>
            {t('supervision.form.created', { title: created.title })}
          </p>
        </div>
      )}
      {!data ? (
        list.isError ? (
          <p className="muted" role="alert">
            {t('supervision.loadFailed', { message: (list.error as Error).message })}{' '}
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('supervision.retry')}
            </button>
          </p>
        ) : (
          <Skeleton label={t('freshness.loading')} lines={3} />
        )
      ) : empty ? (
        <p className="muted">{t('supervision.noneHere')}</p>
      ) : (
        groups &&
        REVIEW_GROUPS.map((g) =>
          groups[g].length === 0 ? null : (
            <section key={g} className={`sv-group sv-group--${g}`} aria-labelledby={`sv-group-${g}`}>
              <h3 id={`sv-group-${g}`} className="sv-group__title">
                <span aria-hidden="true">{GROUP_GLYPH[g]} </span>
                {t('supervision.groupCount', { name: t(`supervision.group.${g}`), count: groups[g].length })}
              </h3>
              <ul className="sv-list">
                {groups[g].map((item) => (
                  <li key={item.id}>
                    <SupervisionItemView item={item} asOf={asOf} meetingAsOf={asOf} headingLevel={4} />
                  </li>
                ))}
              </ul>
            </section>
          ),
        )
      )}
    </section>
  );
}
