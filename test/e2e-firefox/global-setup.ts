import fs from 'node:fs';
import path from 'node:path';
import { FIREFOX_EXTENSION_DIR, findFirefox, RESULTS_DIR } from './harness';

// Fails loudly, before any test, when Firefox or the Firefox build is missing: never a silent skip.
export default function setup(): void {
  findFirefox();
  if (!fs.existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
}
