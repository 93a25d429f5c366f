// `npx tsx test/bench/load-legs.ts [page] [loads]`: where an article's time to painted highlights
// goes, leg by leg, across the page and the service worker: the storage read, the first pass, the
// segmentation request's way to the worker, jieba, the answer's way back, and the wait for the frame
// that paints. A tool for finding the cost, not a figure to report (`npm run bench` measures that);
// load-steps.ts gives the CPU of each step on the page alone. Build an unminified copy first:
//   TIFA_NO_MINIFY=1 TIFA_OUT_DIR=/tmp/tifa-plain npx wxt build
//   TIFA_EXTENSION_DIR=/tmp/tifa-plain/chrome-mv3 npx tsx test/bench/load-legs.ts a4-interview-qa.html 12
// (TIFA_LEGS_5K=1: with the benchmark's 5,000-entry glossary.)
// The tool copies that build and makes the page's content script log (console.debug) when some of
// its functions start, and the worker note when a message arrives, when segmentation starts and
// ends, and when its toolbar icon call starts and ends. Both read performance.timeOrigin +
// performance.now(), in different processes: a leg that crosses between them is as exact as their
// clocks agree. The shortest crossings measured (0.2 ms back to the page, 1.7 to the worker) put the
// worker's clock between 0.2 ms behind the page's and 1.7 ahead. No trace runs, so the loads go at
// their own pace; the logging itself costs each a few calls.
import fs from 'node:fs';
import path from 'node:path';
import { closeSubject, fiveThousand, launch, median, workerOf } from './page-load';
import { instrumentedBuild } from './readable-build';
import { setUserGlossary } from '../e2e/glossary-storage';
import { startFixtureServer } from '../e2e/server';

const page = process.argv[2] ?? 'a4-interview-qa.html';
const loads = Number(process.argv[3] ?? 12);
const source = path.resolve(process.env.TIFA_EXTENSION_DIR ?? '/tmp/tifa-plain/chrome-mv3');
/** The page's functions whose start is logged, in the order a first pass reaches them. */
const PAGE_STEPS = ['startContent', 'begin', 'startSession', '#sendCandidates', '#applyConfirmed', '#flush'];
const LOG = 'tifa-legs';
/** The legs: from one logged moment to the next (the first time each is reached in a load). */
const LEGS: Array<[label: string, from: string, to: string]> = [
  ['script start → storage read sent', 'startContent', 'begin'],
  ['storage read (settings, page glossary)', 'begin', 'startSession'],
  ['first pass (session, scan)', 'startSession', '#sendCandidates'],
  ['request → worker', '#sendCandidates', 'worker tifa:segment-check'],
  ['worker: jieba', 'worker segment start', 'worker segment end'],
  ['answer → page', 'worker segment end', '#applyConfirmed'],
  ['confirmed → frame (#flush)', '#applyConfirmed', '#flush'],
  ['worker: toolbar icon (setIcon, its first call in the load)', 'worker setIcon', 'worker setIcon done'],
  ['script start → #flush', 'startContent', '#flush'],
];

const now = 'performance.timeOrigin + performance.now()';

function instrumentedCopy(): string {
  const dir = instrumentedBuild(source, 'tifa-legs-', PAGE_STEPS, (name) => `console.debug(${JSON.stringify(`${LOG} ${name}`)}, (${now}).toFixed(2));`);
  // The worker: a listener registered before Tifa's sees each message arrive; segmentCheck's start and end.
  const worker = path.join(dir, 'background.js');
  const code = fs.readFileSync(worker, 'utf8');
  // Its body: up to the closing brace indented as the function is.
  const check = /^( *)(async function segmentCheck\([^)]*\) \{\n)([\s\S]*?)\n\1\}/m.exec(code);
  if (!check) throw new Error(`no segmentCheck in ${worker}: update load-legs.ts`);
  const [whole, indent, opening, body] = check;
  const timed = `${indent}${opening}globalThis.__legs.push(["segment start", ${now}]);\ntry {\n${body}\n} finally { globalThis.__legs.push(["segment end", ${now}]); }\n${indent}}`;
  // And the toolbar icon's call, which every navigation makes (src/background/toolbar-icon.ts).
  const head = [
    'globalThis.__legs = [];',
    `chrome.runtime.onMessage.addListener((m) => { globalThis.__legs.push([String(m?.type), ${now}]); });`,
    'const setIcon = chrome.action.setIcon.bind(chrome.action);',
    `chrome.action.setIcon = (d) => { globalThis.__legs.push(["setIcon", ${now}]); return setIcon(d).finally(() => globalThis.__legs.push(["setIcon done", ${now}])); };`,
    '',
  ].join('\n');
  fs.writeFileSync(worker, head + code.replace(whole, timed));
  return dir;
}

const dir = instrumentedCopy();
const fixtures = await startFixtureServer();
const subject = await launch('tifa', dir);
if (process.env.TIFA_LEGS_5K) await setUserGlossary(await workerOf(subject), { entries: fiveThousand() });
const legs = new Map<string, number[]>(LEGS.map(([label]) => [label, []]));
try {
  let moments = new Map<string, number>();
  subject.tab.on('console', (message) => {
    const [tag, name, at] = message.text().split(' ');
    if (tag === LOG && name && !moments.has(name)) moments.set(name, Number(at));
  });
  for (let i = 0; i <= loads; i++) {
    const worker = await workerOf(subject);
    await worker.evaluate(() => void ((globalThis as unknown as { __legs: unknown[] }).__legs.length = 0));
    moments = new Map();
    await subject.tab.goto(fixtures.url(`bench/${page}`), { waitUntil: 'load' });
    await subject.tab.waitForTimeout(1500);
    const log = await worker.evaluate(() => (globalThis as unknown as { __legs: Array<[string, number]> }).__legs);
    for (const [name, at] of log) if (!moments.has(`worker ${name}`)) moments.set(`worker ${name}`, at);
    if (i === 0) continue; // the first load warms the browser's caches and loads jieba
    const start = moments.get('startContent') ?? NaN;
    const line = [...moments].sort((a, b) => a[1] - b[1]).map(([name, at]) => `${(at - start).toFixed(1)} ${name}`);
    console.log(`load ${i}: ${line.join(' | ')}`);
    for (const [label, from, to] of LEGS) {
      const a = moments.get(from);
      const b = moments.get(to);
      if (a !== undefined && b !== undefined) legs.get(label)?.push(b - a);
    }
  }
} finally {
  await closeSubject(subject);
  await fixtures.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${page}: wall ms per leg, median (min–max) of the loads that reached both ends`);
for (const [label, values] of legs) {
  if (values.length === 0) continue;
  console.log(`  ${median(values).toFixed(1).padStart(6)}  (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})  ${label}  [${values.length} loads]`);
}
