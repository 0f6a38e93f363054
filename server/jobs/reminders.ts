import { daysBetween, type IsoDate, shanghaiDate } from '../../src/domain/dates';
import { formatDate, formatWeekday } from '../../src/domain/format';
import { NO_DEPARTMENT } from '../../src/domain/review';
import type { SupervisionItem } from '../../src/domain/supervision-api';
import type { JobContext, JobHandler, OutgoingMessage } from '../notify/message';
import { Store } from '../repositories/store';
import { type DepartmentDue, type DueReports, type DueTarget, dueReports } from '../services/due-reports';
import { listSupervision } from '../services/supervision-service';

/**
 * 催报 (issue 24), run on its schedule (server/jobs/registry.ts): on the day the run was scheduled for,
 * - one reminder per lead department with a report overdue (逾期未报, the review's 未填报) or due this
 *   week (本周应报), listing the targets, their last report and how long ago, and the way to /report;
 * - one escalation (催报升级) to the 分管领导 and one to the target office, naming the departments
 *   that have missed at least their plan's `escalateAfter` reporting cycles on some target; the
 *   office's also lists the overdue targets no department leads (未明确牵头部门), on its own if none
 *   escalated;
 * - targets led only in the demo division of tasks are marked （演示分工）, and 含演示数据 is said
 *   where the department's own targets carry demo figures or the demo division;
 * - links to the review count pending reports (includePending=1), as the reminders do;
 * - one message per lead department with 督办事项 past their due date, and one list of all of them
 *   to the office.
 */

/** Robots render markdown: text from the catalog or a person must not become a link, a heading or bold. */
export const mdText = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\[/g, '［')
    .replace(/\]/g, '］')
    .replace(/\*/g, '＊')
    .replace(/^#/, '＃')
    .replace(/^>/, '＞')
    .replace(/`/g, '｀');

const joinUrl = (base: string | null, path: string) => (base ? `${base.replace(/\/+$/, '')}${path}` : null);

const dayWords = (day: IsoDate) => `${formatDate(day)}（${formatWeekday(day)}）`;

/** “最近填报 2025年9月5日，已 25 天未报（漏报 1 个周期）” / “从未填报”. */
export function silenceWords(t: DueTarget, withCycles: boolean): string {
  const cycles = withCycles ? `（漏报 ${t.missedCycles} 个填报周期）` : '';
  if (t.lastReportAsOf === null) return `从未填报${cycles}`;
  return `最近填报 ${formatDate(t.lastReportAsOf)}，已 ${t.daysSinceReport} 天未报${cycles}`;
}

/** A listed target's title, marked where its lead department is the demo division of tasks. */
const titleOf = (t: Pick<DueTarget, 'title' | 'divisionDemo'>) => `${t.title}${t.divisionDemo ? DEMO_DIVISION : ''}`;
const DEMO_DIVISION = '（演示分工）';
const DEMO_DIVISION_NOTE = '标注“演示分工”的目标，其牵头单位是演示用的任务分工，尚未经正式确认。';

/** The review a reminder links to: the day's, counting reports waiting for review as the reminder does. */
const reviewPath = (day: IsoDate) => `/review?asOf=${day}&includePending=1`;

/** 【催报】市发展改革委：3 项逾期未报，5 项本周应报 */
export function reminderTitle(d: Pick<DepartmentDue, 'name' | 'overdue' | 'due'>): string {
  const parts = [
    d.overdue.length > 0 ? `${d.overdue.length} 项逾期未报` : '',
    d.due.length > 0 ? `${d.due.length} 项本周应报` : '',
  ].filter(Boolean);
  return `【催报】${d.name}：${parts.join('，')}`;
}

/**
 * 企业微信 takes at most 4096 bytes of markdown (the sender cuts the rest, link and all): the robots'
 * lists stop at what fits, with how many more there are; the mail's text lists every one.
 */
export const ROBOT_BUDGET_BYTES = 3600;

/** A list in markdown, the first `shown` items and a line for the rest. */
function mdList(lines: readonly string[], shown: number, rest: (n: number) => string): string[] {
  if (lines.length <= shown) return [...lines];
  return [...lines.slice(0, shown), `- ……${rest(lines.length - shown)}`];
}

/** The longest version of a markdown built from list lengths that fits the robots' budget. */
function fitted(build: (shown: number) => string): string {
  for (const shown of [50, 20, 10, 5, 3, 1, 0]) {
    const md = build(shown);
    if (Buffer.byteLength(md) <= ROBOT_BUDGET_BYTES) return md;
  }
  return build(0);
}

function reminder(d: DepartmentDue, due: DueReports, baseUrl: string | null): OutgoingMessage {
  const title = reminderTitle(d);
  const link = joinUrl(baseUrl, '/report');
  const intro = `截至 ${dayWords(due.asOf)}，以下目标请尽快报送进展：`;
  const overdue = d.overdue.map((t) => `${titleOf(t)}：${silenceWords(t, true)}`);
  const dueLines = d.due.map(
    (t) => `${titleOf(t)}：${t.lastReportAsOf === null ? '从未填报' : `最近填报 ${formatDate(t.lastReportAsOf)}`}`,
  );
  const escalatedNote = '已连续多个填报周期未报，本提醒已同时报送分管领导和目标办。';
  // This department's targets only: another's demo figures are not its business.
  const demo = d.containsDemo;
  const divisionNote = d.divisionDemo ? DEMO_DIVISION_NOTE : null;

  const markdown = fitted((shown) => {
    const md = [intro];
    if (overdue.length > 0)
      md.push(
        '',
        `**逾期未报（${overdue.length} 项）**`,
        ...mdList(
          overdue.map((l) => `- ${mdText(l)}`),
          shown,
          (n) => `另有 ${n} 项`,
        ),
      );
    if (dueLines.length > 0)
      md.push(
        '',
        `**本周应报（${dueLines.length} 项）**`,
        // Overdue first: the week's list gets what is left of the room.
        ...mdList(
          dueLines.map((l) => `- ${mdText(l)}`),
          Math.min(shown, 10),
          (n) => `另有 ${n} 项`,
        ),
      );
    if (d.escalated) md.push('', `> ${escalatedNote}`);
    if (divisionNote) md.push('', `> ${divisionNote}`);
    if (link) md.push('', `[前往填报](${link})`);
    if (demo) md.push('', '> 含演示数据，非正式统计');
    return md.join('\n');
  });

  const text = [title, '', intro];
  if (overdue.length > 0) text.push('', `逾期未报（${overdue.length} 项）：`, ...overdue.map((l) => `- ${l}`));
  if (dueLines.length > 0) text.push('', `本周应报（${dueLines.length} 项）：`, ...dueLines.map((l) => `- ${l}`));
  if (d.escalated) text.push('', escalatedNote);
  if (divisionNote) text.push('', divisionNote);
  if (link) text.push('', `前往填报：${link}`);
  if (demo) text.push('', '（含演示数据，非正式统计）');
  return {
    kind: 'reminder',
    key: `reminder:${d.id}`,
    audience: { kind: 'department', id: d.id, name: d.name },
    title,
    markdown,
    text: text.join('\n'),
  };
}

/**
 * 催报升级 to the 分管领导 and the office, naming the escalated departments; the office's copy also
 * lists the overdue targets no department leads (未明确牵头部门), which no reminder reaches — sent to
 * the office alone when nothing escalated.
 */
function escalations(escalated: readonly DepartmentDue[], due: DueReports, baseUrl: string | null): OutgoingMessage[] {
  const unassigned = due.unassignedOverdue;
  if (escalated.length === 0 && unassigned.length === 0) return [];
  const title = `【催报升级】${escalated.length} 个部门多个填报周期未报进展`;
  const link = joinUrl(baseUrl, reviewPath(due.asOf));
  const intro = `截至 ${dayWords(due.asOf)}，以下部门漏报的填报周期已达到升级阈值：`;
  const entries = escalated.map((d) => {
    const over = d.overdue.filter((t) => t.missedCycles >= t.escalateAfter);
    return {
      name: `${d.name}${over.some((t) => t.divisionDemo) ? DEMO_DIVISION : ''}`,
      said: `${d.overdue.length} 项逾期未报，最长漏报 ${d.maxMissedCycles} 个填报周期（升级阈值 ${Math.min(...over.map((t) => t.escalateAfter))} 个）`,
      targets: over.map((t) => `${titleOf(t)}：${silenceWords(t, true)}`),
    };
  });
  const divisionNote = entries.some((e) => e.name.endsWith(DEMO_DIVISION)) ? DEMO_DIVISION_NOTE : null;
  const demo = due.review.containsDemo;
  const noLeadHead = `${NO_DEPARTMENT}（${unassigned.length} 项逾期未报，请明确牵头单位）`;
  const noLead = unassigned.map((t) => `${t.title}：${silenceWords(t, false)}`);
  const build = (withUnassigned: boolean, head: string) => (shown: number) => {
    const md = entries.length > 0 ? [intro, ''] : [];
    for (const e of entries)
      md.push(
        `- **${mdText(e.name)}**：${e.said}`,
        ...mdList(
          e.targets.map((l) => `  - ${mdText(l)}`),
          Math.min(shown, 5),
          (n) => `另有 ${n} 项`,
        ),
      );
    if (withUnassigned && noLead.length > 0)
      md.push(
        ...(md.length > 0 ? [''] : []),
        head,
        '',
        `- **${noLeadHead}**`,
        ...mdList(
          noLead.map((l) => `  - ${mdText(l)}`),
          Math.min(shown, 10),
          (n) => `另有 ${n} 项`,
        ),
      );
    if (divisionNote) md.push('', `> ${divisionNote}`);
    if (link) md.push('', `[查看周调度会](${link})`);
    if (demo) md.push('', '> 含演示数据，非正式统计');
    return md.join('\n');
  };
  const textOf = (withUnassigned: boolean, head: string, heading: string) => {
    const text = [heading, ''];
    if (entries.length > 0) text.push(intro, '');
    for (const e of entries) text.push(`- ${e.name}：${e.said}`, ...e.targets.map((l) => `  - ${l}`));
    if (withUnassigned && noLead.length > 0)
      text.push(...(entries.length > 0 ? [''] : []), head, '', `- ${noLeadHead}`, ...noLead.map((l) => `  - ${l}`));
    if (divisionNote) text.push('', divisionNote);
    if (link) text.push('', `查看周调度会：${link}`);
    if (demo) text.push('', '（含演示数据，非正式统计）');
    return text.join('\n');
  };
  const unassignedHead = `截至 ${dayWords(due.asOf)}，以下逾期未报的目标未明确牵头部门，催报无从送达：`;
  const out: OutgoingMessage[] = [];
  if (escalated.length > 0)
    out.push({
      kind: 'escalation',
      key: 'escalation:leaders',
      audience: { kind: 'leaders' },
      title,
      markdown: fitted(build(false, '')),
      text: textOf(false, '', title),
    });
  const officeTitle = escalated.length > 0 ? title : `【催报】${unassigned.length} 项逾期未报的目标未明确牵头部门`;
  out.push({
    kind: escalated.length > 0 ? 'escalation' : 'reminder',
    key: escalated.length > 0 ? 'escalation:office' : 'reminder:office',
    audience: { kind: 'office' },
    title: officeTitle,
    markdown: fitted(build(true, unassignedHead)),
    text: textOf(true, unassignedHead, officeTitle),
  });
  return out;
}

const overdueDays = (item: SupervisionItem, day: IsoDate) => daysBetween(item.dueDate, day);

function supervisionLine(item: SupervisionItem, day: IsoDate, withLead: boolean): string {
  const on = item.targetTitle ? `（${item.targetTitle}）` : '';
  const lead = withLead ? `牵头单位 ${item.leadDepartmentName}，` : '';
  return `${item.title}${on}：${lead}办理时限 ${formatDate(item.dueDate)}，已逾期 ${overdueDays(item, day)} 天${item.progress ? `；最新进展：${item.progress}` : ''}`;
}

function supervisionMessage(
  key: string,
  audience: OutgoingMessage['audience'],
  title: string,
  intro: string,
  lines: readonly string[],
  link: { label: string; url: string | null },
): OutgoingMessage {
  const markdown = fitted((shown) => {
    const md = [
      intro,
      '',
      ...mdList(
        lines.map((l) => `- ${mdText(l)}`),
        shown,
        (n) => `另有 ${n} 项`,
      ),
    ];
    if (link.url) md.push('', `[${link.label}](${link.url})`);
    return md.join('\n');
  });
  const text = [title, '', intro, '', ...lines.map((l) => `- ${l}`)];
  if (link.url) text.push('', `${link.label}：${link.url}`);
  return { kind: 'supervision', key, audience, title, markdown, text: text.join('\n') };
}

function supervisionMessages(
  items: readonly SupervisionItem[],
  day: IsoDate,
  baseUrl: string | null,
): OutgoingMessage[] {
  if (items.length === 0) return [];
  const byLead = new Map<string, SupervisionItem[]>();
  for (const item of items) byLead.set(item.leadDepartment, [...(byLead.get(item.leadDepartment) ?? []), item]);
  const out: OutgoingMessage[] = [];
  for (const [id, list] of byLead) {
    const name = list[0]?.leadDepartmentName ?? id;
    out.push(
      supervisionMessage(
        `supervision:${id}`,
        { kind: 'department', id, name },
        `【督办】${name}：${list.length} 项督办事项已逾期`,
        `截至 ${dayWords(day)}，以下督办事项已过办理时限，请尽快办结或报告进展：`,
        list.map((i) => supervisionLine(i, day, false)),
        { label: '前往办理', url: joinUrl(baseUrl, '/report') },
      ),
    );
  }
  out.push(
    supervisionMessage(
      'supervision:office',
      { kind: 'office' },
      `【督办】${items.length} 项督办事项逾期，涉及 ${byLead.size} 个牵头单位`,
      `截至 ${dayWords(day)}，以下督办事项已过办理时限：`,
      items.map((i) => supervisionLine(i, day, true)),
      { label: '查看周调度会', url: joinUrl(baseUrl, reviewPath(day)) },
    ),
  );
  return out;
}

/** “催报 12 个部门 · 升级 3 个 · 督办逾期 2 项”, or what there was nothing of. */
export function remindersSummary(reminded: number, escalated: number, supervisionOverdue: number): string {
  if (reminded === 0 && supervisionOverdue === 0) return '无需催报 · 无逾期督办事项';
  return [
    reminded > 0 ? `催报 ${reminded} 个部门` : '无需催报',
    `升级 ${escalated} 个`,
    `督办逾期 ${supervisionOverdue} 项`,
  ].join(' · ');
}

/** The messages of one run, judged on the day it runs (`now`, Asia/Shanghai). */
export async function reminderMessages(ctx: JobContext): Promise<{ summary: string; messages: OutgoingMessage[] }> {
  const day = shanghaiDate(ctx.now);
  const due = await dueReports({ store: new Store(ctx.db), now: ctx.now }, day);
  const overdueItems = (await listSupervision(ctx.db, { status: 'overdue' }, day)).items;
  const escalated = due.departments.filter((d) => d.escalated);
  const messages = [
    ...due.departments.map((d) => reminder(d, due, ctx.baseUrl)),
    ...escalations(escalated, due, ctx.baseUrl),
    ...supervisionMessages(overdueItems, day, ctx.baseUrl),
  ];
  return {
    summary: remindersSummary(due.departments.length, escalated.length, overdueItems.length),
    messages,
  };
}

export const remindersJob: JobHandler = (ctx) => reminderMessages(ctx);
