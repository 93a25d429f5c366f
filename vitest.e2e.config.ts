import path from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium with the built extension: one file at a time, generous timeouts.
export default defineConfig({
  // Tests read the pure modules they check output with (CSV parsing) as the extension's code names them.
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
