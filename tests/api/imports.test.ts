import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername, getUser } from '../../server/repositories/users';
import { importReports } from '../../server/services/report-import';
import { parseCsv } from '../../server/services/spreadsheet/sheet';
import { targetDetailResponseSchema } from '../../src/domain/target-api';
import { importResponseSchema } from '../../src/domain/write-api';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, type Fixture, fileForm, seedAccounts, signIn, snapshot, type Who } from './write-helpers';

const HEADER = '目标编号,本期数值,截至日期,说明,原因';

async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('填报'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Free dates (no report yet) of a target in 2025, oldest first. */
async function freeDates(ctx: Awaited<ReturnType<typeof testApp>>, targetId: string): Promise<string[]> {
  const used = new Set(
    (await ctx.db.db.selectFrom('reports').select('as_of').where('target_id', '=', targetId).execute()).map(
      (r) => r.as_of,
    ),
  );
  const out: string[] = [];
  for (
    let d = new Date('2025-01-01T00:00:00Z');
    d <= new Date('2025-12-31T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const iso = d.toISOString().slice(0, 10);
    if (!used.has(iso)) out.push(iso);
  }
  return out;
}

describe.each(backends())('Excel/CSV import on %s', (backend: Backend) => {
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

  const upload = (mode: 'dry-run' | 'commit', bytes: Uint8Array | string, name = 'upload.csv', w: Who = rep) =>
    call(ctx.app, 'POST', `/imports?mode=${mode}`, w, fileForm(bytes, name));
  const reportCount = async () =>
    Number(
      (
        await ctx.db.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n,
    );

  it('round-trips the prefilled template: download, fill in, dry run, commit, re-upload without duplicates', async () => {
    const res = await call(ctx.app, 'GET', '/imports/template', rep);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('填报');
    if (!ws) throw new Error('no sheet');
    // The target's name leads and its id comes last (issue 25); the import reads columns by their header.
    const names = (ws.getRow(1).values as unknown[]).slice(1);
    expect(names[0]).toBe('目标名称');
    expect(names.at(-1)).toBe('目标编号');
    const col = (name: string) => names.indexOf(name) + 1;
    expect(ws.rowCount).toBe(2);
    const row = ws.getRow(2);
    expect(row.getCell(col('目标编号')).value).toBe(f.targetA);
    const last = Number(row.getCell(col('上次数值')).value);
    expect(last).toBeGreaterThan(0);
    row.getCell(col('本期数值')).value = last + 1;
    row.getCell(col('截至日期')).value = new Date('2025-12-27T00:00:00Z');
    row.getCell(col('说明')).value = '模板往返';
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());

    const before = await reportCount();
    const dry = importResponseSchema.parse(await (await upload('dry-run', filled, 'filled.xlsx')).json());
    expect(dry.counts).toMatchObject({ rows: 1, new: 1, error: 0 });
    expect(dry.rows[0]?.previewStatus).toBeTruthy();
    expect(await reportCount()).toBe(before);

    const commit = await upload('commit', filled, 'filled.xlsx');
    expect(commit.status).toBe(201);
    const body = importResponseSchema.parse(await commit.json());
    expect(body.committed).toBe(true);
    expect(await reportCount()).toBe(before + 1);

    const again = importResponseSchema.parse(await (await upload('commit', filled, 'filled.xlsx')).json());
    expect(again.alreadyImported).toBe(true);
    expect(await reportCount()).toBe(before + 1);
    // The same rows in a different file (re-saved, renamed) are recognised row by row.
    const resaved = `${HEADER}\n${f.targetA},${last + 1},2025-12-27,模板往返,\n`;
    const r2 = importResponseSchema.parse(await (await upload('commit', resaved, 'resaved.csv')).json());
    expect(r2.counts).toMatchObject({ unchanged: 1, new: 0 });
    expect(await reportCount()).toBe(before + 1);
    const audit = await ctx.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'import.commit').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('shows every bad row by row and column in Chinese, writes nothing, then commits the fixed file', async () => {
    const [d1, d2, d3] = await freeDates(ctx, f.targetA).then((d) => d.slice(-3));
    const bad = `${HEADER}\n${f.targetA},460,${d1},,\n${f.targetA},四百,${d2},,\nnope,1,${d3},,\n${f.targetA},461,2026-03-01,,\n`;
    const before = await snapshot(ctx.db.db);
    const dry = importResponseSchema.parse(await (await upload('dry-run', bad)).json());
    expect(dry.messages).toContain('第3行 “本期数值”：不是数字');
    expect(dry.messages).toContain('第4行 “目标编号”：目标“nope”不存在');
    expect(dry.messages.some((m) => m.startsWith('第5行 “截至日期”：截至日期不能晚于今天'))).toBe(true);
    expect(dry.counts).toMatchObject({ new: 1, error: 3 });
    const commit = await upload('commit', bad);
    expect(commit.status).toBe(422);
    const p = (await commit.json()) as { detail: string; result: unknown };
    expect(p.detail).toContain('整个文件未导入');
    importResponseSchema.parse(p.result);
    expect(await snapshot(ctx.db.db)).toEqual(before);

    const fixed = `${HEADER}\n${f.targetA},460,${d1},,\n${f.targetA},461,${d2},,\n`;
    expect((await upload('commit', fixed)).status).toBe(201);
  });

  it('checks a row for a past date against the reports around that date, not only the newest ones', async () => {
    const history = await ctx.db.db
      .selectFrom('reports')
      .select(['as_of', 'value'])
      .where('target_id', '=', f.targetA)
      .where('supersedes', 'is', null)
      .orderBy('as_of')
      .execute();
    // Weekly demo reports through the year: the third and fifth are months and dozens of reports back.
    expect(history.length).toBeGreaterThan(20);
    const [old, earlier, next] = [history[2], history[4], history[5]];
    if (!old || !earlier || !next || earlier.value === null) throw new Error('fixture: no history');
    const free = await freeDates(ctx, f.targetA);
    const between = free.find((d) => d > earlier.as_of && d < next.as_of);
    const newest = free.at(-1);
    if (!between || !newest) throw new Error('fixture: no free dates');
    const below = Number(earlier.value) - 1;
    const file = [
      HEADER,
      `${f.targetA},${Number(old.value) + 1},${old.as_of},,`,
      `${f.targetA},${below},${between},,`,
      `${f.targetA},${Number(history.at(-1)?.value) + 1},${newest},,`,
    ].join('\n');
    const before = await snapshot(ctx.db.db);
    const dry = importResponseSchema.parse(await (await upload('dry-run', file)).json());
    expect(dry.rows.map((r) => r.status)).toEqual(['error', 'error', 'new']);
    expect(dry.messages.find((m) => m.startsWith('第2行'))).toContain(`该目标截至 ${old.as_of} 已有填报`);
    expect(dry.messages.find((m) => m.startsWith('第3行'))).toContain(`（截至 ${earlier.as_of}）`);
    expect(dry.rows[2]?.previewProgress).not.toBeNull();
    expect(await snapshot(ctx.db.db)).toEqual(before);

    // With reasons: the old date becomes a correction of its report, the low figure is explained.
    const explained = [
      HEADER,
      `${f.targetA},${Number(old.value) + 1},${old.as_of},,统计口径调整`,
      `${f.targetA},${below},${between},,核减重复统计`,
    ].join('\n');
    const ok = importResponseSchema.parse(await (await upload('commit', explained)).json());
    expect(ok.rows.map((r) => r.status)).toEqual(['correction', 'new']);
  });

  it('checks a file a few targets at a time exactly as all at once, each row against the rows above it', async () => {
    const ids = (
      await ctx.db.db
        .selectFrom('targets')
        .select('id')
        .where('kind', '=', 'cumulative')
        .where('period_start', '<=', '2025-01-01')
        .where('deadline', '>=', '2025-12-31')
        .where('id', 'not in', [f.targetA, f.targetB, f.targetNull])
        // Far from their goals: a step of one or two is no suspicious multiple of it.
        .where('target', '>=', 100)
        .orderBy('id')
        .limit(7)
        .execute()
    ).map((r) => r.id);
    expect(ids).toHaveLength(7);
    const lines = [HEADER];
    const second: string[] = [];
    for (const [i, id] of ids.entries()) {
      const newest = await ctx.db.db
        .selectFrom('reports')
        .select(['as_of', 'value'])
        .where('target_id', '=', id)
        .orderBy('as_of', 'desc')
        .executeTakeFirstOrThrow();
      const [first, later] = (await freeDates(ctx, id)).slice(-2);
      if (!first || !later || first <= newest.as_of) throw new Error('fixture: no free dates after the newest report');
      const v = Number(newest.value);
      lines.push(`${id},${v + 2},${first},,`);
      // Even targets: lower than the row above it (a figure that falls needs a reason); odd: higher.
      second.push(`${id},${i % 2 === 0 ? v + 1 : v + 3},${later},,`);
    }
    lines.push(...second, `${ids[0]},1,${lines[1]?.split(',')[2]},,`, 'no-such-target,1,2025-12-01,,', `${ids[6]},,,,`);
    const text = lines.join('\n');
    const admin = await getUser(ctx.db.db, (await findUserByUsername(ctx.db.db, 'admin'))?.id ?? '');
    if (!admin) throw new Error('fixture: no admin');
    const run = (targetsPerBatch?: number, file = text, mode: 'dry-run' | 'commit' = 'dry-run') =>
      importReports({
        db: ctx.db.db,
        user: admin,
        actor: { id: admin.id, username: admin.username, ip: null },
        now: TEST_NOW,
        fileName: 'batches.csv',
        bytes: new TextEncoder().encode(file),
        grid: { kind: 'csv', rows: parseCsv(file) },
        mode,
        maxRows: 100,
        targetsPerBatch,
      });
    const whole = await run();
    const batched = await run(2);
    if (!('body' in whole) || !('body' in batched)) throw new Error('the file was refused');
    expect(whole.body.rows.map((r) => r.status)).toEqual([
      ...Array(7).fill('new'),
      ...ids.map((_, i) => (i % 2 === 0 ? 'error' : 'new')),
      'error',
      'error',
      'skipped',
    ]);
    expect(whole.body.issues.filter((x) => x.row === 16).map((x) => x.code)).toContain('duplicate_row');
    expect(whole.body.messages.find((m) => m.startsWith('第9行'))).toContain(`（截至 ${lines[1]?.split(',')[2]}）`);
    expect(batched.body).toEqual(whole.body);

    // Committed two targets at a time, the rows that pass are written in the file's order.
    const passing = [HEADER, ...lines.slice(1, 8), ...second.filter((_, i) => i % 2 === 1)].join('\n');
    const committed = await run(2, passing, 'commit');
    if (!('body' in committed)) throw new Error('the file was refused');
    expect(committed.status).toBe(201);
    expect(committed.body.counts).toMatchObject({ new: 10, error: 0 });
    const entry = await ctx.db.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'import.commit')
      .where('entity_id', '=', committed.body.importId ?? '')
      .executeTakeFirstOrThrow();
    const after = (typeof entry.after === 'string' ? JSON.parse(entry.after) : entry.after) as {
      reports: { targetId: string; asOf: string }[];
    };
    expect(after.reports.map((r) => `${r.targetId},${r.asOf}`)).toEqual(
      passing
        .split('\n')
        .slice(1)
        .map((l) =>
          l
            .split(',')
            .filter((_, k) => k !== 1)
            .slice(0, 2)
            .join(','),
        ),
    );
  });

  it('reads GBK CSV, 全角 digits, thousands separators, Chinese dates and Excel date serials', async () => {
    const [d1] = (await freeDates(ctx, f.targetA)).slice(-1);
    const [y, m, d] = (d1 ?? '').split('-');
    const text = `${HEADER}\n${f.targetA},"１,２３４.０",${y}年${Number(m)}月${Number(d)}日,全角与千分位,超出目标\n`;
    const gbk = encodeGbk(text);
    const dry = importResponseSchema.parse(await (await upload('dry-run', gbk, 'gbk.csv')).json());
    expect(dry.messages).toEqual([]);
    // (The target counts whole things: 1,234.0 is a whole count written with a decimal point.)
    expect(dry.rows[0]).toMatchObject({ value: 1234, asOf: d1, status: 'new' });

    const serial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;
    const bytes = await xlsx((ws) => {
      ws.addRow(['2025年进度填报（甲局）']);
      ws.mergeCells('A1:E1');
      ws.addRow(['目标编号', '本期数值', '截至日期', '说明', '原因']);
      ws.addRow([
        f.targetA,
        { formula: '400+50', result: 450 },
        serial(d1 ?? ''),
        '公式与日期序列号',
        '低于上次，测试',
      ]);
    });
    const x = importResponseSchema.parse(await (await upload('dry-run', bytes, 'formula.xlsx')).json());
    expect(x.messages).toEqual([]);
    expect(x.rows.find((r) => r.status !== 'skipped')).toMatchObject({ row: 3, value: 450, asOf: d1 });
  });

  it('refuses a value merged down over two rows, and reads a percent-formatted cell as the figure shown', async () => {
    const [d1, d2] = (await freeDates(ctx, f.targetA)).slice(-2);
    const bytes = await xlsx((ws) => {
      ws.addRow(['目标编号', '本期数值', '截至日期', '说明', '原因']);
      ws.addRow([f.targetA, 455, d1, '第一行', '低于上次，测试']);
      ws.addRow([f.targetA, null, d2, '合并下来的数值', '低于上次，测试']);
      ws.mergeCells('B2:B3');
    });
    const before = await snapshot(ctx.db.db);
    const merged = importResponseSchema.parse(await (await upload('dry-run', bytes, 'merged.xlsx')).json());
    expect(merged.messages).toContain('第3行 “本期数值”：是合并单元格（与 B2 合并），请取消合并，每行分别填写');
    expect((await upload('commit', bytes, 'merged.xlsx')).status).toBe(422);
    expect(await snapshot(ctx.db.db)).toEqual(before);

    const percent = await xlsx((ws) => {
      ws.addRow(['目标编号', '本期数值', '截至日期', '说明', '原因']);
      const row = ws.addRow([f.targetA, 4.55, d1, '百分比格式', '低于上次，测试']);
      row.getCell(2).numFmt = '0%';
    });
    const p = importResponseSchema.parse(await (await upload('dry-run', percent, 'percent.xlsx')).json());
    expect(p.rows.find((r) => r.status !== 'skipped')).toMatchObject({ value: 455 });
  });

  it('refuses hostile files with a clear 4xx and leaves the database unchanged', async () => {
    const before = await snapshot(ctx.db.db);
    const zipNoWorkbook = await (async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('x');
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      // Rename the entry so the zip stays valid but holds no workbook.
      return new Uint8Array(
        Buffer.from(buf.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmm'), 'latin1'),
      );
    })();
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    const broken = new Uint8Array(2048);
    broken.set([0x50, 0x4b, 0x03, 0x04]);
    broken.fill(0x41, 4);
    const binary = new Uint8Array(1024).map((_, i) => (i * 37) % 256);
    const hundredK = `${HEADER}\n${Array.from({ length: 100_000 }, (_, i) => `${f.targetA},${i},2025-06-01,,`).join('\n')}`;
    const tooBig = new Uint8Array(6 * 1024 * 1024).fill(0x31);
    const cases: [string, Uint8Array | string, string, number, RegExp][] = [
      ['a .xlsx that is really a .exe', exe, 'report.xlsx', 415, /可执行程序/],
      ['a broken zip', broken, 'report.xlsx', 422, /损坏/],
      ['a zip without a workbook', zipNoWorkbook, 'report.xlsx', 415, /没有 Excel 工作簿/],
      ['random binary', binary, 'report.csv', 415, /无法识别/],
      ['100k rows', hundredK, 'big.csv', 413, /行数超过上限/],
      ['a file over the size limit', tooBig, 'big.csv', 413, /上限/],
      ['an empty file', '', 'empty.csv', 400, /空/],
      ['a text file without the header', 'hello,world\n1,2\n', 'x.csv', 422, /没有找到表头/],
      ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls', 415, /xls/],
    ];
    for (const [name, bytes, file, status, message] of cases) {
      for (const mode of ['dry-run', 'commit'] as const) {
        const res = await upload(mode, bytes, file, admin);
        expect(res.status, `${name} (${mode})`).toBe(status);
        expect(((await res.json()) as { detail: string }).detail, name).toMatch(message);
      }
    }
    // A huge cell and formula-injection strings are row errors: 422 on commit, nothing written.
    const [d1] = (await freeDates(ctx, f.targetA)).slice(-1);
    const hostileRows = [
      `${HEADER}`,
      `${f.targetA},1,${d1},"${'长'.repeat(40_000)}",`,
      `${f.targetA},"=HYPERLINK(""http://evil"",""x"")",${d1},,`,
      `${f.targetA},@SUM(1+1),2025-01-02,,`,
      `${f.targetA},+1+1,2025-01-03,,`,
    ].join('\n');
    const dry = importResponseSchema.parse(await (await upload('dry-run', hostileRows, 'h.csv', admin)).json());
    expect(dry.messages).toContain('第2行 “说明”：不能超过 2000 个字符');
    // The same problems with their codes, for a client to word in its own language.
    expect(dry.issues).toContainEqual({
      row: 2,
      column: '说明',
      message: '不能超过 2000 个字符',
      code: 'too_long',
      params: { max: 2000 },
    });
    expect(dry.issues.filter((i) => i.code === 'not_number').map((i) => i.row)).toEqual([3, 4, 5]);
    expect(dry.messages).toContain('第3行 “本期数值”：不是数字');
    expect(dry.messages).toContain('第4行 “本期数值”：不是数字');
    expect(dry.messages).toContain('第5行 “本期数值”：不是数字');
    expect((await upload('commit', hostileRows, 'h.csv', admin)).status).toBe(422);
    expect(await snapshot(ctx.db.db)).toEqual(before);
  });

  it('neutralises formula injection in every file it writes (template and audit export)', async () => {
    await ctx.db.db.updateTable('targets').set({ title: '=cmd|"/c calc"!A1' }).where('id', '=', f.targetA).execute();
    const raw = new Uint8Array(await (await call(ctx.app, 'GET', '/imports/template?format=csv', rep)).arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(raw);
    expect(csv).toContain(`'=cmd|`);
    const res = await call(ctx.app, 'POST', `/targets/${f.targetA}/reports`, rep, {
      asOf: '2025-01-02',
      value: 1,
      note: '@SUM(A1:A9)',
      confirmReason: '测试',
    });
    expect(res.status).toBe(201);
    const audit = await call(ctx.app, 'GET', '/admin/audit/export?format=csv&action=report.create', admin);
    expect(audit.status).toBe(200);
    const text = await audit.text();
    expect(text).toContain('report.create');
    expect(text).not.toMatch(/^[=+@-]/m);
    const json = (await (await call(ctx.app, 'GET', '/admin/audit?action=report.create', admin)).json()) as {
      items: { actor: string }[];
    };
    expect(json.items[0]?.actor).toBe('rep-a');
    expect((await call(ctx.app, 'GET', '/admin/audit', rep)).status).toBe(403);
  });

  describe('narrative columns (进展情况, 存在问题, 下步措施, 需协调事项)', () => {
    const NARRATIVE_HEADER = ['进展情况', '存在问题', '下步措施', '需协调事项'];
    const reportsOf = async (id: string, w: Who = rep) =>
      targetDetailResponseSchema.parse(await (await call(ctx.app, 'GET', `/targets/${id}`, w)).json()).item.reports;

    it('the template offers them empty, noted optional, and the import stores them trimmed', async () => {
      const res = await call(ctx.app, 'GET', '/imports/template', rep);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet('填报');
      if (!ws) throw new Error('no sheet');
      const head = ws.getRow(1);
      const names = (head.values as unknown[]).slice(1).map(String);
      const at = NARRATIVE_HEADER.map((n) => names.indexOf(n) + 1);
      expect(at.every((c) => c > 0)).toBe(true);
      for (const c of at) {
        const note = head.getCell(c).note;
        const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
        expect(text).toContain('选填');
        expect(text).toContain('2000');
        expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(30);
        expect(ws.getRow(2).getCell(c).value ?? null).toBeNull();
      }
      const [date] = (await freeDates(ctx, f.targetA)).slice(-4);
      const row = ws.getRow(2);
      row.getCell(names.indexOf('本期数值') + 1).value = 1;
      row.getCell(names.indexOf('截至日期') + 1).value = date;
      row.getCell(names.indexOf('原因') + 1).value = '确认理由：导入叙述';
      row.getCell(at[0] as number).value = '  完成了三个片区的签约。  ';
      row.getCell(at[1] as number).value = '土地指标未下达，\n两个项目停工待批';
      row.getCell(at[2] as number).value = '本月底前报市自然资源局';
      row.getCell(at[3] as number).value = '请市政府协调土地指标';
      const filled = new Uint8Array(await wb.xlsx.writeBuffer());
      const commit = await upload('commit', filled, 'narrative.xlsx');
      const body = importResponseSchema.parse(await commit.json());
      expect(body.messages).toEqual([]);
      expect(commit.status).toBe(201);
      const stored = (await reportsOf(f.targetA)).find((r) => r.asOf === date && !r.superseded);
      expect(stored?.narrative).toEqual({
        progress: '完成了三个片区的签约。',
        problems: '土地指标未下达，\n两个项目停工待批',
        nextSteps: '本月底前报市自然资源局',
        coordination: '请市政府协调土地指标',
      });
    });

    it('an older template without the columns still imports, with an empty narrative', async () => {
      const [date] = (await freeDates(ctx, f.targetA)).slice(-5);
      const bytes = await xlsx((ws) => {
        ws.addRow(['目标编号', '本期数值', '截至日期', '说明', '原因']);
        ws.addRow([f.targetA, 1, date, '旧模板', '确认理由：旧模板']);
      });
      const commit = await upload('commit', bytes, 'old-template.xlsx');
      expect(commit.status).toBe(201);
      const stored = (await reportsOf(f.targetA)).find((r) => r.asOf === date && !r.superseded);
      expect(stored?.note.startsWith('旧模板')).toBe(true);
      expect(stored?.narrative).toEqual({ progress: '', problems: '', nextSteps: '', coordination: '' });
    });

    it('refuses a hostile cell with its row and code, and writes nothing of the file', async () => {
      const dates = (await freeDates(ctx, f.targetA)).slice(-9, -6);
      const bytes = await xlsx((ws) => {
        ws.addRow(['目标编号', '本期数值', '截至日期', '原因', ...NARRATIVE_HEADER]);
        ws.addRow([f.targetA, 1, dates[0], '确认', '正常的进展', '', '', '']);
        ws.addRow([f.targetA, 1, dates[1], '确认', '', '\u202E问题\u202C已解决', '', '']);
        ws.addRow([f.targetA, 1, dates[2], '确认', '', '', '', '协'.repeat(2001)]);
      });
      const before = await snapshot(ctx.db.db);
      const dry = importResponseSchema.parse(await (await upload('dry-run', bytes, 'hostile.xlsx')).json());
      expect(dry.counts).toMatchObject({ new: 1, error: 2 });
      const byRow = (row: number) => dry.issues.filter((i) => i.row === row);
      expect(byRow(3)).toEqual([
        expect.objectContaining({
          column: '存在问题',
          code: 'bidi_control',
          message: '存在问题含有改变文字方向的控制字符，请删除后重试',
        }),
      ]);
      expect(byRow(4)).toEqual([
        expect.objectContaining({ column: '需协调事项', code: 'too_long', message: '不能超过 2000 个字符' }),
      ]);
      expect(dry.messages).toContain('第3行 “存在问题”：存在问题含有改变文字方向的控制字符，请删除后重试');
      const commit = await upload('commit', bytes, 'hostile.xlsx');
      expect(commit.status).toBe(422);
      expect(await snapshot(ctx.db.db)).toEqual(before);

      // A NUL cannot travel in .xlsx (XML has no such character): a UTF-8 CSV with its BOM carries it.
      const csv = `\uFEFF目标编号,本期数值,截至日期,原因,下步措施\n${f.targetA},1,${dates[0]},确认,下步\u0000措施\n`;
      const nul = await upload('commit', new TextEncoder().encode(csv), 'nul.csv');
      expect(nul.status).toBe(422);
      const p = (await nul.json()) as { result: unknown };
      expect(importResponseSchema.parse(p.result).issues).toEqual([
        expect.objectContaining({ row: 2, column: '下步措施', code: 'unstorable_text' }),
      ]);
      expect(await snapshot(ctx.db.db)).toEqual(before);
    });
  });

  it('imports 5,000 rows atomically within the limits (timed)', async () => {
    const targets = await ctx.db.db
      .selectFrom('targets')
      .select('id')
      .where('kind', '=', 'cumulative')
      .where('period_start', '<=', '2025-01-01')
      .where('deadline', '>=', '2025-12-31')
      .execute();
    const rows: string[] = [HEADER];
    for (const t of targets) {
      for (const d of await freeDates(ctx, t.id)) {
        if (rows.length > 5000) break;
        rows.push(`${t.id},${rows.length},${d},批量,批量导入测试`);
      }
    }
    expect(rows.length).toBe(5001);
    const bytes = await xlsx((ws) => {
      for (const line of rows) ws.addRow(line.split(',').map((v, i) => (i === 1 && /^\d+$/.test(v) ? Number(v) : v)));
    });
    const before = await reportCount();
    let t0 = performance.now();
    const dry = await upload('dry-run', bytes, 'big.xlsx', admin);
    const dryMs = performance.now() - t0;
    const dryBody = importResponseSchema.parse(await dry.json());
    expect(dryBody.counts.error, dryBody.messages.slice(0, 5).join('\n')).toBe(0);
    expect(dryBody.counts.new).toBe(5000);
    t0 = performance.now();
    const commit = await upload('commit', bytes, 'big.xlsx', admin);
    const commitMs = performance.now() - t0;
    expect(commit.status).toBe(201);
    expect(await reportCount()).toBe(before + 5000);
    console.log(
      `[bench] import 5000 rows (${(bytes.byteLength / 1024).toFixed(0)} KB xlsx) on ${backend}: dry-run ${dryMs.toFixed(0)} ms, commit ${commitMs.toFixed(0)} ms`,
    );
    const over = [...rows, `${targets[0]?.id},1,2025-01-01,,`].join('\n');
    expect((await upload('dry-run', over, 'over.csv', admin)).status).toBe(413);
  }, 120_000);
});

/** GBK encoding for the test (Node has a GBK decoder but no encoder): map each character through a table built by decoding. */
function encodeGbk(text: string): Uint8Array {
  const table = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

let cachedTable: Map<string, [number, number]> | undefined;
function gbkTable(): Map<string, [number, number]> {
  if (cachedTable) return cachedTable;
  const decoder = new TextDecoder('gbk');
  const map = new Map<string, [number, number]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [hi, lo]);
    }
  cachedTable = map;
  return map;
}
