import { usePlans } from '../api/get-plans';
import { formatDate } from '../domain/format';
import { useTranslation } from '../i18n/use-translation';
import { useLocale } from '../stores/ui-store';
import { planTitle } from './filter-fields';
import './print.css';

/** A CSS string literal of any text: quotes, backslashes, line breaks and `<` escaped. */
export const cssString = (text: string): string =>
  `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * What every printed sheet carries in its margins (issue 25): the page and its date at the top,
 * "第 x 页 共 y 页" at the foot. The words come from the page, so a browser's own Ctrl+P prints them too.
 */
export function PrintMargins({ title, date, demo }: { title: string; date: string; demo: boolean }) {
  const { t } = useTranslation();
  // The counters stand where the translation puts {{page}} and {{pages}}.
  const [before = '', middle = '', after = ''] = t('common.pageOf', { page: '\u0001', pages: '\u0001' }).split(
    '\u0001',
  );
  const right = demo ? `${date} · ${t('app.containsDemo')}` : date;
  const css = `@page {
  @top-left { content: ${cssString(`${t('app.title')} · ${title}`)}; }
  @top-right { content: ${cssString(right)}; }
  @bottom-center { content: ${cssString(before)} counter(page) ${cssString(middle)} counter(pages) ${cssString(after)}; }
}`;
  return <style>{css}</style>;
}

/**
 * The header of a printed page (hidden on screen): what it is, for which plan, as of when, and
 * whether it holds demo values; and the margins of every printed sheet. Importing it brings the print
 * style sheet along.
 */
export function PrintHeader({
  title,
  planId,
  asOf,
  demo,
  dateText,
  compact = false,
}: {
  title: string;
  /** Omitted: all plans. */
  planId?: string | null | undefined;
  asOf: string;
  demo: boolean;
  /** How the date reads on the page and in every page's margin (default 截至 …). */
  dateText?: string | undefined;
  /** One line, for the top of each printed section. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const plans = usePlans().data?.items;
  const plan = planId ? planTitle(plans, planId) : t('app.allPlans');
  const date = dateText ?? `${t('common.asOf')} ${formatDate(asOf, locale)}`;
  return (
    <>
      {!compact && <PrintMargins title={title} date={date} demo={demo} />}
      <div className={`print-header${compact ? ' print-header--compact' : ''}`} data-print-only="">
        <span className="print-header__app">{t('app.title')}</span>
        <strong className="print-header__title">{title}</strong>
        <span>
          {t('common.plan')}：{plan}
        </span>
        <span className="num">{date}</span>
        {demo && <span className="print-header__demo">{t('app.containsDemo')}</span>}
      </div>
    </>
  );
}
