/**
 * Secrets never leave the server: not in an API answer, not in a delivery's last error, not in a log.
 * The robots' documented URLs are shown as host and path with the query dropped (the key is in the
 * query: `qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`, `oapi.dingtalk.com/robot/send?access_token=…`);
 * any other URL (a generic webhook, whose path may itself be the token, however short) as its host
 * and `/…` only.
 */
const ROBOT_PATHS = new Set(['/cgi-bin/webhook/send', '/robot/send']);
export function redactUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return '（地址无效）';
  }
  if (ROBOT_PATHS.has(u.pathname)) {
    const keys = [...u.searchParams.keys()];
    const query = keys.length ? `?${keys.map((k) => `${encodeURIComponent(k)}=…`).join('&')}` : '';
    return `${u.host}${u.pathname}${query}`;
  }
  return `${u.host}${u.pathname === '/' && !u.search ? '' : '/…'}`;
}

/** Whether a URL carries something that redactUrl hides (a query, a token-like path segment, a user:password). */
export function urlHasSecret(raw: string): boolean {
  try {
    const u = new URL(raw);
    return (
      u.search.length > 1 || u.username !== '' || u.password !== '' || u.pathname.split('/').some((s) => s.length >= 16)
    );
  } catch {
    return false;
  }
}

/**
 * Removes every secret from a text meant for people (an error from a sender): each secret as given,
 * URL-encoded, and any URL's query and userinfo. Secrets shorter than 4 characters are not searched
 * for (they would blot out ordinary words); they cannot be recognised in a text anyway.
 */
export function scrub(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('…');
  }
  out = out.replace(/(https?:\/\/)[^\s/@]*@/gi, '$1');
  out = out.replace(/(https?:\/\/[^\s?#"']+)\?[^\s"']*/gi, '$1?…');
  return out.length > 500 ? `${out.slice(0, 500)}…` : out;
}
