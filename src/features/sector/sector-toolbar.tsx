import { useRef } from 'react';
import type { TargetWithStateDto } from '../../domain/api';
import { STATUSES, type Status } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { chipsFor, SelectField } from '../../ui/filter-fields';
import { FilterSheet } from '../../ui/filter-sheet';
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
  const chips = [
    ...carried,
    ...chipsFor(
      [
        ['q', t('sector.searchLabel'), view.q],
        ['status', t('common.status'), view.status && t(`status.${view.status as Status}`)],
        ['sub', t('sector.subsections'), view.sub],
        ['includePending', undefined, view.includePending && t('pending.switch')],
      ],
      (key) => update({ [key]: undefined }),
    ),
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
          <SelectField
            label={t('common.status')}
            value={view.status}
            options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            onChange={(v) => update({ status: v })}
          />
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
