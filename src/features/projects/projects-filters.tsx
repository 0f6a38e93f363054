import { useRef } from 'react';
import { useTargets } from '../../api/get-targets';
import type { ProjectFacets } from '../../domain/projects-api';
import { DISTRICT_CITY, PROJECT_STAGES } from '../../domain/schemas';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { type FilterChip, FilterSheet } from '../../ui/filter-sheet';
import type { ProjectsUpdate, ProjectsView } from './use-projects-view';

/** Districts as a person scans them: the city level first, then in Chinese order. */
function districtOptions(facets: ProjectFacets | undefined, selected: string | undefined): string[] {
  const list = new Set([DISTRICT_CITY, ...(facets?.districts ?? [])]);
  if (selected) list.add(selected);
  return [...list].sort(
    (a, b) => Number(b === DISTRICT_CITY) - Number(a === DISTRICT_CITY) || a.localeCompare(b, 'zh-CN'),
  );
}

/**
 * Target, district, sector, stage and a name search; all in the URL. The target and district
 * options come from the API's facets over every project, not from the rows loaded so far. On a
 * phone they fold into a sheet behind a "筛选" button, the active ones shown as chips.
 */
export function ProjectsFilters({
  view,
  update,
  facets,
}: {
  view: ProjectsView;
  update: ProjectsUpdate;
  facets: ProjectFacets | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const targets = useTargets({});
  const targetIds = new Set(facets?.targetIds ?? []);
  // A link may name a target with no project: it stays selectable, or the select would lie.
  if (view.target) targetIds.add(view.target);
  const titles = new Map((targets.data?.items ?? []).map((i) => [i.id, i.title]));
  const targetOptions = [...targetIds]
    .map((id) => ({ id, title: titles.get(id) ?? id }))
    .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
  const districts = districtOptions(facets, view.district);
  const all = t('common.all');
  const search = useRef<HTMLInputElement>(null);
  const sector = SECTORS.find((s) => s.id === view.sector);
  const chips: FilterChip[] = [
    { key: 'target', label: t('common.target'), value: view.target && (titles.get(view.target) ?? view.target) },
    { key: 'district', label: t('common.district'), value: view.district },
    { key: 'sector', label: t('common.sector'), value: sector && (locale === 'en' ? sector.nameEn : sector.name) },
    { key: 'stage', label: t('projects.stage'), value: view.stage && t(`stage.${view.stage}`) },
    { key: 'q', label: t('common.search'), value: view.q },
  ]
    .filter((c): c is { key: keyof ProjectsView; label: string; value: string } => !!c.value)
    .map((c) => ({
      ...c,
      onRemove: () => {
        // The search box keeps what was typed (it is not tied to the URL while typing): empty it too.
        if (c.key === 'q' && search.current) search.current.value = '';
        update({ [c.key]: undefined });
      },
    }));
  return (
    <section className="card" aria-label={t('overview.filters')}>
      <FilterSheet chips={chips}>
        <div className="filters">
          <label className="field">
            <span className="field__label">{t('common.target')}</span>
            <select value={view.target ?? ''} onChange={(e) => update({ target: e.target.value })}>
              <option value="">{t('projects.anyTarget')}</option>
              {targetOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('common.district')}</span>
            <select value={view.district ?? ''} onChange={(e) => update({ district: e.target.value })}>
              <option value="">{all}</option>
              {districts.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('common.sector')}</span>
            <select value={view.sector ?? ''} onChange={(e) => update({ sector: e.target.value })}>
              <option value="">{all}</option>
              {SECTORS.map((s) => (
                <option key={s.id} value={s.id}>
                  {locale === 'en' ? s.nameEn : s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('projects.stage')}</span>
            <select value={view.stage ?? ''} onChange={(e) => update({ stage: e.target.value })}>
              <option value="">{all}</option>
              {PROJECT_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`stage.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('common.search')}</span>
            <input
              ref={search}
              type="search"
              defaultValue={view.q ?? ''}
              placeholder={t('projects.searchPlaceholder')}
              onChange={(e) => update({ q: e.target.value }, { replace: true })}
            />
          </label>
        </div>
      </FilterSheet>
    </section>
  );
}
