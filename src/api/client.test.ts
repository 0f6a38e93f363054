import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { summaryResponseSchema } from '../domain/api';
import { reportResponseSchema } from '../domain/write-api';
import { ApiError } from './api-error';
import { apiUrl, request } from './client';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const url = `${window.location.origin}/api/v1/summary`;

async function failure(): Promise<ApiError> {
  try {
    await request('GET /summary', summaryResponseSchema);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('request', () => {
  it('resolves relative to the page and leaves out empty parameters', () => {
    const u = apiUrl('/targets', { sector: 'demand', q: '', asOf: undefined });
    expect(u.href).toBe(`${window.location.origin}/api/v1/targets?sector=demand`);
  });

  it('rejects a payload the schema does not allow, saying so in Chinese', async () => {
    server.use(http.get(url, () => HttpResponse.json({ asOf: 'yesterday', items: 'not-an-array' })));
    const e = await failure();
    expect(e.kind).toBe('schema');
    expect(e.message).toBe('服务器返回的数据格式不正确，已拒绝显示');
    expect(e.detail).toMatch(/asOf/);
  });

  it('turns a 500 into an http error with the status', async () => {
    server.use(
      http.get(url, () =>
        HttpResponse.json(
          { type: 'about:blank', title: '服务器内部错误', status: 500, detail: '数据库不可用' },
          { status: 500 },
        ),
      ),
    );
    const e = await failure();
    expect(e).toMatchObject({
      kind: 'http',
      status: 500,
      message: '服务器出错（500），请稍后重试',
      detail: '数据库不可用',
    });
  });

  it('turns a 404 problem into its detail', async () => {
    server.use(
      http.get(url, () =>
        HttpResponse.json(
          { type: 'about:blank', title: '未找到', status: 404, detail: '目标“x”不存在' },
          { status: 404 },
        ),
      ),
    );
    expect(await failure()).toMatchObject({ kind: 'http', status: 404, message: '目标“x”不存在' });
  });

  it('turns a dropped connection into a network error', async () => {
    server.use(http.get(url, () => HttpResponse.error()));
    expect(await failure()).toMatchObject({
      kind: 'network',
      status: 0,
      message: '无法连接到服务器，请检查网络后重试',
    });
  });

  it('rejects a body that is not JSON', async () => {
    server.use(
      http.get(url, () => new HttpResponse('<html>proxy error</html>', { headers: { 'content-type': 'text/html' } })),
    );
    expect(await failure()).toMatchObject({ kind: 'schema' });
  });

  it('fills and encodes path parameters, sends the JSON body and the CSRF token', async () => {
    let seen: { url: string; method: string; token: string | null; type: string | null; body: unknown } | null = null;
    server.use(
      http.post(`${window.location.origin}/api/v1/targets/:id/reports`, async ({ request: r }) => {
        seen = {
          url: r.url,
          method: r.method,
          token: r.headers.get('x-csrf-token'),
          type: r.headers.get('content-type'),
          body: await r.json(),
        };
        return HttpResponse.json({ detail: 'x' }, { status: 418 });
      }),
    );
    await expect(
      request('POST /targets/:id/reports', reportResponseSchema, {
        path: { id: 'a/b 甲' },
        body: { asOf: '2025-03-31', value: 5 },
        csrfToken: 'tok',
      }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(seen).toEqual({
      url: `${window.location.origin}/api/v1/targets/a%2Fb%20%E7%94%B2/reports`,
      method: 'POST',
      token: 'tok',
      type: 'application/json',
      body: { asOf: '2025-03-31', value: 5 },
    });
  });

  it("keeps a write's problem document: its code, field issues and the report a conflict names", async () => {
    server.use(
      http.post(`${window.location.origin}/api/v1/reports/:id/corrections`, () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: '已有填报',
            status: 409,
            detail: '该日期已有填报',
            code: 'exists_same_date',
            reportId: 'r-1',
            errors: [{ field: 'value', message: '不是数字', code: 'not_number' }],
          },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const e = await request('POST /reports/:id/corrections', reportResponseSchema, {
      path: { id: 'r-0' },
      body: { asOf: '2025-03-31', value: 5, reason: '更正' },
      csrfToken: 'tok',
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({
      kind: 'http',
      status: 409,
      message: '该日期已有填报',
      problem: { code: 'exists_same_date', reportId: 'r-1', errors: [{ field: 'value', code: 'not_number' }] },
    });
  });

  it('says that nothing was saved when a write cannot reach the server', async () => {
    server.use(http.delete(`${window.location.origin}/api/v1/session`, () => HttpResponse.error()));
    await expect(request('DELETE /session', null, { csrfToken: 'tok' })).rejects.toMatchObject({
      kind: 'network',
      message: '无法连接到服务器，内容尚未保存，请检查网络后重试',
    });
  });

  it('answers null for a 204', async () => {
    server.use(http.delete(`${window.location.origin}/api/v1/session`, () => new HttpResponse(null, { status: 204 })));
    expect(await request('DELETE /session', null, { csrfToken: 'tok' })).toBeNull();
  });
});
