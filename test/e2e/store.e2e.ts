// The store listing's screenshots, made by the e2e run from the built extension (test/e2e/store-shots.ts):
// for an English and a Chinese browser, the tooltip on the demo news page, the popup over it and the
// options page, each 1280×800, into test-results/store/.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RESULTS_DIR } from './harness';
import { startFixtureServer, type FixtureServer } from './server';
import { STORE_VARIANTS, shootStoreScreenshots } from './store-shots';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server?.close());

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.each(STORE_VARIANTS.map((v) => [v.name, v] as const))('store screenshots, %s browser: tooltip, popup, options at 1280×800', { timeout: 120_000 }, async (_name, variant) => {
  const out = path.join(RESULTS_DIR, 'store');
  fs.mkdirSync(out, { recursive: true });
  const files = await shootStoreScreenshots(server, variant, out);
  expect(files.map((f) => path.basename(f))).toEqual(['1-tooltip', '2-popup', '3-options'].map((n) => `${variant.name}-${n}.png`));
  for (const file of files) expect(pngSize(file)).toEqual({ width: 1280, height: 800 });
});
