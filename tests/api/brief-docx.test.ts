import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { weeklyBriefJob } from '../../server/jobs/weekly-brief';
import { Store } from '../../server/repositories/store';
import { formatDate } from '../../src/domain/format';
import { problemSchema } from '../../src/domain/problem';
import { type ReviewResponse, reviewResponseSchema } from '../../src/domain/review-api';
import type { Status } from '../../src/domain/schemas';
import { supervisionItemResponseSchema } from '../../src/domain/supervision-api';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, DEPT_A, DEPT_A_NAME, type Fixture, seedAccounts, signIn, type Who } from './write-helpers';

/**
 * 督查通报 (issue 24): GET /review.docx is the review /review answers, as a Word document laid out
 * as a Chinese official document, with the 督办事项 created through the API. The file is unzipped and
 * its XML read: the words a person reads in Word, and the page and fonts the office expects.
 */

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const xmlUnescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each paragraph of a WordprocessingML part, line breaks as \n. */
function paragraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((m) => (m[0] === '<w:br/>' ? '\n' : xmlUnescape(m[1] ?? '')))
        .join(''),
    );
}

interface Unzipped {
  document: string;
  styles: string;
  text: string[];
  all: string;
}

async function unzip(body: ArrayBuffer): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(body);
  const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const text = paragraphs(document);
  return { document, styles, text, all: text.join('\n') };
}

describe.each(backends())('督查通报 (.docx) on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let reviewer: Who;
  let fixture: Fixture;
  let repA: Who;
  let review: ReviewResponse;
  let doc: Unzipped;
  let res: Response;
  const ITEMS = {
    overdue: '督办测试：十二月底前完成用地报批',
    open: '督办测试：一季度开工建设',
    done: '督办测试：召开专题协调会',
  };
  const CLOSING = '已于12月20日召开专题会，形成会议纪要';

  beforeAll(async () => {
    ctx = await testApp(backend);
    fixture = await seedAccounts(ctx.db.db, TEST_NOW);
    reviewer = await signIn(ctx.app, 'reviewer');
    repA = await signIn(ctx.app, 'rep-a');
    const create = async (title: string, dueDate: string) => {
      const r = await call(ctx.app, 'POST', '/supervision', reviewer, { title, leadDepartment: DEPT_A, dueDate });
      expect(r.status, await r.clone().text()).toBe(201);
      return supervisionItemResponseSchema.parse(await r.json()).item;
    };
    await create(ITEMS.overdue, '2025-12-01');
    await create(ITEMS.open, '2026-03-31');
    const done = await create(ITEMS.done, '2026-01-31');
    const closed = await call(ctx.app, 'PATCH', `/supervision/${done.id}`, repA, { status: 'done', note: CLOSING });
    expect(closed.status, await closed.clone().text()).toBe(200);

    const r = await ctx.app.request('/api/v1/review');
    expect(r.status).toBe(200);
    review = reviewResponseSchema.parse(await r.json());
    res = await ctx.app.request('/api/v1/review.docx');
    doc = await unzip(await res.clone().arrayBuffer());
  });
  afterAll(async () => ctx?.close());

  it('answers a Word file named after the scope and the meeting date, as an attachment', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX_TYPE);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment;/);
    const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(utf8)).toBe(`督查通报-全部规划-${review.asOf}.docx`);
    expect(disposition).toContain(`filename="brief-${review.asOf}.docx"`);
  });

  it('has the title, the scope, the date and the demo mark', () => {
    expect(doc.text).toContain('督查通报');
    expect(doc.text).toContain('（全部规划）');
    expect(review.containsDemo).toBe(true);
    expect(doc.text).toContain(`截至${formatDate(review.asOf)}（含演示数据，非正式统计）`);
    for (const h of ['一、总体情况', '二、滞后目标', '三、督办事项', '四、逾期未报']) expect(doc.text).toContain(h);
  });

  it('counts the targets as the review does', () => {
    const counts = new Map<Status, number>();
    for (const t of review.targets) counts.set(t.state.status, (counts.get(t.state.status) ?? 0) + 1);
    const overview = doc.text.find((p) => p.includes('纳入调度的目标共')) ?? '';
    expect(overview).toContain(`纳入调度的目标共${review.targets.length}项`);
    const said = (label: string) => {
      const m = new RegExp(`[其、]中?${label}(\\d+)项`).exec(overview);
      return m ? Number(m[1]) : 0;
    };
    expect(said('已完成')).toBe(counts.get('achieved') ?? 0);
    expect(said('正常')).toBe(counts.get('on_track') ?? 0);
    expect(said('滞后')).toBe(counts.get('lagging') ?? 0);
    expect(said('严重滞后')).toBe(counts.get('severe') ?? 0);
    expect(said('未填报')).toBe(counts.get('no_data') ?? 0);
    expect(said('未完成')).toBe(counts.get('missed') ?? 0);
    // The ones the meeting asks about are said even when there are none.
    expect(overview).toMatch(/、严重滞后\d+项/);
    expect(overview).toContain(`新增预警${review.newWarnings.length}项、恢复正常${review.recoveries.length}项`);
  });

  it('lists a lagging target with its figures, its problems and next steps and its lead department', () => {
    const lagging = review.targets.find(
      (t) => (t.state.status === 'lagging' || t.state.status === 'severe') && t.latestReport?.narrative?.problems,
    );
    expect(lagging, 'the demo has a lagging target whose report says what is stuck').toBeDefined();
    if (!lagging) return;
    const at = doc.text.findIndex((p) => p.startsWith('1．') && p.includes(lagging.title));
    expect(at).toBeGreaterThan(0);
    const head = doc.text[at] ?? '';
    expect(head).toContain(`牵头单位：${lagging.departmentName}`);
    expect(head).toContain(`完成率${(Math.round((lagging.state.progress ?? 0) * 1000) / 10).toString()}%`);
    expect(head).toContain('应完成率（序时进度）');
    expect(doc.text[at + 1]).toBe(`存在问题：${lagging.latestReport?.narrative?.problems}`);
    expect(doc.text[at + 2]).toBe(`下步措施：${lagging.latestReport?.narrative?.nextSteps || '未说明'}`);
  });

  it('lists the 督办事项 with their status, lead department, due date and closing note', () => {
    const row = (title: string) => {
      const i = doc.text.indexOf(title);
      expect(i, title).toBeGreaterThan(0);
      return doc.text.slice(i, i + 5);
    };
    expect(row(ITEMS.overdue)).toEqual([ITEMS.overdue, DEPT_A_NAME, '2025年12月1日', '逾期', '—']);
    expect(row(ITEMS.open)).toEqual([ITEMS.open, DEPT_A_NAME, '2026年3月31日', '办理中', '—']);
    expect(row(ITEMS.done)).toEqual([ITEMS.done, DEPT_A_NAME, '2026年1月31日', '已办结', `办结说明：${CLOSING}`]);
    // The review page's groups and counts (src/domain/supervision-review.ts).
    expect(doc.all).toContain('督办事项共3项，其中逾期1项、本周到期0项、办理中1项、已办结1项');
  });

  it('lists the 督办事项 the review page shows for its meeting, judged on that day', async () => {
    // Entered 2025-12-01, closed 2025-12-02 (before today's meeting's previous one: not in today's brief).
    const at = (iso: string) => createApp({ store: new Store(ctx.db.db), now: () => new Date(iso) });
    const early = await call(at('2025-12-01T09:00:00+08:00'), 'POST', '/supervision', reviewer, {
      title: '督办测试：早已办结',
      leadDepartment: DEPT_A,
      dueDate: '2025-12-05',
    });
    expect(early.status, await early.clone().text()).toBe(201);
    const item = supervisionItemResponseSchema.parse(await early.json()).item;
    const closed = await call(at('2025-12-02T09:00:00+08:00'), 'PATCH', `/supervision/${item.id}`, repA, {
      status: 'done',
      note: '十二月二日办结',
    });
    expect(closed.status, await closed.clone().text()).toBe(200);
    const brief = async (q: string) => unzip(await (await ctx.app.request(`/api/v1/review.docx?${q}`)).arrayBuffer());
    // The day it was entered: open, due within the week; the items entered on 2026-01-05 are not there yet.
    const first = await brief('asOf=2025-12-01');
    expect(first.all).toContain('督办事项共1项，其中逾期0项、本周到期1项、办理中0项、已办结0项');
    expect(first.all).not.toContain(ITEMS.overdue);
    // Closed on the previous meeting's day (after it): in the next meeting's 已办结.
    const next = await brief('asOf=2025-12-09&previous=2025-12-02');
    expect(next.all).toContain('督办事项共1项，其中逾期0项、本周到期0项、办理中0项、已办结1项');
    expect(next.all).toContain('办结说明：十二月二日办结');
    // Long closed by the meeting of 2025-12-29: gone.
    expect((await brief('asOf=2025-12-29')).all).toContain('本期无督办事项。');
  });

  it('says where lagging targets are with the table’s count and gives 完成率 with value and target', () => {
    const sentence = doc.text.find((p) => p.includes('滞后目标主要集中在')) ?? '';
    for (const s of review.sectors) {
      const m = new RegExp(`${s.name}（(\\d+)项）`).exec(sentence);
      if (m) expect(Number(m[1]), s.name).toBe(s.now.counts.lagging + s.now.counts.severe);
    }
    const lagging = review.targets.find(
      (t) => (t.state.status === 'lagging' || t.state.status === 'severe') && t.kind !== 'milestone',
    );
    if (!lagging || lagging.target === null || lagging.state.latest?.value == null)
      throw new Error('the demo has a lagging target with a figure');
    const head = doc.text.find((p) => /^\d+．/.test(p) && p.includes(lagging.title)) ?? '';
    expect(head).toMatch(/完成率[\d.]+%（[^）/]+\/[^）]+）/);
  });

  it('marks the figures of reports waiting for review, and says so on the date line', async () => {
    // DEPT_A's reporter reports a figure far behind pace: pending until a reviewer decides it.
    const sent = await call(ctx.app, 'POST', `/targets/${fixture.targetA}/reports`, repA, {
      asOf: '2025-12-31',
      value: 1,
      confirmReason: '通报测试',
    });
    expect(sent.status, await sent.clone().text()).toBe(201);
    const pending = reviewResponseSchema.parse(await (await ctx.app.request('/api/v1/review?includePending=1')).json());
    const target = pending.targets.find((t) => t.id === fixture.targetA);
    expect(target?.state.latest?.provisional).toBe(true);
    const d = await unzip(await (await ctx.app.request('/api/v1/review.docx?includePending=1')).arrayBuffer());
    expect(d.all).toContain(
      `截至${formatDate(pending.asOf)}（含演示数据，非正式统计）（含待审核的初报数值，逐项标注“初报（待审核）”）`,
    );
    // Far behind: among the laggards, its 完成率 marked (the date line says it once more).
    expect(pending.laggards.some((l) => l.id === fixture.targetA)).toBe(true);
    expect(d.all.split('初报（待审核）').length - 1).toBeGreaterThanOrEqual(2);
    // Without includePending the brief is the reviewed figures' alone.
    const reviewed = await unzip(await (await ctx.app.request('/api/v1/review.docx')).arrayBuffer());
    expect(reviewed.all).not.toContain('初报（待审核）');
    expect(reviewed.text).toEqual(doc.text);
  });

  it('names every department with overdue reports, how many, and each target with its last report', () => {
    expect(review.overdue.length).toBeGreaterThan(0);
    const section = doc.text.indexOf('四、逾期未报');
    expect(section).toBeGreaterThan(0);
    for (const g of review.overdue) {
      const name = g.departmentName ?? '未明确牵头部门';
      const i = doc.text.findIndex((p, at) => at > section && p.startsWith(name));
      expect(i, name).toBeGreaterThan(0);
      expect(doc.text[i + 1]).toBe(String(g.items.length));
      // One row per target: its title, the last report, the days since (the merged cells below a
      // department's are empty).
      const cells = doc.text.slice(i + 2).filter((p) => p !== '');
      g.items.forEach((item, j) => {
        const row = cells.slice(j * 3, j * 3 + 3);
        expect(row[0]).toBe(review.targets.find((t) => t.id === item.id)?.title);
        expect(row[1]).toBe(item.lastReportAsOf === null ? '从未填报' : formatDate(item.lastReportAsOf));
        expect(row[2]).toBe(item.daysSinceReport === null ? '—' : `${item.daysSinceReport}天`);
      });
    }
  });

  it('is an A4 page with the margins, fonts and page numbers of an official document', () => {
    expect(doc.document).toMatch(/<w:pgSz(?=[^>]*w:w="11906")(?=[^>]*w:h="16838")[^>]*\/>/);
    expect(doc.document).toMatch(
      /<w:pgMar(?=[^>]*w:top="2098")(?=[^>]*w:bottom="1984")(?=[^>]*w:left="1587")(?=[^>]*w:right="1474")/,
    );
    expect(doc.styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc.styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc.styles).toContain('w:eastAsia="黑体"');
    expect(doc.styles).toContain('w:eastAsia="楷体_GB2312"');
    // 三号 body on a fixed line.
    expect(doc.styles).toMatch(/w:line="580" w:lineRule="exact"/);
  });

  it('filters by plan and date like /review, and refuses what /review refuses with the same problem', async () => {
    const r = await ctx.app.request('/api/v1/review.docx?plan=qd-2025&asOf=2025-09-30');
    expect(r.status).toBe(200);
    const json = reviewResponseSchema.parse(
      await (await ctx.app.request('/api/v1/review?plan=qd-2025&asOf=2025-09-30')).json(),
    );
    const d = await unzip(await r.arrayBuffer());
    expect(d.text).toContain(`（${json.plan?.title}）`);
    expect(d.all).toContain(`纳入调度的目标共${json.targets.length}项`);
    expect(decodeURIComponent(r.headers.get('content-disposition') ?? '')).toContain(
      `督查通报-${json.plan?.title}-2025-09-30.docx`,
    );

    for (const q of ['asOf=2025-13-01', 'plan=no-such-plan', 'asOf=2025-06-30&previous=2025-07-01']) {
      const [docx, json] = await Promise.all([
        ctx.app.request(`/api/v1/review.docx?${q}`),
        ctx.app.request(`/api/v1/review?${q}`),
      ]);
      expect(docx.status, q).toBe(400);
      expect(docx.headers.get('content-type')).toContain('application/problem+json');
      const p = problemSchema.parse(await docx.json());
      expect(p).toEqual(problemSchema.parse(await json.json()));
      expect(p.detail).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('is what the weekly job sends the office: a summary, a link and the file attached', async () => {
    const out = await weeklyBriefJob({
      db: ctx.db.db,
      now: TEST_NOW,
      scheduledFor: TEST_NOW,
      baseUrl: 'https://board.example.gov.cn/',
    });
    // The office, and every department that leads a target of the review.
    const leads = new Set(review.targets.flatMap((t) => (t.department === null ? [] : [t.department])));
    expect(out.messages.map((x) => x.key).sort()).toEqual(
      ['weekly-brief:office', ...[...leads].map((d) => `weekly-brief:${d}`)].sort(),
    );
    const m = out.messages.find((x) => x.key === 'weekly-brief:office');
    expect(m?.kind).toBe('weekly-brief');
    expect(m?.audience).toEqual({ kind: 'office' });
    expect(m?.title).toBe(`督查通报（截至${formatDate(review.asOf)}）`);
    // One link for the robots: the attachment's (server/notify/senders.ts lists it), not the markdown's too.
    const url = `https://board.example.gov.cn/api/v1/review.docx?asOf=${review.asOf}`;
    expect(m?.attachments?.[0]?.url).toBe(url);
    expect(m?.markdown).not.toContain(url);
    expect(m?.text).toContain(url);
    // Departments only, as the brief's 四、逾期未报 counts them.
    expect(m?.markdown).toContain(`涉及 ${review.overdue.filter((g) => g.department !== null).length} 个牵头单位`);
    expect(m?.markdown).toContain(`纳入调度的目标共${review.targets.length}项`);
    expect(m?.markdown).toContain(ITEMS.overdue);
    expect(m?.markdown).not.toContain(ITEMS.open);
    const file = m?.attachments?.[0];
    expect(file?.filename).toBe(`督查通报-全部规划-${review.asOf}.docx`);
    expect(file?.contentType).toBe(DOCX_TYPE);
    const attached = await unzip(new Uint8Array(file?.content ?? Buffer.alloc(0)).buffer as ArrayBuffer);
    expect(attached.text).toEqual(doc.text);
    expect(out.summary).toMatch(
      /^督查通报（截至.+）：滞后 \d+ 项 · 严重滞后 \d+ 项 · 逾期未报 \d+ 项 · 逾期督办 1 项$/,
    );

    const own = out.messages.find((x) => x.key === `weekly-brief:${DEPT_A}`);
    expect(own?.audience).toEqual({ kind: 'department', id: DEPT_A, name: DEPT_A_NAME });
    expect(own?.text).toContain(`${DEPT_A_NAME}：本单位牵头目标`);
    expect(own?.text).toContain('逾期督办 1 项');
    expect(own?.attachments?.[0]?.filename).toBe(file?.filename);

    const offline = await weeklyBriefJob({ db: ctx.db.db, now: TEST_NOW, scheduledFor: TEST_NOW, baseUrl: null });
    expect(offline.messages[0]?.attachments?.[0]?.url).toBeUndefined();
    expect(offline.messages[0]?.markdown).not.toContain('http');
    expect(offline.messages[0]?.text).toContain(`督查通报见附件：督查通报-全部规划-${review.asOf}.docx`);
  });
});
