import { Accumulator } from '../../src/domain/aggregate';
import type { SummaryResponse, TargetsResponse } from '../../src/domain/api';
import type { DepartmentViewResponse } from '../../src/domain/department-api';
import type { Locale } from '../../src/domain/format';
import {
  APP_NAME,
  departmentMeta,
  genericMeta,
  overviewMeta,
  type PageKind,
  type PageMeta,
  reviewMeta,
  sectorMeta,
  type TargetFacts,
  targetMeta,
  withAppName,
} from '../../src/domain/page-meta';
import type { ReviewResponse } from '../../src/domain/review-api';
import { SECTORS } from '../../src/domain/sectors';

/**
 * Link previews (issue 25): the <title>, description and Open Graph tags of a page, in the HTML the
 * server sends, for chats (WeChat, DingTalk, Slack) that read a shared link without running its
 * JavaScript. The wording is the pages' own (src/domain/page-meta.ts, which sets document.title in
 * the browser); the figures come from the answers the page itself asks the API for, so a preview
 * says what the page shows.
 */

/** Which page a path is, and the id in it. */
export interface PageRoute {
  kind: PageKind;
  id?: string;
}

const ID_ROUTES: ReadonlyArray<[RegExp, PageKind]> = [
  [/^\/sectors\/([^/]+)\/?$/, 'sector'],
  [/^\/targets\/([^/]+)\/?$/, 'target'],
  [/^\/projects\/([^/]+)\/?$/, 'project'],
  [/^\/departments\/([^/]+)\/?$/, 'department'],
];

const PLAIN_ROUTES: Readonly<Record<string, PageKind>> = {
  '/': 'overview',
  '/index.html': 'overview',
  '/projects': 'projects',
  '/review': 'review',
  '/rankings': 'rankings',
  '/screen': 'screen',
  '/report': 'report',
  '/report/import': 'reportImport',
  '/admin': 'admin',
  '/review-queue': 'reviewQueue',
  '/sign-in': 'signIn',
};

/** The page of a path, as src/app/routes.tsx routes it (an unknown path: the not-found page). */
export function pageRoute(pathname: string): PageRoute {
  const plain = PLAIN_ROUTES[pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname];
  if (plain) return { kind: plain };
  for (const [re, kind] of ID_ROUTES) {
    const m = re.exec(pathname);
    if (!m?.[1]) continue;
    try {
      return { kind, id: decodeURIComponent(m[1]) };
    } catch {
      return { kind: 'notFound' };
    }
  }
  return { kind: 'notFound' };
}

/** Where the figures come from: the app's own reads, as the page's requests get them. */
export interface MetaSources {
  /**
   * The answer of a read of the API (a path under /api/v1 with its query), as the page's own request
   * gets it, or null when that is not a 200 (an unknown id, a bad filter) or not ready in time.
   */
  api(path: string): Promise<unknown>;
  /** The landing page's summary when it is already computed: the landing page never waits for it. */
  landingSummary(): Promise<SummaryResponse | null>;
  /** One target's figures at the cut of `asOf` (the newest report date without it), or null. */
  target(id: string, q: { asOf?: string | undefined; includePending?: true | undefined }): Promise<TargetFacts | null>;
}

/** A page's preview, and whether it carries data (a generic one is not worth keeping). */
export interface ResolvedMeta {
  meta: PageMeta;
  data: boolean;
}

/** The query a page sends with its API request, from the page's own address (as its hooks build it). */
function apiQuery(page: URLSearchParams, keys: readonly string[], extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(extra);
  for (const k of keys) {
    const v = page.get(k);
    if (!v) continue;
    if (k === 'includePending') {
      if (v === '1' || v === 'true') q.set(k, '1');
    } else q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const SUMMARY_KEYS = ['plan', 'district', 'department', 'asOf', 'includePending'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MEETING_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The preview of a page a person may read: with its figures when they are at hand, else its name
 * and what it shows. Never throws: a preview that cannot be made is the generic one.
 */
export async function resolvePageMeta(
  route: PageRoute,
  search: URLSearchParams,
  locale: Locale,
  sources: MetaSources,
): Promise<ResolvedMeta> {
  const generic: ResolvedMeta = { meta: genericMeta(route.kind, locale), data: false };
  try {
    return (await withData(route, search, locale, sources)) ?? generic;
  } catch (e) {
    console.error('链接预览生成失败 (page meta failed):', e);
    return generic;
  }
}

async function withData(
  route: PageRoute,
  search: URLSearchParams,
  locale: Locale,
  sources: MetaSources,
): Promise<ResolvedMeta | null> {
  const data = (meta: PageMeta): ResolvedMeta => ({ meta, data: true });
  switch (route.kind) {
    case 'overview': {
      const query = apiQuery(search, SUMMARY_KEYS);
      const s = (
        query === '' ? await sources.landingSummary() : await sources.api(`/summary${query}`)
      ) as SummaryResponse | null;
      return s && data(overviewMeta(s, locale));
    }
    case 'sector': {
      const sector = SECTORS.find((x) => x.id === route.id);
      if (!sector) return null;
      const list = (await sources.api(
        `/targets${apiQuery(search, SUMMARY_KEYS, { sector: sector.id })}`,
      )) as TargetsResponse | null;
      if (!list) return null;
      // The sector's 完成率 as the overview's sector row has it: the summary's aggregate of the same states.
      const acc = new Accumulator(0);
      for (const item of list.items) acc.add(item, item.state);
      return data(sectorMeta(locale === 'en' ? sector.nameEn : sector.name, list, acc.result(), locale));
    }
    case 'target': {
      if (!route.id) return null;
      const asOf = search.get('asOf') ?? undefined;
      const pending = search.get('includePending');
      const t = await sources.target(route.id, {
        asOf: asOf && ISO_DATE.test(asOf) ? asOf : undefined,
        includePending: pending === '1' || pending === 'true' ? true : undefined,
      });
      return t && data(targetMeta(t, locale));
    }
    case 'review': {
      // As src/features/review/use-review-params.ts asks: a meeting time only with its date.
      const extra: Record<string, string> = {};
      const asOf = search.get('asOf') ?? '';
      const time = search.get('time') ?? '';
      if (ISO_DATE.test(asOf) && MEETING_TIME.test(time)) extra.knownAt = `${asOf}T${time}:00+08:00`;
      const previous = search.get('previous') ?? '';
      if (ISO_DATE.test(previous)) extra.previous = previous;
      const page = new URLSearchParams(search);
      if (!ISO_DATE.test(asOf)) page.delete('asOf');
      const r = (await sources.api(
        `/review${apiQuery(page, ['asOf', 'plan', 'district', 'includePending'], extra)}`,
      )) as ReviewResponse | null;
      return r && data(reviewMeta(r, locale));
    }
    case 'department': {
      if (!route.id) return null;
      const d = (await sources.api(
        `/departments/${encodeURIComponent(route.id)}${apiQuery(search, ['asOf', 'includePending'])}`,
      )) as DepartmentViewResponse | null;
      return d && data(departmentMeta(d, locale));
    }
    case 'project': {
      if (!route.id) return null;
      const p = (await sources.api(`/projects/${encodeURIComponent(route.id)}`)) as { item?: { name?: string } } | null;
      const name = p?.item?.name;
      if (!name) return null;
      const generic = genericMeta('project', locale);
      return data({ title: `${name} · ${generic.title}`, description: generic.description });
    }
    default:
      return null;
  }
}

/** Text for HTML, as element content or a quoted attribute value: nothing in it is markup. */
export const escapeHtml = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** Open Graph's locale names. */
const OG_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh_CN', en: 'en_US' };

/** The head tags of a preview: <title>, description, Open Graph (og:url only with PUBLIC_URL set). */
export function metaTags(meta: PageMeta, o: { locale: Locale; url: string | null }): string {
  const attr = (name: string, value: string, key = 'property') =>
    `<meta ${key}="${name}" content="${escapeHtml(value)}">`;
  return [
    `<title>${escapeHtml(withAppName(meta.title, o.locale))}</title>`,
    attr('description', meta.description, 'name'),
    attr('og:title', meta.title),
    attr('og:description', meta.description),
    attr('og:type', 'website'),
    ...(o.url ? [attr('og:url', o.url)] : []),
    attr('og:site_name', APP_NAME[o.locale]),
    attr('og:locale', OG_LOCALE[o.locale]),
  ].join('');
}

/** The page's address as people open it (PUBLIC_URL, the board's public origin), or null without one. */
export function pageUrl(publicUrl: string | null | undefined, pathname: string, search: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${pathname}${search}` : null;
}

/** index.html's own defaults, replaced by the page's. */
const DEFAULT_TAGS = [/[ \t]*<meta name="description"[^>]*>\n?/, /[ \t]*<meta property="og:[^"]*"[^>]*>\n?/g];
const MARK = '\u0000page-meta\u0000';

/**
 * The SPA shell with this page's tags in place of index.html's defaults, where its <title> was (early
 * in <head>: a preview reader may read only the start of a page). A function replacement: a title
 * from the catalog may hold `$&`, which must stay text.
 */
export function withMetaTags(index: string, tags: string): string {
  let html = index.replace(/<title>[^<]*<\/title>/, MARK);
  for (const re of DEFAULT_TAGS) html = html.replace(re, '');
  return html.includes(MARK) ? html.replace(MARK, () => tags) : html.replace('</head>', () => `${tags}</head>`);
}
