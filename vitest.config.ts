import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    // API tests share one PGlite template per run (see tests/api/setup); two workers fit 2 cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/domain/**/*.test.ts', 'data/**/*.test.ts', 'mock/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          environment: 'node',
          include: ['server/**/*.test.ts', 'tests/api/**/*.test.ts'],
          globalSetup: ['tests/api/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: [
            'src/**/*.test.tsx',
            'src/app/**/*.test.ts',
            'src/features/**/*.test.ts',
            'src/api/**/*.test.ts',
            'src/ui/**/*.test.ts',
            'src/stores/**/*.test.ts',
          ],
          setupFiles: ['src/test/setup.ts'],
          // The real server answers the component tests (mock/handlers.ts): a PGlite template and one
          // server thread per worker, started once per run.
          globalSetup: ['src/test/global-setup.ts'],
          testTimeout: 30_000,
          // The first file on each server waits in beforeAll for its database to load (~2 s, more on a busy machine).
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
