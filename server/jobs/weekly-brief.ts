import { WARNING_STATUSES } from '../../src/domain/aggregate';
import { formatDate } from '../../src/domain/format';
import type { JobHandler, OutgoingMessage } from '../notify/message';
import { Store } from '../repositories/store';
import { asOfWords, countsSentence, figuresText, leadInline, reviewBrief } from '../services/brief-docx';
import { buildReviewFor } from '../services/review-service';
import { mdText } from './reminders';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** How many lagging targets the message names; the rest are in the attached brief. */
const TOP_LAGGING = 5;

/**
 * 督查通报 (issue 24), on its schedule: the review /review shows without parameters (the meeting is
 * today, or the day of the newest report when nothing came in for a week), as the Word brief
 * (server/services/brief-docx.ts), sent to the target office and to every department that leads a
 * target of the review (its copy opens with its own counts): a summary in the message, the .docx
 * attached (mail) and linked (robots, the attachment's url, when PUBLIC_URL is known).
 */
export const weeklyBriefJob: JobHandler = async (ctx) => {
  const r = await buildReviewFor({ store: new Store(ctx.db), now: ctx.now }, {});
  // No parameters: nothing a problem could be about.
  if (!r.ok) throw new Error(r.problem.detail);
  const review = r.value;
  const brief = await reviewBrief(ctx.db, review);
  const base = ctx.baseUrl?.replace(/\/+$/, '') ?? null;
  const link = base ? `${base}/api/v1/review.docx?asOf=${review.asOf}` : null;

  const byId = new Map(review.targets.map((t) => [t.id, t]));
  const lagging = review.laggards
    .filter((l) => l.status !== 'missed' && WARNING_STATUSES.has(l.status))
    .flatMap((l) => byId.get(l.id) ?? []);
  const overdueReports = review.overdue.reduce((n, g) => n + g.items.length, 0);
  const overdueItems = brief.supervision.filter((i) => i.status === 'overdue');

  const overdueGroups = review.overdue.filter((g) => g.department !== null);
  const noLead = review.overdue.length - overdueGroups.length;

  /** The message's body, with `own` (a department's copy: its own lines) after the counts. */
  const body = (own: { md: string[]; text: string[] } | null) => {
    // The robots put the title above the markdown themselves (server/notify/senders.ts).
    const md = [`${asOfWords(review)}，${countsSentence(review)}。`];
    const text = [brief.title, '', `${asOfWords(review)}，${countsSentence(review)}。`];
    if (own) {
      md.push('', ...own.md);
      text.push('', ...own.text);
    }
    if (lagging.length > 0) {
      const head = `滞后、严重滞后目标共 ${lagging.length} 项${lagging.length > TOP_LAGGING ? `，落后最多的 ${TOP_LAGGING} 项` : ''}`;
      md.push('', `**${head}**`);
      text.push('', `${head}：`);
      for (const t of lagging.slice(0, TOP_LAGGING)) {
        const line = `${t.title}（牵头单位：${leadInline(t)}）：${figuresText(t)}`;
        md.push(`- ${mdText(line)}`);
        text.push(`- ${line}`);
      }
    }
    if (overdueItems.length > 0) {
      md.push('', `**逾期督办事项**（${overdueItems.length} 项）`);
      text.push('', `逾期督办事项（${overdueItems.length} 项）：`);
      for (const i of overdueItems) {
        const line = `${i.title}：${i.leadDepartmentName}，办理时限 ${formatDate(i.dueDate)}`;
        md.push(`- ${mdText(line)}`);
        text.push(`- ${line}`);
      }
    }
    // Departments only, as the brief's 四、逾期未报 counts them; the targets no department leads said apart.
    const words = `逾期未报 ${overdueReports} 项，涉及 ${overdueGroups.length} 个牵头单位${noLead > 0 ? '（另有未明确牵头部门的目标）' : ''}。`;
    md.push('', words);
    text.push('', words);
    // Robots list the attachment with its link (server/notify/senders.ts `robotMarkdown`): not twice.
    if (link) text.push('', `下载督查通报（Word）：${link}`);
    else text.push('', `督查通报见附件：${brief.filename}`);
    if (review.containsDemo) {
      md.push('', '> 含演示数据，非正式统计');
      text.push('', '（含演示数据，非正式统计）');
    }
    return { markdown: md.join('\n'), text: text.join('\n') };
  };
  const attachments = [
    { filename: brief.filename, contentType: DOCX_TYPE, content: brief.content, ...(link ? { url: link } : {}) },
  ];

  const office: OutgoingMessage = {
    kind: 'weekly-brief',
    key: 'weekly-brief:office',
    audience: { kind: 'office' },
    title: brief.title,
    ...body(null),
    attachments,
  };
  // Every department that leads a target of the review gets its copy, its own lines first.
  const departments = new Map<string, string>();
  for (const t of review.targets)
    if (t.department !== null && !departments.has(t.department))
      departments.set(t.department, t.departmentName ?? t.department);
  const copies = [...departments].map(([id, name]): OutgoingMessage => {
    const led = review.targets.filter((t) => t.department === id);
    const demo = led.some((t) => t.divisionDemo);
    const lag = lagging.filter((t) => t.department === id).length;
    const late = review.overdue.find((g) => g.department === id)?.items.length ?? 0;
    const items = overdueItems.filter((i) => i.leadDepartment === id).length;
    const line = `本单位牵头目标 ${led.length} 项${demo ? '（含演示分工）' : ''}：滞后、严重滞后 ${lag} 项，逾期未报 ${late} 项，逾期督办 ${items} 项。`;
    return {
      kind: 'weekly-brief',
      key: `weekly-brief:${id}`,
      audience: { kind: 'department', id, name },
      title: brief.title,
      ...body({ md: [`**${mdText(name)}**：${mdText(line)}`], text: [`${name}：${line}`] }),
      attachments,
    };
  });
  const severe = review.laggards.filter((l) => l.status === 'severe').length;
  return {
    summary: `督查通报（截至${formatDate(review.asOf)}）：滞后 ${lagging.length - severe} 项 · 严重滞后 ${severe} 项 · 逾期未报 ${overdueReports} 项 · 逾期督办 ${overdueItems.length} 项`,
    messages: [office, ...copies],
  };
};
