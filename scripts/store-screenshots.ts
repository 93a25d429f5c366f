// Store screenshots at 1280×800 (test/e2e/store-shots.ts), written to store/screenshots/ for the
// listing. Builds nothing itself:
//   npm run build && flock /work/browser.lock npx tsx scripts/store-screenshots.ts [extension dir]
// The extension dir defaults to TIFA_EXTENSION_DIR, then .output/chrome-mv3. The e2e run makes the
// same pictures into test-results/store/.
import fs from 'node:fs';
import path from 'node:path';

const dirArg = process.argv[2];
if (dirArg) process.env.TIFA_EXTENSION_DIR = path.resolve(dirArg);
// The harness reads TIFA_EXTENSION_DIR when it loads.
const { ROOT } = await import('../test/e2e/harness');
const { startFixtureServer } = await import('../test/e2e/server');
const { STORE_VARIANTS, shootStoreScreenshots } = await import('../test/e2e/store-shots');

const OUT_DIR = path.join(ROOT, 'store/screenshots');
fs.mkdirSync(OUT_DIR, { recursive: true });
const server = await startFixtureServer();
try {
  for (const variant of STORE_VARIANTS) {
    for (const file of await shootStoreScreenshots(server, variant, OUT_DIR)) console.log(path.relative(ROOT, file));
  }
} finally {
  await server.close();
}
