import { Link } from 'react-router';
import { useTargets } from '../../api/get-targets';
import type { TargetsParams } from '../../api/query-keys';
import { formatQuantity } from '../../domain/format';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { hrefWith } from '../../stores/url-state';
import { DemoTag } from '../../ui/demo-tag';
import { ProgressBar } from '../../ui/progress-bar';
import { QueryState } from '../../ui/query-state';
import { StatusBadge } from '../../ui/status-badge';

/** With a status filter, the overview lists the targets in that status. */
export function StatusTargets({
  params,
}: {
  params: TargetsParams & { status: NonNullable<TargetsParams['status']> };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const targets = useTargets(params);
  const title = t('overview.statusTargets', { status: t(`status.${params.status}`) });
  return (
    <section className="card" aria-label={title}>
      <div className="card__head">
        <h2 className="card__title">{title}</h2>
        {targets.data && <span className="card__hint">{t('common.count', { count: targets.data.items.length })}</span>}
      </div>
      <QueryState query={targets} label={title} lines={4}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('sector.empty')}</p>
          ) : (
            <ul className="status-targets">
              {data.items.map((item) => {
                const sector = SECTORS.find((s) => s.id === item.sectorId);
                return (
                  <li key={item.id}>
                    <Link to={hrefWith(`/targets/${encodeURIComponent(item.id)}`, { asOf: params.asOf })}>
                      {item.title}
                    </Link>
                    <span className="muted small">{sector && (locale === 'en' ? sector.nameEn : sector.name)}</span>
                    <ProgressBar
                      progress={item.state.progress}
                      expected={item.state.expected}
                      name={item.title}
                      status={item.state.status}
                      size="sm"
                    />
                    <span className="num small">
                      {formatQuantity(item.state.latest?.value ?? null, item.unit, locale)}
                      {item.state.latest?.demo && <DemoTag />}
                    </span>
                    <StatusBadge status={item.state.status} />
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
