// The usual e2e file setup: one fixture server and one Chromium with the extension for the whole
// file, closed afterwards. Kept apart from harness.ts, which scripts/demo.ts uses outside Vitest.
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './harness';
import { startFixtureServer, type FixtureServer } from './server';

export interface ExtensionFixture {
  readonly server: FixtureServer;
  readonly browser: ExtensionBrowser;
}

export function useExtensionBrowser(options: LaunchOptions = {}): ExtensionFixture {
  let server: FixtureServer | undefined;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension({ ...options, allowedOrigins: [server.origin, ...(options.allowedOrigins ?? [])] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useExtensionBrowser: used before beforeAll ran');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}
