/**
 * Links to the app's pages, built in one place: ids are encoded, empty parameters left out. Every
 * `<Link>` and `href` to a page goes through here (the server's preload of a page's data reads the
 * same paths: server/http/landing.ts).
 */
/** `true` is a switch that is on (`includePending=1`); false, empty and undefined are left out. */
export type LinkParams = Record<string, string | boolean | undefined>;

/** `path` with the non-empty `params` as its query string. */
export function hrefWith(path: string, params: LinkParams = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v === true ? '1' : v);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

export const paths = {
  overview: (params?: LinkParams) => hrefWith('/', params),
  sector: (id: string, params?: LinkParams) => hrefWith(`/sectors/${encodeURIComponent(id)}`, params),
  /** `hash`: a part of the page to open at (`narrative`: the latest 最新情况说明). */
  target: (id: string, { hash, ...params }: LinkParams = {}) =>
    `${hrefWith(`/targets/${encodeURIComponent(id)}`, params)}${typeof hash === 'string' && hash ? `#${hash}` : ''}`,
  project: (id: string) => `/projects/${encodeURIComponent(id)}`,
  projects: (params?: LinkParams) => hrefWith('/projects', params),
  review: (params?: LinkParams) => hrefWith('/review', params),
  department: (id: string, params?: LinkParams) => hrefWith(`/departments/${encodeURIComponent(id)}`, params),
  rankings: (params?: LinkParams) => hrefWith('/rankings', params),
  signIn: (next: string) => hrefWith('/sign-in', { next }),
  report: (params?: LinkParams) => hrefWith('/report', params),
  reportImport: () => '/report/import',
  admin: () => '/admin',
  reviewQueue: () => '/review-queue',
};
