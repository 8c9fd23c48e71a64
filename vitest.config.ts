import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // Generous: the suite must not fail because a 2-core machine is busy; tests assert behaviour, not speed.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Vitest's default leaves a core idle; the test files mostly wait on their own database, so use them all.
    maxWorkers: availableParallelism(),
  },
});
