import { useRef } from 'react';
import type { TargetWithStateDto } from '../../domain/api';
import { STATUSES } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { type FilterChip, FilterSheet } from '../../ui/filter-sheet';
import { IncludePendingSwitch } from '../../ui/pending';
import { useCarriedFilterChips } from './active-filter-chips';

type Update = (patch: Record<string, string | undefined>, o?: { replace?: boolean }) => void;

/**
 * Search by title, filter by status, the sub-sections of the sector as toggles, and the filters
 * carried over from the overview as removable chips; on a phone all of it in a sheet, every active
 * filter a chip.
 */
export function SectorToolbar({
  view,
  update,
  items,
}: {
  view: {
    q: string;
    status?: string | undefined;
    sub?: string | undefined;
    plan?: string | undefined;
    district?: string | undefined;
    department?: string | undefined;
    includePending?: true | undefined;
  };
  update: Update;
  items: TargetWithStateDto[];
}) {
  const { t } = useTranslation();
  const subsections = [...new Set(items.map((i) => i.subsection))];
  const search = useRef<HTMLInputElement>(null);
  const carried = useCarriedFilterChips(view, items, (key) => update({ [key]: undefined }));
  const chips: FilterChip[] = [
    ...carried,
    ...(view.q
      ? [{ key: 'q', label: t('sector.searchLabel'), value: view.q, onRemove: () => update({ q: undefined }) }]
      : []),
    ...(view.status
      ? [
          {
            key: 'status',
            label: t('common.status'),
            value: t(`status.${view.status as (typeof STATUSES)[number]}`),
            onRemove: () => update({ status: undefined }),
          },
        ]
      : []),
    ...(view.sub
      ? [{ key: 'sub', label: t('sector.subsections'), value: view.sub, onRemove: () => update({ sub: undefined }) }]
      : []),
    ...(view.includePending
      ? [{ key: 'includePending', value: t('pending.switch'), onRemove: () => update({ includePending: undefined }) }]
      : []),
  ];
  return (
    <section className="card" aria-label={t('overview.filters')} data-print-hide="">
      {/* On a wide screen a removed chip leaves focus in the toolbar rather than falling to the page. */}
      <FilterSheet chips={chips} afterRemove={() => search.current?.focus()}>
        <div className="filters">
          <label className="field">
            <span className="field__label">{t('sector.searchLabel')}</span>
            <input
              ref={search}
              type="search"
              value={view.q}
              placeholder={t('sector.searchPlaceholder')}
              onChange={(e) => update({ q: e.target.value }, { replace: true })}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('common.status')}</span>
            <select value={view.status ?? ''} onChange={(e) => update({ status: e.target.value })}>
              <option value="">{t('common.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <IncludePendingSwitch on={!!view.includePending} onChange={(v) => update({ includePending: v })} />
        </div>
        {subsections.length > 1 && (
          <fieldset className="chips">
            <legend className="field__label">{t('sector.subsections')}</legend>
            <button type="button" className="chip" aria-pressed={!view.sub} onClick={() => update({ sub: undefined })}>
              {t('common.all')} <span className="num muted">{items.length}</span>
            </button>
            {subsections.map((s) => (
              <button
                key={s}
                type="button"
                className="chip"
                aria-pressed={view.sub === s}
                onClick={() => update({ sub: view.sub === s ? undefined : s })}
              >
                {s} <span className="num muted">{items.filter((i) => i.subsection === s).length}</span>
              </button>
            ))}
          </fieldset>
        )}
      </FilterSheet>
    </section>
  );
}
