// `npx tsx test/bench/profile.ts [default|synthetic] [runs]`: where the page scan spends its time.
// Runs the same in-page bench bundle as `npm run bench` (unminified, so functions keep their names)
// on the same generated 1 MB page, samples warm scans with the DevTools Protocol's CPU profiler and
// prints self time per function. A tool for working on the scanner, not part of `npm run bench`.
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Entry } from '@/src/glossary/schema';
import { defaultGlossary } from '@/src/glossary/default';
import { compilePatterns } from '@/src/glossary/patterns';
import type { Pattern } from '@/src/messages';
import { syntheticGlossary } from './synthetic';
import { newsPage } from './page';

const ROOT = path.resolve(import.meta.dirname, '../..');
const which = process.argv[2] === 'synthetic' ? 'synthetic' : 'default';
const runs = Number(process.argv[3] ?? 20);

function inputs(): { entries: Entry[]; patterns: Pattern[] } {
  if (which === 'synthetic') return syntheticGlossary(5000);
  const { entries } = defaultGlossary();
  return { entries, patterns: compilePatterns(entries) };
}

const bundled = await build({
  entryPoints: [path.join(ROOT, 'test/bench/browser-entry.ts')],
  bundle: true,
  format: 'iife',
  minify: false,
  keepNames: false,
  write: false,
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  logLevel: 'warning',
});
const bundle = bundled.outputFiles[0]?.text ?? '';
const { entries, patterns } = inputs();

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.setContent(newsPage().html, { waitUntil: 'load' });
await page.addScriptTag({ content: bundle });

declare const tifaBench: Window['tifaBench'];
const scanOnce = () => page.evaluate(([e, p]) => tifaBench.scan(e, p), [entries, patterns] as const);
for (let i = 0; i < 5; i++) await scanOnce();

const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const work: number[] = [];
for (let i = 0; i < runs; i++) work.push((await scanOnce()).workMs);
const { profile } = await cdp.send('Profiler.stop');
const texts = [...new Set(patterns.map((p) => p.text))];
const floor = await page.evaluate(() => tifaBench.floor().ms);
const matcher = await page.evaluate((t) => tifaBench.matcherOnly(t).scanMs, texts);
await browser.close();

// Self time per function (samples × interval), over the whole profile.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const deltas = profile.timeDeltas ?? [];
(profile.samples ?? []).forEach((id, i) => {
  const node = byId.get(id);
  if (!node) return;
  const { functionName, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const sorted = work.slice().sort((a, b) => a - b);
console.log(`${which} glossary: scan work median ${sorted[Math.floor(runs / 2)]?.toFixed(1)} ms over ${runs} runs; floor ${floor.toFixed(1)} ms; matcher alone ${matcher.toFixed(1)} ms`);
console.log(`profile self time per scan run (ms), of ${(total / runs).toFixed(1)} ms sampled per run:`);
for (const [key, value] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${(value / runs).toFixed(2).padStart(8)}  ${key}`);
}

// Hot lines of the bundle (sample counts by source line), with the line's text.
const lines = new Map<number, number>();
for (const node of profile.nodes) {
  for (const tick of node.positionTicks ?? []) lines.set(tick.line, (lines.get(tick.line) ?? 0) + tick.ticks);
}
const source = bundle.split('\n');
const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, (profile.samples ?? []).length);
console.log('hot lines (ms per run):');
for (const [line, ticks] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${((ticks * interval) / runs).toFixed(2).padStart(8)}  ${String(line).padStart(5)}  ${(source[line - 1] ?? '').trim().slice(0, 110)}`);
}
