import { useTargets } from '../../api/get-targets';
import type { KeyProject } from '../../domain/schemas';
import { DISTRICT_CITY, PROJECT_STAGES } from '../../domain/schemas';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import type { ProjectsUpdate, ProjectsView } from './use-projects-view';

/** Target, district, sector, stage and a name search; all in the URL. */
export function ProjectsFilters({
  view,
  update,
  loaded,
}: {
  view: ProjectsView;
  update: ProjectsUpdate;
  loaded: KeyProject[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const targets = useTargets({});
  // The targets that count projects are the ones projects point at (plus the one in the URL).
  const targetIds = new Set(loaded.flatMap((p) => p.targetIds));
  if (view.target) targetIds.add(view.target);
  const titles = new Map((targets.data?.items ?? []).map((i) => [i.id, i.title]));
  const districts = [...new Set([DISTRICT_CITY, '崂山区', ...loaded.map((p) => p.district)])];
  const all = t('common.all');
  return (
    <section className="card" aria-label={t('overview.filters')}>
      <div className="filters">
        <label className="field">
          <span className="field__label">{t('common.target')}</span>
          <select value={view.target ?? ''} onChange={(e) => update({ target: e.target.value })}>
            <option value="">{t('projects.anyTarget')}</option>
            {[...targetIds].map((id) => (
              <option key={id} value={id}>
                {titles.get(id) ?? id}
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
            type="search"
            defaultValue={view.q ?? ''}
            placeholder={t('projects.searchPlaceholder')}
            onChange={(e) => update({ q: e.target.value }, { replace: true })}
          />
        </label>
      </div>
    </section>
  );
}
