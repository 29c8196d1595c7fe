import { defineConfig } from 'vitest/config';

// vitest requires a default export from its config file (the one exception to the rule).
export default defineConfig({
  test: {
    // Two files at once even on two cores (vitest's default leaves one idle): the integration
    // files mostly wait on child processes, simulated latency and PostgreSQL (suite 440 s -> 340 s here).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          // No database, no container: `npm run test:unit` runs anywhere.
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          // A real PostgreSQL: started once per run by the global setup, one cloned
          // database per file, so files run in parallel.
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: true,
        },
      },
    ],
  },
});
