import { useRef } from 'react';
import { useTargets } from '../../api/get-targets';
import type { ProjectFacets } from '../../domain/projects-api';
import { DISTRICT_CITY, PROJECT_STAGES } from '../../domain/schemas';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { chipsFor, DistrictField, SelectField } from '../../ui/filter-fields';
import { FilterSheet } from '../../ui/filter-sheet';
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
    .map((id) => ({ value: id, label: titles.get(id) ?? id }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const search = useRef<HTMLInputElement>(null);
  const sector = SECTORS.find((s) => s.id === view.sector);
  const chips = chipsFor(
    [
      ['target', t('common.target'), view.target && (titles.get(view.target) ?? view.target)],
      ['district', t('common.district'), view.district],
      ['sector', t('common.sector'), sector && (locale === 'en' ? sector.nameEn : sector.name)],
      ['stage', t('projects.stage'), view.stage && t(`stage.${view.stage}`)],
      ['q', t('common.search'), view.q],
    ],
    (key) => {
      // The search box keeps what was typed (it is not tied to the URL while typing): empty it too.
      if (key === 'q' && search.current) search.current.value = '';
      update({ [key]: undefined });
    },
  );
  return (
    <section className="card" aria-label={t('overview.filters')}>
      <FilterSheet chips={chips}>
        <div className="filters">
          <SelectField
            label={t('common.target')}
            value={view.target}
            allLabel={t('projects.anyTarget')}
            options={targetOptions}
            onChange={(v) => update({ target: v })}
          />
          <DistrictField
            value={view.district}
            districts={districtOptions(facets, view.district)}
            onChange={(v) => update({ district: v })}
          />
          <SelectField
            label={t('common.sector')}
            value={view.sector}
            options={SECTORS.map((s) => ({ value: s.id, label: locale === 'en' ? s.nameEn : s.name }))}
            onChange={(v) => update({ sector: v })}
          />
          <SelectField
            label={t('projects.stage')}
            value={view.stage}
            options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            onChange={(v) => update({ stage: v })}
          />
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
