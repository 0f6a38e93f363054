import { CronExpressionParser } from 'cron-parser';

/** Every schedule is read in the city's time, whatever the server's zone. */
export const JOB_TIMEZONE = 'Asia/Shanghai';

/** Why `cron` is not a five-field schedule we can run (Chinese, for the API), or null when it is. */
export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5)
    return `时间表应为五段式 cron（分 时 日 月 周），例如“0 9 * * 1”表示每周一 9:00；收到 ${fields.length} 段`;
  try {
    CronExpressionParser.parse(cron.trim(), { tz: JOB_TIMEZONE }).next();
    return null;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return `时间表“${cron.trim()}”无效（${why}）：应为五段式 cron（分 时 日 月 周），例如“0 9 * * 1”表示每周一 9:00`;
  }
}

/** The first instant strictly after `after` that `cron` names, read in Asia/Shanghai. */
export function nextRun(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron.trim(), { currentDate: after, tz: JOB_TIMEZONE }).next().toDate();
}
