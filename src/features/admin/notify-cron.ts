/**
 * The common shapes of a five-field cron (minute hour day-of-month month day-of-week, read on the
 * Asia/Shanghai clock), so a schedule can be said in words next to its cron: `0 9 * * 1` is 每周一
 * 09:00. Anything else is `null`, and the screen shows the cron as written.
 */
export type CronWords =
  | { kind: 'daily'; time: string }
  | { kind: 'workdays'; time: string }
  | { kind: 'weekly'; days: number[]; time: string }
  | { kind: 'monthly'; day: number; time: string }
  | { kind: 'hourly'; minute: number }
  | { kind: 'everyMinutes'; every: number };

const whole = (s: string, min: number, max: number): number | null => {
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

/** Day-of-week field: one day, a list (1,4) or a range (1-5); 7 is Sunday too. Sorted Monday first. */
function weekdays(field: string): number[] | null {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const range = /^(\d)-(\d)$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from > to || to > 7) return null;
      for (let d = from; d <= to; d++) days.add(d % 7);
      continue;
    }
    const d = whole(part, 0, 7);
    if (d === null) return null;
    days.add(d % 7);
  }
  // Monday first, Sunday last, as a Chinese calendar week is read.
  return [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
}

export function describeCron(cron: string): CronWords | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [min, hour, dom, month, dow] = fields as [string, string, string, string, string];
  if (month !== '*') return null;
  const every = /^\*\/(\d{1,2})$/.exec(min);
  if (every && hour === '*' && dom === '*' && dow === '*') {
    const n = whole(every[1] ?? '', 1, 59);
    return n === null ? null : { kind: 'everyMinutes', every: n };
  }
  const m = whole(min, 0, 59);
  if (m === null) return null;
  if (hour === '*') return dom === '*' && dow === '*' ? { kind: 'hourly', minute: m } : null;
  const h = whole(hour, 0, 23);
  if (h === null) return null;
  const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  if (dom === '*' && dow === '*') return { kind: 'daily', time };
  if (dom === '*') {
    const days = weekdays(dow);
    if (!days || days.length === 0) return null;
    if (days.length === 7) return { kind: 'daily', time };
    if (days.join() === '1,2,3,4,5') return { kind: 'workdays', time };
    return { kind: 'weekly', days, time };
  }
  if (dow !== '*') return null;
  const day = whole(dom, 1, 31);
  return day === null ? null : { kind: 'monthly', day, time };
}
