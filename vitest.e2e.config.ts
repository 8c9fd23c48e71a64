import { defineConfig } from 'vitest/config';

/** Browser journeys: the built product (server and web app) driven by Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 420_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
