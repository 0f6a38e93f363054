import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { summaryResponseSchema } from '../domain/api';
import { ApiError } from './api-error';
import { apiGet, apiUrl } from './client';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const url = `${window.location.origin}/api/v1/summary`;

async function failure(): Promise<ApiError> {
  try {
    await apiGet('/summary', summaryResponseSchema);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('apiGet', () => {
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
});
