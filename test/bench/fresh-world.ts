// `npx tsx test/bench/fresh-world.ts [loads]`: what a page's fresh world charges a content script
// before any of its own work. A tool for finding the cost, not a figure to report (`npm run bench`
// measures that). Every page load gives each extension a new isolated world: the DOM and extension
// APIs it touches are made for that world on first use, and its code starts with no inline caches.
// Two parts, each printed as a table:
//  - API first use: a probe extension whose content script (document_end, as Tifa's) times, in
//    each new world, the first and then a second use of each API on Tifa's first pass, in the order
//    that pass meets them, on a8 served cross-origin isolated (for 5 µs timers). Medians of the
//    loads, in µs. Last, what running code the world has not run yet costs: 40 functions of 20
//    property reads each (800 read sites, on a plain object, no API), called once each, then again.
//  - Inline-cache transitions per load: V8 logs each transition of an inline cache
//    (`--js-flags=--log-ic`); the table counts those of the tab's renderer over the loads of a8,
//    for the built Tifa (TIFA_EXTENSION_DIR, default .output/chrome-mv3) and each peer, the empty
//    extension's count subtracted. `none→none` are accesses in a function not yet given feedback:
//    each goes to V8's runtime and caches nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { FIXTURES_DIR, startFixtureServer } from '../e2e/server';
import { median, openBrowser } from './page-load';
import { contentScriptSpec, OPEN_SESSION_STORAGE, writePeerExtensions } from './peer-extensions';

const loads = Number(process.argv[2] ?? 8);
const tifaDir = path.resolve(process.env.TIFA_EXTENSION_DIR ?? '.output/chrome-mv3');
const ARTICLE = 'bench/a8-speech-large.html';

/** A browser as the benchmark opens one (page-load.ts), without its poll: its reads would show in V8's log. */
async function open(extensionDir: string, extraArgs: string[] = []): Promise<BrowserContext> {
  return (await openBrowser(fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-world-')), extensionDir, extraArgs)).context;
}

/** 40 functions of 20 property reads each, and `sites()`, which calls each once on one object. */
const SITES_CODE = [
  ...Array.from({ length: 40 }, (_, f) => `function site${f}(o) { let s = 0; ${Array.from({ length: 20 }, (_, k) => `s += o.p${(f * 7 + k) % 60} | 0;`).join(' ')} return s; }`),
  `const siteObject = {}; for (let i = 0; i < 60; i++) siteObject['p' + i] = i;`,
  `const sites = () => { let t = 0; ${Array.from({ length: 40 }, (_, f) => `t += site${f}(siteObject);`).join(' ')} return t; };`,
].join('\n');

// Each step is timed as the first use in the world, then again; `use` returns what the next steps
// need. The order follows Tifa's load (src/page/start.ts, session.ts, scanner.ts, paint.ts).
const PROBE = `(async () => {
  ${SITES_CODE}
  const out = [];
  const time = (name, use) => {
    let t = performance.now(); const value = use(); const first = performance.now() - t;
    t = performance.now(); use(); const again = performance.now() - t;
    out.push([name, first, again]); return value;
  };
  const doc = time('document.documentElement', () => document.documentElement);
  time('document.title', () => document.title);
  const reply = time('chrome.storage.session.get (call)', () => chrome.storage.session.get(['probe']));
  await reply;
  const sheet = time('new CSSStyleSheet', () => new CSSStyleSheet());
  time('CSSStyleSheet.replaceSync', () => sheet.replaceSync('::highlight(probe) { color: inherit }'));
  time('document.adoptedStyleSheets', () => { document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => s !== sheet), sheet]; });
  time('new Highlight', () => new Highlight());
  time('CSS.highlights.set', () => CSS.highlights.set('probe', new Highlight()));
  time('AbortController', () => new AbortController());
  time('addEventListener', () => document.addEventListener('probe', () => {}, { signal: new AbortController().signal }));
  time('setInterval', () => clearInterval(setInterval(() => {}, 1000)));
  const body = time('document.body', () => document.body);
  const text = time('walk: firstChild, nextSibling, nodeType, localName, hasAttributes', () => {
    let found = null;
    for (let n = body.firstChild; n; n = n.nextSibling) { if (n.nodeType === 1 && n.localName && !n.hasAttributes()) found = n; }
    return found && found.firstChild;
  });
  time('Text.data', () => text && text.data);
  time('new StaticRange', () => text && new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 0 }));
  time('requestAnimationFrame', () => cancelAnimationFrame(requestAnimationFrame(() => {})));
  time('setTimeout', () => clearTimeout(setTimeout(() => {}, 100)));
  time('document.visibilityState', () => document.visibilityState);
  time('new MutationObserver + observe', () => new MutationObserver(() => {}).observe(doc, { childList: true, subtree: true, characterData: true }));
  time('chrome.runtime.sendMessage (call)', () => chrome.runtime.sendMessage({ probe: true }).catch(() => {}));
  // Once the page is laid out, as when Tifa's painter reads it: at document_end, and in the first
  // frame's callbacks, it is not yet, and the call would time the page's first layout.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  time('Element.getBoundingClientRect', () => body.getBoundingClientRect());
  time('800 property read sites of code not run yet (no API)', sites);
  document.documentElement.dataset.tifaWorldProbe = JSON.stringify(out);
})()`;

async function apiFirstUse(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-world-probe-'));
  fs.writeFileSync(path.join(dir, 'probe.js'), PROBE);
  fs.writeFileSync(
    path.join(dir, 'background.js'),
    `${OPEN_SESSION_STORAGE}
chrome.runtime.onMessage.addListener((message, sender, reply) => reply(true));`,
  );
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'world-probe',
      version: '1.0.0',
      permissions: ['storage'],
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['<all_urls>'], js: ['probe.js'], run_at: 'document_end' }],
    }),
  );
  const context = await open(dir);
  const html = fs.readFileSync(path.join(FIXTURES_DIR, ARTICLE), 'utf8');
  const tab = await context.newPage();
  // Cross-origin isolated (on localhost, a secure context): performance.now() in steps of 5 µs, not 100.
  await tab.route('http://localhost:9/**', (route) =>
    route.fulfill({ body: html, contentType: 'text/html; charset=utf-8', headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } }),
  );
  const steps = new Map<string, { first: number[]; again: number[] }>();
  for (let i = 0; i <= loads; i++) {
    await tab.goto(`http://localhost:9/${i}.html`);
    const handle = await tab.waitForFunction(() => document.documentElement.dataset['tifaWorldProbe'], undefined, { timeout: 10_000 });
    if (i === 0) continue; // the first load warms the browser's caches
    for (const [name, first, again] of JSON.parse(String(await handle.jsonValue())) as Array<[string, number, number]>) {
      const step = steps.get(name) ?? { first: [], again: [] };
      step.first.push(first * 1000);
      step.again.push(again * 1000);
      steps.set(name, step);
    }
  }
  await context.close();
  console.log(`API first use in a fresh isolated world, a8, µs, medians of ${loads} loads (first use / again)`);
  let sum = 0;
  for (const [name, { first, again }] of steps) {
    if (!name.includes('no API')) sum += median(first);
    console.log(`  ${median(first).toFixed(0).padStart(5)} ${median(again).toFixed(0).padStart(5)}  ${name}`);
  }
  console.log(`  ${sum.toFixed(0).padStart(5)}        all the APIs, first use`);
}

/**
 * The IC transitions in the tab's renderer: the isolate whose V8 log compiled the content script
 * (`scriptFile`, the manifest's first) as a script of its own. The extension's service worker logs
 * to a file of its own, and names the file only inside its source.
 */
function countTabTransitions(logDir: string, scriptFile: string): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const file of fs.readdirSync(logDir)) {
    const lines = fs.readFileSync(path.join(logDir, file), 'utf8').split('\n');
    if (!lines.some((line) => line.startsWith('code-creation,Script,') && line.includes(`/${scriptFile}:1:1`))) continue;
    for (const line of lines) {
      if (!/^[A-Za-z]*IC,/.test(line)) continue;
      const [, , , , , from, to] = line.split(',');
      const kind = from === 'X' && to === 'X' ? 'none→none' : 'with feedback';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  return kinds;
}

async function inlineCacheTransitions(): Promise<void> {
  const fixtures = await startFixtureServer();
  const { dir: peersDir, peers } = writePeerExtensions(process.cwd(), tifaDir);
  const subjects: Array<[string, string]> = [['empty', peers.empty], ['naive', peers.naive], ['naive, stored terms', peers.stored], ['mark.js', peers.markjs], ['Tifa', tifaDir]];
  const counts = new Map<string, Map<string, number>>();
  for (const [name, dir] of subjects) {
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-world-ic-'));
    const context = await open(dir, [`--js-flags=--log-ic --logfile=${logDir}/v8-%p.log --logfile-per-isolate`]);
    const tab = await context.newPage();
    for (let i = 0; i < loads; i++) {
      await tab.goto(fixtures.url(ARTICLE), { waitUntil: 'load' });
      await tab.waitForTimeout(1500);
    }
    await context.close();
    counts.set(name, countTabTransitions(logDir, contentScriptSpec(dir).js[0] ?? ''));
    fs.rmSync(logDir, { recursive: true, force: true });
  }
  await fixtures.close();
  fs.rmSync(peersDir, { recursive: true, force: true });
  const empty = counts.get('empty') ?? new Map<string, number>();
  console.log(`Inline-cache transitions per load in the tab's renderer, a8, ${loads} loads, above the empty extension's`);
  console.log('  all    none→none  extension');
  for (const [name] of subjects.slice(1)) {
    const of = (kinds: Map<string, number>, kind?: string) => (kind ? (kinds.get(kind) ?? 0) : [...kinds.values()].reduce((a, b) => a + b, 0));
    const mine = counts.get(name) ?? new Map<string, number>();
    const per = (kind?: string) => ((of(mine, kind) - of(empty, kind)) / loads).toFixed(0).padStart(5);
    console.log(`  ${per()}  ${per('none→none')}      ${name}`);
  }
}

await apiFirstUse();
await inlineCacheTransitions();
process.exit(0);
