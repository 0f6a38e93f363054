import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { supervisionQueryOptions } from '../../api/get-supervision';
import { daysBetween } from '../../domain/dates';
import { formatDate } from '../../domain/format';
import type { SupervisionItem, SupervisionListResponse } from '../../domain/supervision-api';
import { useTranslation } from '../../i18n/use-translation';
import { useFitCount } from './use-fit-count';

const MAX_ROWS = 8;
const NO_ITEMS: SupervisionItem[] = [];
const selectItems = (d: SupervisionListResponse) => d.items;

/**
 * The wall's 逾期督办事项 (`supervision=1`): every overdue item, the longest overdue first, in type
 * read from across a hall: how long overdue, what, who leads, by when it was due. As many rows as fit.
 * Loaded with its words (zh-cn-supervision.ts) only on a wall that asks for it.
 */
export function SupervisionSlide({
  plan,
  asOf,
  refreshMs,
}: {
  /** The wall's plan filter (`plan=`): only that plan's targets' items; none: every item. */
  plan: string | undefined;
  asOf: string | undefined;
  refreshMs: number;
}) {
  const { t, locale } = useTranslation();
  const list = useQuery({
    ...supervisionQueryOptions({ status: 'overdue', plan, asOf }),
    refetchInterval: refreshMs,
    refetchIntervalInBackground: true,
  });
  const items = list.data ? selectItems(list.data) : NO_ITEMS;
  const day = list.data?.asOf ?? asOf ?? '';
  const box = useRef<HTMLOListElement>(null);
  const shown = useFitCount(items, MAX_ROWS, box);
  return (
    <section className="s-panel s-supervision" aria-labelledby="s-supervision-title">
      <div className="s-panel__head">
        <h2 id="s-supervision-title" className="s-panel__title">
          {list.data
            ? items.length === 0
              ? t('supervision.screen.none')
              : shown < items.length
                ? t('supervision.screen.shownOf', { shown, total: items.length })
                : t('supervision.screen.count', { count: items.length })
            : list.isError
              ? t('error.network')
              : t('freshness.loading')}
        </h2>
      </div>
      <ol className="s-sv-rows" ref={box}>
        {items.slice(0, shown).map((item) => (
          <li key={item.id} className="s-sv">
            <span className="s-sv__status">
              <span aria-hidden="true">⚑</span> {t('supervision.overdueDays', { days: daysBetween(item.dueDate, day) })}
            </span>
            <span className="s-sv__title">
              {item.title}
              {item.targetTitle && <span className="s-sv__target">{item.targetTitle}</span>}
            </span>
            <span className="s-sv__lead">{item.leadDepartmentName}</span>
            <span className="s-sv__due num">
              {t('supervision.screen.due', { date: formatDate(item.dueDate, locale) })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
