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
 * (server/services/brief-docx.ts), sent to the target office: a summary in the message, the .docx
 * attached (mail) and linked (robots, when PUBLIC_URL is known).
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

  // The robots put the title above the markdown themselves (server/notify/senders.ts).
  const md = [`${asOfWords(review)}，${countsSentence(review)}。`];
  const text = [brief.title, '', `${asOfWords(review)}，${countsSentence(review)}。`];
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
  const words = `逾期未报 ${overdueReports} 项，涉及 ${review.overdue.length} 个牵头单位。`;
  md.push('', words);
  text.push('', words);
  if (link) {
    md.push('', `[下载督查通报（Word）](${link})`);
    text.push('', `下载督查通报（Word）：${link}`);
  } else text.push('', `督查通报见附件：${brief.filename}`);
  if (review.containsDemo) {
    md.push('', '> 含演示数据，非正式统计');
    text.push('', '（含演示数据，非正式统计）');
  }

  const message: OutgoingMessage = {
    kind: 'weekly-brief',
    key: 'weekly-brief:office',
    audience: { kind: 'office' },
    title: brief.title,
    markdown: md.join('\n'),
    text: text.join('\n'),
    attachments: [{ filename: brief.filename, contentType: DOCX_TYPE, content: brief.content }],
  };
  const severe = review.laggards.filter((l) => l.status === 'severe').length;
  return {
    summary: `督查通报（截至${formatDate(review.asOf)}）：滞后 ${lagging.length - severe} 项 · 严重滞后 ${severe} 项 · 逾期未报 ${overdueReports} 项 · 逾期督办 ${overdueItems.length} 项`,
    messages: [message],
  };
};
