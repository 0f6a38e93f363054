/**
 * Links to the app's pages, built in one place: ids are encoded, empty parameters left out. Every
 * `<Link>` and `href` to a page goes through here (the server's preload of a page's data reads the
 * same paths: server/http/landing.ts).
 */
export type LinkParams = Record<string, string | undefined>;

/** `path` with the non-empty `params` as its query string. */
export function hrefWith(path: string, params: LinkParams = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

export const paths = {
  overview: (params?: LinkParams) => hrefWith('/', params),
  sector: (id: string, params?: LinkParams) => hrefWith(`/sectors/${encodeURIComponent(id)}`, params),
  target: (id: string, params?: LinkParams) => hrefWith(`/targets/${encodeURIComponent(id)}`, params),
  project: (id: string) => `/projects/${encodeURIComponent(id)}`,
  projects: (params?: LinkParams) => hrefWith('/projects', params),
  review: (params?: LinkParams) => hrefWith('/review', params),
  department: (id: string, params?: LinkParams) => hrefWith(`/departments/${encodeURIComponent(id)}`, params),
  rankings: (params?: LinkParams) => hrefWith('/rankings', params),
  signIn: (next: string) => hrefWith('/sign-in', { next }),
  report: (params?: LinkParams) => hrefWith('/report', params),
  reportImport: () => '/report/import',
  admin: () => '/admin',
};
