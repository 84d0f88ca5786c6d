import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The deployment adapters (`npm run test:adapters`): workerd through wrangler, and the Netlify and Vercel handlers
 * against PostgreSQL. Apart from the unit project: the Workers test builds and starts wrangler, which takes a while.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/adapters/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
