import type { Locale } from '../domain/format';
import { type AllMessages, type Messages, zhCN } from './zh-cn';

/** Every message key, as a dotted path into the Chinese messages (the reference set). */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<AllMessages>;
export type Vars = Record<string, string | number>;

// Chinese starts with the shell's words; the report and admin pages add theirs (loadWorkMessages).
const loaded: Partial<Record<Locale, Messages>> = { 'zh-CN': zhCN as unknown as Messages };
let work: Promise<void> | undefined;

/**
 * The report and admin pages' Chinese words, their own chunk: routes.tsx loads it with those pages
 * (the page renders once both have arrived), so no other page's first load carries them. English
 * is one chunk with every page's words.
 */
export function loadWorkMessages(): Promise<void> {
  work ??= import('./zh-cn-work').then((m) => {
    Object.assign(zhCN, m.zhWork);
  });
  return work;
}

let meeting: Promise<void> | undefined;

/** The wall's and the weekly review's Chinese words, their own chunk, loaded with those pages. */
export function loadMeetingMessages(): Promise<void> {
  meeting ??= import('./zh-cn-meeting').then((m) => {
    Object.assign(zhCN, m.zhMeeting);
  });
  return meeting;
}

let approval: Promise<void> | undefined;

/** The words of report review (issue 23) the target page and the reviewer's queue share, loaded with them. */
export function loadApprovalMessages(): Promise<void> {
  approval ??= import('./zh-cn-approval').then((m) => {
    Object.assign(zhCN, m.zhApproval);
  });
  return approval;
}

let supervision: Promise<void> | undefined;

/** The words of 督办事项 (issue 24), loaded with the supervision code (the review, the target, /report, the wall). */
export function loadSupervisionMessages(): Promise<void> {
  supervision ??= import('./zh-cn-supervision').then((m) => {
    Object.assign(zhCN, m.zhSupervision);
  });
  return supervision;
}

const pending = new Map<Locale, Promise<Messages>>();

/** Chinese ships with the app; English is its own small chunk, fetched when someone switches. */
export function loadMessages(locale: Locale): Promise<Messages> {
  const ready = loaded[locale];
  if (ready) return Promise.resolve(ready);
  let p = pending.get(locale);
  if (!p) {
    p = import('./en').then((m) => {
      loaded.en = m.en;
      return m.en;
    });
    pending.set(locale, p);
  }
  return p;
}

export function messagesFor(locale: Locale): Messages | undefined {
  return loaded[locale];
}

export function translate(messages: Messages, key: MessageKey, vars?: Vars): string {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return interpolate(typeof node === 'string' ? node : key, vars);
}

/** `{{name}}` placeholders filled from `vars` (an unknown name stays as written). */
export function interpolate(text: string, vars?: Vars): string {
  return vars ? text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}
