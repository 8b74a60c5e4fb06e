import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the CLI; on a loaded 2-core machine one spawn can take seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
