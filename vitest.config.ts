import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    // Two cores: keep the pool narrow so SQLite tests do not starve each other.
    maxWorkers: 2,
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'engine', include: ['{shared,db,server,electron,test}/**/*.test.ts'], exclude: ['test/e2e/**'], environment: 'node' },
      },
      {
        // Components against the real engine on a temporary SQLite file, in jsdom.
        extends: true,
        test: { name: 'ui', include: ['test/ui/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['test/ui/setup.ts'] },
      },
      {
        // Debian's Chromium driven by playwright-core against browser mode; one file at a time.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
