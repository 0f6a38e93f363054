/** Server settings, all from the environment (twelve-factor), with defaults that work on a laptop. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  skipBuild: boolean;
  frameAncestors: string[];
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
  };
}
