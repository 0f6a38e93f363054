import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponses } from './compress';

const PAGE = `<!doctype html><html lang="zh-CN"><body>${'<p>项目投资完成 1,733 亿元，序时进度 87.5%</p>'.repeat(200)}</body></html>`;

function app() {
  const a = new Hono();
  a.use(compressResponses());
  a.get('/page', (c) => c.html(PAGE));
  a.get('/small', (c) => c.body('{"ok":true}', 200, { 'content-type': 'application/json', 'content-length': '11' }));
  a.get('/events', (c) => c.body('data: x\n\n'.repeat(500), 200, { 'content-type': 'text/event-stream' }));
  a.get('/xlsx', (c) =>
    c.body(new Uint8Array(4096), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  a.get('/no-transform', (c) => c.html(PAGE, 200, { 'cache-control': 'no-transform' }));
  a.get('/tagged', (c) => c.html(PAGE, 200, { etag: '"v7"' }));
  return a;
}

const get = (path: string, acceptEncoding?: string, method = 'GET') =>
  app().request(path, { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, then deflate, among what the client takes', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBe('deflate');
    expect(chooseEncoding('*')).toBe('br');
  });

  it('follows the client’s weights and refusals', () => {
    expect(chooseEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, *')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding('zstd')).toBeUndefined();
    expect(chooseEncoding('')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});

describe('compressResponses', () => {
  it('sends a page brotli-compressed to a browser, smaller than gzip, and decodes to the same text', async () => {
    const br = await get('/page', 'gzip, deflate, br, zstd');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-length')).toBeNull();
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(PAGE);

    const gz = await get('/page', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const gzBytes = Buffer.from(await gz.arrayBuffer());
    expect(gunzipSync(gzBytes).toString('utf8')).toBe(PAGE);
    expect(brBytes.length).toBeLessThan(gzBytes.length);
  });

  it('sends the text as it is to a client that takes no encoding, still varying by Accept-Encoding', async () => {
    const r = await get('/page');
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(r.headers.get('vary')).toBe('Accept-Encoding');
    expect(await r.text()).toBe(PAGE);
  });

  it('leaves answers under 1 KB (of known length), event streams, binary files, HEAD requests and no-transform alone', async () => {
    for (const [path, method] of [
      ['/small', 'GET'],
      ['/events', 'GET'],
      ['/xlsx', 'GET'],
      ['/no-transform', 'GET'],
      ['/page', 'HEAD'],
    ] as const) {
      const r = await get(path, 'br, gzip', method);
      expect(r.headers.get('content-encoding'), `${method} ${path}`).toBeNull();
    }
    expect((await (await get('/xlsx', 'br')).arrayBuffer()).byteLength).toBe(4096);
  });

  it('weakens a strong ETag, since the bytes sent are no longer those it named', async () => {
    const r = await get('/tagged', 'br');
    expect(r.headers.get('etag')).toBe('W/"v7"');
  });
});
