import { useEffect, useRef, useState } from 'react';
import { useSupervision } from '../../api/get-supervision';
import { shanghaiDate } from '../../domain/dates';
import type { User } from '../../domain/session-schema';
import type { SupervisionItem } from '../../domain/supervision-api';
import { useTranslation } from '../../i18n/use-translation';
import { Skeleton } from '../../ui/skeleton';
import { useNow } from '../../ui/use-now';
import { type Done, SupervisionActions } from './supervision-actions';
import { SupervisionItemView } from './supervision-item';
import '../../ui/forms.css';
import './supervision.css';

/** The target office and the lead department's reporters close an item; a supporting department's report progress. */
const leads = (user: User, item: SupervisionItem) =>
  user.role === 'admin' || user.role === 'reviewer' || user.departments.includes(item.leadDepartment);

/**
 * 本单位督办事项 at /report: what the weekly meeting asked of the person's departments, overdue first,
 * with 更新进展 and 办结 for the lead department; closed ones below, with who closed them and when.
 */
export function ReportSupervision({ user }: { user: User }) {
  const { t } = useTranslation();
  const now = useNow();
  const asOf = shanghaiDate(now());
  const list = useSupervision({ mine: true, asOf });
  const [done, setDone] = useState<Done | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!done) return;
    // After 办结 the item moves to the closed ones: the focus goes to the notice that says so; after a
    // progress update it goes back to the item.
    if (done.kind === 'closed') notice.current?.focus();
    else document.getElementById(`sv-${done.item.id}-title`)?.focus();
  }, [done]);
  const items = list.data?.items ?? [];
  const open = items.filter((i) => i.status !== 'done');
  const closed = items.filter((i) => i.status === 'done');
  return (
    <section className="card sv-mine" aria-labelledby="sv-mine-title">
      <div className="card__head">
        <h2 id="sv-mine-title" className="card__title">
          {t('supervision.mine.title')}
        </h2>
        <span className="card__hint">{t('supervision.mine.hint')}</span>
      </div>
      {done && (
        <div ref={notice} tabIndex={-1} className="form-notice form-notice--ok" role="status">
          <p>
            <span aria-hidden="true">✓ </span>
            {done.kind === 'closed'
              ? t('supervision.mine.closedNotice', { title: done.item.title })
              : t('supervision.mine.progressSaved')}
          </p>
        </div>
      )}
      {!list.data ? (
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
      ) : items.length === 0 ? (
        <p className="muted">{t('supervision.mine.none')}</p>
      ) : (
        <>
          {open.length > 0 && (
            <ul className="sv-list">
              {open.map((item) => (
                <li key={item.id}>
                  <SupervisionItemView
                    item={item}
                    asOf={asOf}
                    actions={
                      <>
                        {!leads(user, item) && <p className="muted small">{t('supervision.mine.supportRole')}</p>}
                        <SupervisionActions item={item} mayClose={leads(user, item)} onDone={setDone} />
                      </>
                    }
                  />
                </li>
              ))}
            </ul>
          )}
          {closed.length > 0 && (
            <details className="sv-closed-list" open={open.length === 0 || done?.kind === 'closed'}>
              <summary>
                <span aria-hidden="true">✓ </span>
                {t('supervision.groupCount', { name: t('supervision.group.done'), count: closed.length })}
              </summary>
              <ul className="sv-list">
                {closed.map((item) => (
                  <li key={item.id}>
                    <SupervisionItemView item={item} asOf={asOf} headingLevel={4} />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
