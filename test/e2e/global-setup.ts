import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, findChromium, RESULTS_DIR } from './harness';

// Fails loudly, before any test, when the browser or the build is missing: never a silent skip.
export default function setup(): void {
  findChromium();
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
}
