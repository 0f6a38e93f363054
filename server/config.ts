/** Server settings, all from the environment (twelve-factor), with defaults that work on a laptop. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  skipBuild: boolean;
  frameAncestors: string[];
  /** Sign-in, roles and writes (issue 7). */
  accounts: {
    readAccess: 'open' | 'signed-in';
    limits: { maxFileBytes: number; maxRows: number; maxJsonBytes: number };
    trustProxy: boolean;
    secureCookies: boolean;
  };
  /** Notifications and scheduled jobs (issue 24). */
  notify: {
    /** NOTIFY_WEBHOOK_URL: every message is also POSTed here as JSON (a secret: never printed). */
    webhookUrl: string | null;
    /** PUBLIC_URL: the address people open the board at, for links in messages. */
    publicUrl: string | null;
    /** JOBS=off: this instance neither runs scheduled jobs nor sends deliveries (another one does). */
    jobs: boolean;
  };
}

const on = (v: string | undefined) => ['1', 'true', 'yes', 'on'].includes((v ?? '').toLowerCase());

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} 无效：${raw}`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './.data',
    demo: !['0', 'false', 'no', 'off'].includes((env.DEMO ?? '1').toLowerCase()),
    skipBuild: env.SKIP_BUILD === '1',
    frameAncestors: (env.FRAME_ANCESTORS ?? "'self'").split(/\s+/).filter(Boolean),
    accounts: {
      readAccess: readAccess(env.READ_ACCESS),
      limits: {
        maxFileBytes: Math.round(positive(env, 'MAX_UPLOAD_MB', 5) * 1024 * 1024),
        maxRows: Math.round(positive(env, 'MAX_IMPORT_ROWS', 5000)),
        maxJsonBytes: 64 * 1024,
      },
      trustProxy: on(env.TRUST_PROXY),
      secureCookies: on(env.COOKIE_SECURE),
    },
    notify: {
      webhookUrl: httpUrl(env, 'NOTIFY_WEBHOOK_URL', true),
      publicUrl: httpUrl(env, 'PUBLIC_URL', false)?.replace(/\/+$/, '') ?? null,
      jobs: !['0', 'false', 'no', 'off'].includes((env.JOBS ?? 'on').trim().toLowerCase()),
    },
  };
}

/** An http(s) URL from the environment, or null; a secret one is not echoed in the error. */
function httpUrl(env: NodeJS.ProcessEnv, name: string, secret: boolean): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(raw).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new Error(`${name} 无效${secret ? '' : `：${raw}`}（应以 http:// 或 https:// 开头）`);
  return raw;
}

function readAccess(v: string | undefined): 'open' | 'signed-in' {
  const s = (v ?? 'open').trim().toLowerCase();
  if (s === 'open' || s === 'signed-in') return s;
  throw new Error(`READ_ACCESS 应为 open 或 signed-in：${v}`);
}
