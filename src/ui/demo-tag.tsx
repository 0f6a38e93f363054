import { useTranslation } from '../i18n/use-translation';

/** Marks a generated demo value wherever it is shown. */
export function DemoTag() {
  const { t } = useTranslation();
  return (
    <abbr className="demo-tag" title={t('demo.tagLabel')}>
      {t('demo.tag')}
    </abbr>
  );
}

export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div className="demo-band">
      <div className="demo-banner" role="note">
        <DemoTag />
        <span>{t('demo.banner')}</span>
      </div>
    </div>
  );
}

/** What the marks on the page mean. */
export function Legend() {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-label={t('demo.legend')}>
      <span className="legend__item">
        <DemoTag /> {t('demo.legendDemo')}
      </span>
      <span className="legend__item">
        <span className="legend__marker" aria-hidden="true" /> {t('demo.legendExpected')}
      </span>
      <span className="legend__item">
        <span className="legend__quote" aria-hidden="true">
          “ ”
        </span>{' '}
        {t('demo.legendPublished')}
      </span>
    </section>
  );
}
