import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createMockApi } from '../../mock/handlers';
import {
  plansResponseSchema,
  problemSchema,
  projectDetailResponseSchema,
  projectsResponseSchema,
  reviewResponseSchema,
  sectorsResponseSchema,
  summaryResponseSchema,
  targetDetailResponseSchema,
  targetsResponseSchema,
} from '../../src/domain/api';
import { TEST_NOW, testApp } from './test-db';

/**
 * One contract, two implementations: every request goes to the MSW mock and to the real server, both
 * answers must satisfy the domain schema and be equal, so the mock cannot drift from the API.
 */
const ORIGIN = 'http://localhost';
const mock = createMockApi({ baseUrl: ORIGIN, now: () => TEST_NOW });

const CASES: Array<[string, z.ZodType]> = [
  ['/plans', plansResponseSchema],
  ['/sectors', sectorsResponseSchema],
  ['/targets', targetsResponseSchema],
  ['/targets?plan=qd-2025&sector=demand', targetsResponseSchema],
  ['/targets?status=lagging&asOf=2025-09-30', targetsResponseSchema],
  [`/targets?q=${encodeURIComponent('重点项目')}`, targetsResponseSchema],
  ['/targets?knownAt=2025-07-01T00:00:00Z', targetsResponseSchema],
  ['/summary', summaryResponseSchema],
  ['/summary?asOf=2025-06-30', summaryResponseSchema],
  [`/summary?plan=laoshan-2025&district=${encodeURIComponent('崂山区')}`, summaryResponseSchema],
  ['/projects', projectsResponseSchema],
  ['/projects?sort=-investment&page=3&pageSize=25', projectsResponseSchema],
  ['/projects?sector=marine&stage=construction', projectsResponseSchema],
  ['/targets?asOf=2025-02-30', problemSchema],
  ['/summary?plan=qd-2052', problemSchema],
  ['/projects?page=0', problemSchema],
  ['/targets/does-not-exist', problemSchema],
  ['/projects/does-not-exist', problemSchema],
  ['/review', reviewResponseSchema],
  ['/review?asOf=2025-09-30', reviewResponseSchema],
  ['/review?asOf=2025-06-30&previous=2025-06-02&plan=qd-2025', reviewResponseSchema],
  [`/review?plan=laoshan-2025&district=${encodeURIComponent('崂山区')}&asOf=2025-11-28`, reviewResponseSchema],
  ['/review?asOf=2025-09-30&knownAt=2025-09-20T00:00:00Z', reviewResponseSchema],
  ['/review?asOf=2025-02-30', problemSchema],
  ['/review?asOf=2025-09-30&previous=2025-10-01', problemSchema],
  ['/targets.csv?status=nope', problemSchema],
  // Unknown filter values: the same 400, with the same valid values, from the catalog both share.
  [`/summary?district=${encodeURIComponent('崂山')}`, problemSchema],
  [`/targets?department=${encodeURIComponent('市发改')}`, problemSchema],
  [`/review?district=${encodeURIComponent('崂山')}`, problemSchema],
  [`/targets.csv?district=${encodeURIComponent('崂山')}`, problemSchema],
  ['/targets?sector=oceans', problemSchema],
];

/** Fields that legitimately differ: the moment each side computed its answer. */
function normalise(body: unknown): unknown {
  if (body && typeof body === 'object' && 'freshness' in body) {
    const b = body as { freshness: Record<string, unknown> };
    return { ...b, freshness: { ...b.freshness, generatedAt: '<now>' } };
  }
  return body;
}

describe('the mock and the server answer alike', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp('pglite');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function both(path: string) {
    const server = await ctx.app.request(`/api/v1${path}`);
    const mocked = await getResponse(mock.handlers, new Request(`${ORIGIN}/api/v1${path}`));
    if (!mocked) throw new Error(`the mock has no handler for ${path}`);
    return { server, mocked };
  }

  it.each(CASES)('%s', async (path, schema) => {
    const { server, mocked } = await both(path);
    expect(mocked.status).toBe(server.status);
    const [s, m] = [await server.json(), await mocked.json()];
    schema.parse(s);
    schema.parse(m);
    expect(normalise(m)).toEqual(normalise(s));
  });

  it('agrees on a target detail and a project detail', async () => {
    const targets = targetsResponseSchema.parse(await (await ctx.app.request('/api/v1/targets')).json());
    const withProjects = targets.items.find((t) => t.headline === 'key-projects');
    const sample = [targets.items[0], targets.items[targets.items.length - 1], withProjects].filter(
      (t) => t !== undefined,
    );
    for (const t of sample) {
      const { server, mocked } = await both(`/targets/${t.id}?asOf=2025-08-29`);
      const [s, m] = [
        targetDetailResponseSchema.parse(await server.json()),
        targetDetailResponseSchema.parse(await mocked.json()),
      ];
      expect(m).toEqual(s);
    }
    const page = projectsResponseSchema.parse(await (await ctx.app.request('/api/v1/projects?pageSize=1')).json());
    const id = page.items[0]?.id ?? '';
    const { server, mocked } = await both(`/projects/${id}`);
    expect(projectDetailResponseSchema.parse(await mocked.json())).toEqual(
      projectDetailResponseSchema.parse(await server.json()),
    );
  });

  it.each(['/targets.csv', '/targets.csv?sector=marine&asOf=2025-06-30', '/targets.csv?knownAt=2025-07-01T00:00:00Z'])(
    '%s (the same bytes)',
    async (path) => {
      const { server, mocked } = await both(path);
      expect(mocked.status).toBe(200);
      expect(server.status).toBe(200);
      expect(mocked.headers.get('content-disposition')).toBe(server.headers.get('content-disposition'));
      expect(await mocked.text()).toBe(await server.text());
    },
  );

  it('switches to each failure mode and back', async () => {
    mock.setFailure('server-error');
    const failed = await getResponse(mock.handlers, new Request(`${ORIGIN}/api/v1/summary`));
    expect(failed?.status).toBe(500);
    mock.setFailure('malformed');
    const malformed = await getResponse(mock.handlers, new Request(`${ORIGIN}/api/v1/summary`));
    expect(summaryResponseSchema.safeParse(await malformed?.json()).success).toBe(false);
    mock.setFailure('network-error');
    const network = await getResponse(mock.handlers, new Request(`${ORIGIN}/api/v1/summary`));
    expect(network?.type).toBe('error');
    mock.setFailure('none');
    const ok = await getResponse(mock.handlers, new Request(`${ORIGIN}/api/v1/summary`));
    expect(ok?.status).toBe(200);
  });
});
