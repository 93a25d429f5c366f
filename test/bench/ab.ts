// `npx tsx test/bench/ab.ts [git-ref] [default|synthetic] [rounds]`: the page scan of a git ref (HEAD by
// default) against the working tree, interleaved in one page on the generated 1 MB news page, so
// both see the same machine load (other builds and tests share these cores). Prints the medians
// and the median of the paired ratios. A tool for working on the scanner, not part of `npm run bench`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { defaultGlossary } from '@/src/glossary/default';
import { compilePatterns } from '@/src/glossary/patterns';
import { newsPage } from './page';
import { syntheticGlossary } from './synthetic';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ref = process.argv[2] ?? 'HEAD';
const which = process.argv[3] === 'synthetic' ? 'synthetic' : 'default';
const rounds = Number(process.argv[4] ?? 15);

/** The bench bundle built from `root` (a checkout), exposing its API under `name`. */
async function bundleFrom(root: string, name: string): Promise<string> {
  const result = await build({
    stdin: { contents: `import '@/test/bench/browser-entry';\n(window as any).${name} = window.tifaBench;`, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return result.outputFiles[0]?.text ?? '';
}

// The ref's sources in a temporary checkout that shares node_modules and the generated .wxt.
const old = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-ab-'));
execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${ref}" src test tsconfig.json data | tar -x -C "${old}"`]);
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(old, 'node_modules'));
// A copy, not a link: its tsconfig maps `@/` to its parent folder, which must be the checkout.
fs.cpSync(path.join(ROOT, '.wxt'), path.join(old, '.wxt'), { recursive: true });
// The ref may predate the shared page/entry helpers: always measure with today's entry point.
fs.copyFileSync(path.join(ROOT, 'test/bench/browser-entry.ts'), path.join(old, 'test/bench/browser-entry.ts'));
const bundleA = await bundleFrom(old, 'benchA');
const bundleB = await bundleFrom(ROOT, 'benchB');
fs.rmSync(old, { recursive: true, force: true });

const { entries, patterns } = which === 'default' ? (() => { const e = defaultGlossary().entries; return { entries: e, patterns: compilePatterns(e) }; })() : syntheticGlossary(5000);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.setContent(newsPage().html, { waitUntil: 'load' });
for (const content of ['window.__name = (f) => f;', bundleA, bundleB]) await page.addScriptTag({ content });

type Api = Window['tifaBench'];
const run = (name: 'benchA' | 'benchB') =>
  page.evaluate(([n, e, p]) => ((window as unknown as Record<string, Api>)[n] as Api).scan(e, p), [name, entries, patterns] as const);
const floor = () => page.evaluate(() => (window as unknown as Record<string, Api>).benchB?.floor().ms ?? NaN);

for (let i = 0; i < 3; i++) {
  await run('benchA');
  await run('benchB');
}
const a: number[] = [];
const b: number[] = [];
const f: number[] = [];
const matches = { a: 0, b: 0 };
for (let i = 0; i < rounds; i++) {
  // Alternate which goes first, so neither always runs right after the other's garbage.
  const first = i % 2 === 0 ? 'benchA' : 'benchB';
  const second = first === 'benchA' ? 'benchB' : 'benchA';
  const r1 = await run(first);
  const r2 = await run(second);
  const [ra, rb] = first === 'benchA' ? [r1, r2] : [r2, r1];
  a.push(ra.workMs);
  b.push(rb.workMs);
  matches.a = ra.painted;
  matches.b = rb.painted;
  f.push(await floor());
}
await browser.close();

const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)] ?? NaN;
console.log(
  `${which} glossary, ${rounds} interleaved rounds: ${ref} ${median(a).toFixed(1)} ms (${matches.a} painted), ` +
    `working tree ${median(b).toFixed(1)} ms (${matches.b} painted), floor ${median(f).toFixed(1)} ms; ` +
    `median paired ratio tree/${ref} ${median(b.map((x, i) => x / (a[i] ?? NaN))).toFixed(2)}`,
);
