import { shanghaiDate } from '../../domain/dates';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The next instant, strictly after `nowMs`, at which the Asia/Shanghai clock shows `minute` past midnight. */
export function nextDailyInstant(nowMs: number, minute: number): number {
  const midnight = Math.floor((nowMs + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  const today = midnight + minute * 60_000;
  return today > nowMs ? today : today + DAY_MS;
}

/** Minutes since midnight on the Asia/Shanghai clock, as a key that changes once a minute. */
export function minuteKey(nowMs: number): number {
  return Math.floor((nowMs + SHANGHAI_OFFSET_MS) / 60_000);
}

export const shanghaiDay = (nowMs: number): string => shanghaiDate(new Date(nowMs));
