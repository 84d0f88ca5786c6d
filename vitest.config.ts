import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/schema/**/*.test.ts',
            'test/functions/**/*.test.ts',
            'test/scripts/**/*.test.ts',
            'test/site/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          // Real servers killed and restarted, databases locked, receivers failing (test/faults/); the browser's
          // faults run with the e2e project, which builds the site.
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          exclude: ['test/faults/**/*.e2e.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/faults/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One server and one browser per file; files run one after another on a 2-core machine.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
