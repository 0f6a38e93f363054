import type { Headline } from '../../domain/api';
import { paths } from '../../domain/paths';
import { useTranslation } from '../../i18n/use-translation';
import { KpiTile } from '../../ui/kpi-tile';

export function HeadlineTiles({
  headlines,
  compare,
  asOf,
  includePending,
}: {
  headlines: Headline[];
  compare: boolean;
  asOf?: string | undefined;
  includePending?: true | undefined;
}) {
  const { t } = useTranslation();
  if (headlines.length === 0) return null;
  return (
    <section aria-labelledby="headlines-title">
      <h2 id="headlines-title" className="section-title">
        {t('overview.headlines')}
      </h2>
      <div className="kpi-grid">
        {headlines.map((h) => (
          <KpiTile
            key={h.key}
            headline={h}
            compare={compare}
            href={paths.target(h.target.id, { asOf, includePending })}
          />
        ))}
      </div>
    </section>
  );
}
