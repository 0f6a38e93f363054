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
  };
}

function readAccess(v: string | undefined): 'open' | 'signed-in' {
  const s = (v ?? 'open').trim().toLowerCase();
  if (s === 'open' || s === 'signed-in') return s;
  throw new Error(`READ_ACCESS 应为 open 或 signed-in：${v}`);
}
