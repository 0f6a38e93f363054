import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the real server (built client, fresh PGlite database) driven by Debian's
 * Chromium through playwright-core. One file at a time: Chromium and the server share two cores.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
