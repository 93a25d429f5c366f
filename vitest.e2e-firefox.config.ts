import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox ESR with the built Firefox package, over WebDriver BiDi
// (test/e2e-firefox/harness.ts): one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Node 20's WebSocket client, which the BiDi connection uses, is behind this flag (default in 22).
    execArgv: ['--experimental-websocket', '--no-warnings=ExperimentalWarning'],
    globalSetup: ['test/e2e-firefox/global-setup.ts'],
  },
});
