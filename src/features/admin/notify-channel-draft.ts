import type { Channel, ChannelKind } from '../../domain/notify-api';

/**
 * The channel form's state as typed (every field a string but the switches) and the body it sends:
 * only the fields of its kind, a secret left empty left out (the server keeps the stored one).
 */
export interface Draft {
  kind: ChannelKind;
  name: string;
  audience: Channel['audience'];
  department: string | null;
  enabled: boolean;
  url: string;
  secret: string;
  host: string;
  port: string;
  secure: boolean;
  user: string;
  pass: string;
  from: string;
  to: string;
}
export type TextKey = 'name' | 'url' | 'secret' | 'host' | 'port' | 'user' | 'pass' | 'from' | 'to';

export const blank: Draft = {
  kind: 'wecom',
  name: '',
  audience: 'office',
  department: null,
  enabled: true,
  url: '',
  secret: '',
  host: '',
  port: '465',
  secure: true,
  user: '',
  pass: '',
  from: '',
  to: '',
};

export function draftOf(c: Channel): Draft {
  const e = c.email;
  return {
    ...blank,
    kind: c.kind,
    name: c.name,
    audience: c.audience,
    department: c.department,
    enabled: c.enabled,
    ...(e
      ? {
          host: e.host,
          port: String(e.port),
          secure: e.secure,
          user: e.user ?? '',
          from: e.from,
          to: e.to.join('\n'),
        }
      : {}),
  };
}

/** The body for the draft's kind: only that kind's fields; a secret left empty is left out (kept). */
export function bodyOf(d: Draft): Record<string, unknown> {
  const common = {
    name: d.name.trim(),
    audience: d.audience,
    ...(d.audience === 'department' ? { department: d.department } : {}),
    enabled: d.enabled,
  };
  switch (d.kind) {
    case 'webhook':
    case 'wecom':
      return { kind: d.kind, ...common, url: d.url.trim() };
    case 'dingtalk':
      return { kind: d.kind, ...common, url: d.url.trim(), ...(d.secret.trim() ? { secret: d.secret.trim() } : {}) };
    case 'email':
      return {
        kind: d.kind,
        ...common,
        host: d.host.trim(),
        port: /^\d+$/.test(d.port.trim()) ? Number(d.port.trim()) : Number.NaN,
        secure: d.secure,
        ...(d.user.trim() ? { user: d.user.trim() } : {}),
        ...(d.pass ? { pass: d.pass } : {}),
        from: d.from.trim(),
        to: d.to
          .split(/[\s,;，；、]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
  }
}
