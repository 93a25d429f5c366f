// The second section of `npm run bench` (run.ts): Tifa's page scan alone, injected into a page with the
// glossary already in memory, against the floor and mark.js in headless Chromium, and the matcher
// against @monyone/aho-corasick. These figures locate work inside the scanner; what the extension
// costs a page is the first section (page-load.ts), which measures the built extension.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import type { Entry } from '@/src/glossary/schema';
import { defaultGlossary } from '@/src/glossary/default';
import { compilePatterns } from '@/src/glossary/patterns';
import type { Pattern } from '@/src/messages';
import { newsPage } from './page';
import { syntheticGlossary } from './synthetic';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = 5;
/** mark(array) is given at most about this long; beyond it the time is extrapolated from part of the page. */
const MARK_ARRAY_BUDGET_MS = 20_000;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`);

// ---------------------------------------------------------------- inputs

interface Glossary {
  label: string;
  entries: Entry[];
  patterns: Pattern[];
}

function defaultInputs(): Glossary {
  const { entries } = defaultGlossary();
  return { label: `default glossary (${entries.length} entries)`, entries, patterns: compilePatterns(entries) };
}

function syntheticInputs(count = 5000): Glossary {
  return { label: `synthetic glossary (${count.toLocaleString('en')} entries)`, ...syntheticGlossary(count) };
}

async function benchBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'test/bench/browser-entry.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('bench bundle failed');
  return file.text;
}

// ---------------------------------------------------------------- measurements in the page

type Bench = Window['tifaBench'];
declare const tifaBench: Bench;
declare const Mark: new (context: Element) => {
  mark(keywords: string[], options: { done(count: number): void }): void;
  markRegExp(re: RegExp, options: { done(count: number): void }): void;
};

/** tsx compiles this file keeping function names through a `__name` helper that pages lack. */
const NAME_HELPER = 'window.__name = (f) => f;';

async function freshPage(page: Page, html: string, scripts: string[]): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  for (const content of [NAME_HELPER, ...scripts]) await page.addScriptTag({ content });
}

interface Row {
  floorMs: number;
  readingFloorMs: number;
  scan: { workMs: number; wallMs: number; longestSliceMs: number; matches: number; painted: number; paintMs: number; coldMs: number };
  markRegExp: { ms: number; count: number; coldMs: number };
  markArray: { ms: number; count: number; fraction: number; chunk: number };
  ours: { compileMs: number; scanMs: number; matches: number };
  library: { compileMs: number; scanMs: number; matches: number };
  textNodes: number;
  chars: number;
}

async function measureGlossary(page: Page, html: string, bundle: string, markJs: string, glossary: Glossary): Promise<Row> {
  const texts = [...new Set(glossary.patterns.map((p) => p.text))];
  await freshPage(page, html, [bundle]);

  const floors: number[] = [];
  const readingFloors: number[] = [];
  let textNodes = 0;
  let chars = 0;
  for (let i = 0; i < RUNS; i++) {
    const f = await page.evaluate(() => tifaBench.floor());
    floors.push(f.ms);
    readingFloors.push((await page.evaluate(() => tifaBench.floorReadingText())).ms);
    textNodes = f.nodes;
    chars = f.chars;
  }

  const scans: Array<Awaited<ReturnType<Bench['scan']>>> = [];
  for (let i = 0; i < RUNS + 1; i++) {
    scans.push(await page.evaluate(([e, p]) => tifaBench.scan(e, p), [glossary.entries, glossary.patterns] as const));
  }
  const cold = scans.shift();
  const pick = (key: 'workMs' | 'wallMs' | 'longestSliceMs') => median(scans.map((s) => s[key]));

  const ours = [];
  const library = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await page.evaluate((t) => tifaBench.matcherOnly(t), texts));
    library.push(await page.evaluate((t) => tifaBench.libraryOnly(t), texts));
  }
  const med = (list: Array<{ compileMs: number; scanMs: number; matches: number }>) => ({
    compileMs: median(list.map((r) => r.compileMs)),
    scanMs: median(list.map((r) => r.scanMs)),
    matches: list[0]?.matches ?? 0,
  });

  // mark.js rewrites the DOM. Measured like Tifa: on one page, the first run cold and the median of
  // RUNS warm ones after it, the page's original DOM put back (untimed) before each run.
  await freshPage(page, html, [markJs]);
  const regExpRuns = await page.evaluate(
    ([t, runs]) => {
      // Longest first, so the alternation prefers the longest term at each position, as Tifa does.
      const escaped = [...t].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const re = new RegExp(escaped.join('|'), 'g');
      const original = document.body.cloneNode(true);
      const once = () =>
        new Promise<{ ms: number; count: number }>((resolve) => {
          document.body.replaceWith(original.cloneNode(true));
          const start = performance.now();
          new Mark(document.body).markRegExp(re, { done: (count) => resolve({ ms: performance.now() - start, count }) });
        });
      const all: Array<{ ms: number; count: number }> = [];
      return (async () => {
        for (let i = 0; i < runs + 1; i++) all.push(await once());
        return all;
      })();
    },
    [texts, RUNS] as const,
  );
  const regExpCold = regExpRuns.shift();

  // mark(array) is slow (one pass over the page per term): probe a slice, then run once on as
  // much of the page as fits the budget, and scale up if that is not the whole page.
  const markArrayOn = async (fraction: number, chunk: number) => {
    await freshPage(page, html, [markJs]);
    return page.evaluate(
      ([t, f, size]) => {
        const paragraphs = [...document.querySelectorAll('article > *')];
        const keep = Math.max(1, Math.round(paragraphs.length * f));
        for (const p of paragraphs.slice(keep)) p.remove();
        const mark = new Mark(document.body);
        const start = performance.now();
        let count = 0;
        // Calls in sequence, each starting when the previous is done (mark.js works term by term).
        const run = (from: number): Promise<void> =>
          from >= t.length
            ? Promise.resolve()
            : new Promise<void>((resolve) =>
                mark.mark(t.slice(from, from + size), {
                  done: (n) => {
                    count += n;
                    resolve();
                  },
                }),
              ).then(() => run(from + size));
        return run(0).then(
          () => ({ ms: performance.now() - start, count, error: '' }),
          (e: unknown) => ({ ms: NaN, count, error: String(e) }),
        );
      },
      [texts, fraction, chunk] as const,
    );
  };
  // One call with the whole array, as most highlighters make it; mark.js recurses once per term,
  // so with thousands of terms that overflows the stack, and the terms go in chunks instead.
  let chunk = texts.length;
  const probeFraction = 0.01;
  let probe = await markArrayOn(probeFraction, chunk).catch((e: unknown) => ({ ms: NaN, count: 0, error: String(e) }));
  if (probe.error) {
    chunk = 500;
    probe = await markArrayOn(probeFraction, chunk);
  }
  const fraction = Math.min(1, Math.max(probeFraction, (MARK_ARRAY_BUDGET_MS / Math.max(1, probe.ms)) * probeFraction));
  const rounded = fraction >= 1 ? 1 : Number(fraction.toPrecision(2));
  const once = rounded === probeFraction ? probe : await markArrayOn(rounded, chunk);

  return {
    floorMs: median(floors),
    readingFloorMs: median(readingFloors),
    scan: {
      workMs: pick('workMs'),
      wallMs: pick('wallMs'),
      longestSliceMs: Math.max(...scans.map((s) => s.longestSliceMs)),
      matches: scans[0]?.matches ?? 0,
      painted: scans[0]?.painted ?? 0,
      paintMs: median(scans.map((s) => s.paintMs)),
      coldMs: cold?.workMs ?? NaN,
    },
    markRegExp: { ms: median(regExpRuns.map((r) => r.ms)), count: regExpRuns[0]?.count ?? 0, coldMs: regExpCold?.ms ?? NaN },
    markArray: { ms: once.ms / rounded, count: once.count, fraction: rounded, chunk: chunk < texts.length ? chunk : 0 },
    ours: med(ours),
    library: med(library),
    textNodes,
    chars,
  };
}

export function bundleSize(extensionDir: string): { bytes: number; gzip: number; file: string; others: Array<{ file: string; bytes: number }> } {
  // The content script the manifest declares first (entrypoints/page-content.ts builds to
  // page-content.js); the others (the frame gate) are small and listed beside it.
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  const [main = 'page-content.js', ...others] = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const file = path.join(extensionDir, main);
  const code = fs.readFileSync(file);
  return {
    bytes: code.length,
    gzip: zlib.gzipSync(code).length,
    file: path.relative(ROOT, file),
    others: others.map((name) => ({ file: name, bytes: fs.statSync(path.join(extensionDir, name)).size })),
  };
}

// ---------------------------------------------------------------- main

/** Measures and prints the scanner section. */
export async function runScannerBench(): Promise<void> {

  const { html, paragraphs } = newsPage();
  const bundle = await benchBundle();
  const markJs = fs.readFileSync(path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const glossaries = [defaultInputs(), syntheticInputs()];

  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const version = browser.version();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const rows: Row[] = [];
  for (const glossary of glossaries) {
    process.stderr.write(`measuring with the ${glossary.label}…\n`);
    rows.push(await measureGlossary(page, html, bundle, markJs, glossary));
  }
  await browser.close();

  // ---------------------------------------------------------------- table

  const [first] = rows;
  const width = 46;
  const col = 34;
  const line = (label: string, cells: string[]) => console.log(label.padEnd(width) + cells.map((c) => c.padEnd(col)).join(''));
  console.log();
  console.log(
    `Tifa benchmark — headless Chromium ${version}; generated news page: ${(first?.chars ?? 0).toLocaleString('en')} characters, ` +
      `${paragraphs.toLocaleString('en')} paragraphs, ${(first?.textNodes ?? 0).toLocaleString('en')} text nodes; median of ${RUNS} runs unless noted`,
  );
  console.log();
  line('', glossaries.map((g) => g.label));
  line('', glossaries.map((g) => `${new Set(g.patterns.map((p) => p.text)).size.toLocaleString('en')} surface forms`));
  line('bare text-node walk (floor)', rows.map((r) => ms(r.floorMs)));
  line('  walk reading every code unit', rows.map((r) => ms(r.readingFloorMs)));
  line('Tifa scan + highlight (work)', rows.map((r) => `${ms(r.scan.workMs)}  = ${(r.scan.workMs / r.floorMs).toFixed(1)}× floor`));
  line('  matches painted', rows.map((r) => r.scan.painted.toLocaleString('en')));
  line('  of which the browser: StaticRange + add', rows.map((r) => `${ms(r.scan.paintMs)}  (${((r.scan.paintMs * 1000) / Math.max(1, r.scan.painted)).toFixed(2)} µs a match)`));
  line('  first run (cold JIT)', rows.map((r) => ms(r.scan.coldMs)));
  line('  wall time, yielding between slices', rows.map((r) => ms(r.scan.wallMs)));
  line('  longest slice (any run)', rows.map((r) => ms(r.scan.longestSliceMs)));
  line('mark.js markRegExp, one alternation (warm)', rows.map((r) => `${ms(r.markRegExp.ms)}  Tifa ${(r.markRegExp.ms / r.scan.workMs).toFixed(1)}× faster`));
  line('  marks', rows.map((r) => r.markRegExp.count.toLocaleString('en')));
  line('  first run (cold JIT)', rows.map((r) => `${ms(r.markRegExp.coldMs)}  Tifa cold ${(r.markRegExp.coldMs / r.scan.coldMs).toFixed(1)}× faster`));
  line('mark.js mark(array), run once', rows.map((r) => `${ms(r.markArray.ms)}${r.markArray.fraction < 1 ? ` (est. from ${(r.markArray.fraction * 100).toPrecision(2)}%)` : ''}`));
  line('', rows.map((r) => (r.markArray.chunk ? `(${r.markArray.chunk}-term calls: one overflows)` : '')));
  line('  Tifa faster by', rows.map((r) => `${(r.markArray.ms / r.scan.workMs).toFixed(0)}×`));
  line('matcher alone: src/matcher compile', rows.map((r) => ms(r.ours.compileMs)));
  line('                            scan', rows.map((r) => `${ms(r.ours.scanMs)}  (${r.ours.matches.toLocaleString('en')} matches)`));
  line('@monyone/aho-corasick greedy compile', rows.map((r) => ms(r.library.compileMs)));
  line('                            scan', rows.map((r) => `${ms(r.library.scanMs)}  (${r.library.matches.toLocaleString('en')} matches)`));
  line('  matcher scan speed-up', rows.map((r) => `${(r.library.scanMs / r.ours.scanMs).toFixed(1)}×`));
  console.log('Targets: scan within 2× the floor; ≥ 20× faster than mark.js markRegExp.');
}
