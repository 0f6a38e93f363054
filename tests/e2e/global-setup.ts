import type { TestProject } from 'vitest/node';
import { ensureClientBuild } from '../../server/build';
import { type RunningServer, startServer } from './server-process';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    serverPort: number;
    serverDataDir: string;
  }
}

let server: RunningServer | undefined;

export default async function setup(project: TestProject) {
  ensureClientBuild();
  server = await startServer();
  project.provide('baseURL', server.url);
  project.provide('serverPort', server.port);
  project.provide('serverDataDir', server.dataDir);
  return async () => {
    await server?.stop();
  };
}
