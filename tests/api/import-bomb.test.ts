import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importResponseSchema } from '../../src/domain/write-api';
import { bombSheet, peakRss, rowsSheet, workbook } from './crafted-xlsx';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, type Fixture, fileForm, seedAccounts, signIn, snapshot, type Who } from './write-helpers';

/**
 * Issue 19 through the HTTP API: a 4 MB upload that inflates to 4 GiB and a workbook of 100,000
 * rows are answered 413 in Chinese by both import endpoints, the server's memory stays flat, and it
 * answers /health right after. A legitimate 5,000-row report still imports.
 */
const MB = 1024 * 1024;
const TOO_BIG = '工作簿解压后过大，请删除多余的工作表或另存为 CSV';
const TOO_MANY_ROWS = '行数超过上限（最多 5000 行数据），请分批导入';

describe.each(backends())('decompression bombs at the import endpoints on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  let rep: Who;
  let admin: Who;
  beforeAll(async () => {
    ctx = await testApp(backend);
    f = await seedAccounts(ctx.db.db, TEST_NOW);
    rep = await signIn(ctx.app, 'rep-a');
    admin = await signIn(ctx.app, 'admin');
  });
  afterAll(async () => ctx?.close());

  /** Posts the file to every endpoint that reads spreadsheets and checks each answer and the memory it took. */
  async function refusedEverywhere(bytes: Buffer, detail: string) {
    const before = await snapshot(ctx.db.db);
    const endpoints: [string, Who][] = [
      ['/imports?mode=dry-run', rep],
      ['/imports?mode=commit', rep],
      ['/admin/catalog-imports?mode=dry-run', admin],
      ['/admin/catalog-imports?mode=commit', admin],
    ];
    for (const [path, who] of endpoints) {
      const {
        result,
        before: rss,
        peak,
      } = await peakRss(async () => {
        const res = await call(ctx.app, 'POST', path, who, fileForm(new Uint8Array(bytes), 'report.xlsx'));
        return { status: res.status, body: (await res.json()) as { detail: string; code: string } };
      });
      expect(result.status, path).toBe(413);
      expect(result.body, path).toMatchObject({ detail, code: 'bad_file' });
      expect(peak - rss, path).toBeLessThan(200 * MB);
      const health = await ctx.app.request('/api/v1/health');
      expect(health.status, path).toBe(200);
      console.log(`[${path}] ${(bytes.length / MB).toFixed(1)} MB → 413, RSS +${((peak - rss) / MB).toFixed(0)} MB`);
    }
    expect(await snapshot(ctx.db.db)).toEqual(before);
  }

  it('answers a 4 MB workbook that inflates to 4 GiB (headers say 4 KB) with 413', async () => {
    const bomb = workbook(bombSheet(4));
    expect(bomb.length).toBeLessThan(5 * MB);
    await refusedEverywhere(bomb, TOO_BIG);
  }, 60_000);

  it('answers the same bomb with honest 4 GB headers with 413 once the inflated total passes the cap', async () => {
    await refusedEverywhere(workbook(bombSheet(4, 0xfffffffe)), TOO_BIG);
  }, 60_000);

  it('answers a valid workbook of 100,000 rows with 413 before exceljs builds it', async () => {
    const big = workbook(
      rowsSheet(['目标编号', '本期数值', '截至日期', '说明', '原因'], 100_000, (i) => [
        f.targetA,
        i,
        '2025-06-01',
        '',
        '',
      ]),
    );
    await refusedEverywhere(big, TOO_MANY_ROWS);
  }, 60_000);

  it('still imports a legitimate 5,000-row, 20-column report, in well under 200 MB', async () => {
    const targets = await ctx.db.db
      .selectFrom('targets')
      .select('id')
      .where('kind', '=', 'cumulative')
      .where('period_start', '<=', '2025-01-01')
      .where('deadline', '>=', '2025-12-31')
      .execute();
    const extra = Array.from({ length: 15 }, (_, i) => `备注${i + 1}`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('填报');
    ws.addRow(['目标编号', '本期数值', '截至日期', '说明', '原因', ...extra]);
    let n = 0;
    for (const t of targets) {
      for (let day = 0; day < 365 && n < 5000; day++, n++) {
        const asOf = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
        ws.addRow([
          t.id,
          n + 0.5,
          asOf,
          `第${n}行的说明`,
          '批量导入',
          ...extra.map((_, c) => (c % 2 ? n * c : `附加${c}-${n % 97}`)),
        ]);
      }
    }
    expect(n).toBe(5000);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { result, before, peak } = await peakRss(async () => {
      const res = await call(ctx.app, 'POST', '/imports?mode=dry-run', admin, fileForm(bytes, 'big.xlsx'));
      return { status: res.status, body: await res.json() };
    });
    expect(result.status).not.toBe(413);
    const body = importResponseSchema.parse(
      result.status === 200 ? result.body : (result.body as { result: unknown }).result,
    );
    expect(body.counts.rows).toBe(5000);
    expect(peak - before).toBeLessThan(200 * MB);
    console.log(
      `[5000×20 report] ${(bytes.length / 1024).toFixed(0)} KB → ${result.status}, RSS +${((peak - before) / MB).toFixed(0)} MB`,
    );
  }, 120_000);
});
