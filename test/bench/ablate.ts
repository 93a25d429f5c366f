// `npx tsx test/bench/ablate.ts <out dir> [feature …]`: builds Tifa with some of its page features
// taken out, to measure what each costs a page load beside the peers. A tool for finding the cost,
// not a build anyone should run: without these features Tifa is not the product.
//   npx tsx test/bench/ablate.ts /tmp/tifa-core            (every feature below taken out: the core)
//   npx tsx test/bench/ablate.ts /tmp/tifa-noseg segmentation
//   TIFA_BEFORE_DIR=/tmp/tifa-core/chrome-mv3 npx tsx test/bench/run.ts --loads-only --only=article \
//     --rounds=9 --subjects=naive,markjs,tifa
// The core that is left reads its settings and page glossary from storage, adopts the highlight
// sheet, walks the page's text across inline elements, matches, and paints in view first.
// It copies the working tree's tracked files to a temp folder (node_modules linked), edits the
// source there, and builds it minified as `npm run build` does. Each edit must find its text exactly
// once: if the code has moved on, the tool stops and says which edit to write again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What taking each feature out changes in the source: `from`, found once in `file`, becomes `to`. */
const FEATURES: Record<string, { what: string; file: string; from: string; to: string }> = {
  segmentation: {
    what: 'ambiguous terms are painted as found, without asking the service worker to confirm them',
    file: 'src/page/scanner.ts',
    from: 'if (isAmbiguous(glossary, entryIndex)) {',
    to: 'if ((false as boolean) && isAmbiguous(glossary, entryIndex)) {',
  },
  badge: {
    what: 'the page tells the background no count for the badge',
    file: 'src/page/session.ts',
    from: '  function reportChanged(): void {\n',
    to: '  function reportChanged(): void {\n    if (!(false as boolean)) return;\n',
  },
  tooltip: {
    what: 'no hover, focus or keyboard listeners, so no tooltip',
    file: 'src/page/start.ts',
    from: '    reveal = startLazyTooltip(',
    to: '    if (false as boolean) reveal = startLazyTooltip(',
  },
  timer: {
    what: 'no check a second that the extension is still there and the highlights are in place',
    file: 'src/page/start.ts',
    from: 'setInterval(() => (browser.runtime?.id ? session?.reassert() : handle.destroy()), 1000)',
    to: '0',
  },
  observer: {
    what: 'no MutationObserver: text the page adds later is not read',
    file: 'src/page/mutations.ts',
    from: '    this.#observer.observe(root, OPTIONS);\n',
    to: '',
  },
};

const root = path.resolve(import.meta.dirname, '../..');
const [outArg, ...named] = process.argv.slice(2);
if (!outArg || named.some((name) => !(name in FEATURES))) {
  console.error(`usage: npx tsx test/bench/ablate.ts <out dir> [${Object.keys(FEATURES).join(' | ')} …] (none named: all)`);
  process.exit(2);
}
const out = path.resolve(outArg);
const features = named.length > 0 ? named : Object.keys(FEATURES);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-ablate-'));
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
for (const file of tracked) {
  if (!fs.existsSync(path.join(root, file))) continue; // deleted in the working tree
  fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(work, file));
}
fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));

for (const name of features) {
  const { what, file, from, to } = FEATURES[name]!;
  const text = fs.readFileSync(path.join(work, file), 'utf8');
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${name}: found ${count} times in ${file}, not once: ${JSON.stringify(from)}`);
  fs.writeFileSync(path.join(work, file), text.replace(from, () => to));
  console.log(`taken out: ${name} (${what})`);
}

try {
  execFileSync('npx', ['wxt', 'build'], { cwd: work, env: { ...process.env, TIFA_OUT_DIR: out }, stdio: 'pipe' });
} catch (error) {
  // The build's own output only when it failed (its warnings otherwise drown the result).
  const failed = error as { stdout?: Buffer; stderr?: Buffer };
  console.error(`${failed.stdout ?? ''}${failed.stderr ?? ''}\nthe build in ${work} failed`);
  process.exit(1);
}
fs.rmSync(work, { recursive: true, force: true });
const script = path.join(out, 'chrome-mv3', 'page-content.js');
console.log(`built ${path.join(out, 'chrome-mv3')}: page-content.js ${fs.statSync(script).size.toLocaleString('en')} bytes`);
