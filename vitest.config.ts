import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,db,test,electron,renderer}/**/*.test.ts'],
    environment: 'node',
    // Two cores: keep the pool narrow so SQLite tests do not starve each other.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
