import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous: the 2-core machines are shared, and a CLI test that takes 10 s alone can take
    // 40 s under load. A hung test still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
