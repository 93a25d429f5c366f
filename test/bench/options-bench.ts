// `npm run bench` section "options page with 10,000 entries": how long the built options page takes to
// show a 10,000-entry glossary, to answer a search typed into it and to save an edit, and the longest
// main-thread task in each phase. These limits used to be assertions in test/e2e/options.e2e.ts,
// where a busy machine made them fail (issue 10: tests stay timing-free); the test keeps checking
// that the list shows, search finds and a save persists, and the durations live here.
// Longest tasks come from a DevTools trace of the options page's main thread, split into phases by
// console.timeStamp markers, so tasks under 50 ms (invisible to the Long Tasks API) are seen too.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { setUserGlossary } from '../e2e/glossary-storage';
import { defaultGlossary } from '@/src/glossary/default';
import type { Entry } from '@/src/glossary/schema';
import { EMPTY_QUERY, search } from '@/src/options/search';
import { closeSubject, launch, median, workerOf } from './page-load';
import { analyseLoad, TRACE_CATEGORIES, type TraceEvent } from './trace-analysis';

const PHASE = 'bench:phase:';
const RUNS = 3;

interface Run {
  loadMs: number;
  searchMs: number;
  saveMs: number;
  loadTask: number;
  searchTask: number;
  saveTask: number;
}

/** The same glossary the e2e test uses: the shipped entries repeated to 10,000, explanations cut short. */
function tenThousand(root: string): Array<Record<string, unknown>> {
  const shipped = (JSON.parse(fs.readFileSync(path.join(root, 'data/glossary.json'), 'utf8')) as { entries: Array<Record<string, unknown>> }).entries;
  const entries = Array.from({ length: 10_000 }, (_, i) => {
    const base = shipped[i % shipped.length] as Record<string, unknown>;
    const explanation = base['explanation'] as { zh: string; en: string };
    return {
      ...base,
      id: `${String(base['id'])}-n${i}`,
      term: `${String(base['term'])}${i}`,
      explanation: { zh: explanation.zh.slice(0, 150), en: explanation.en.slice(0, 300) },
      source: undefined,
      related: [],
    };
  });
  entries[7777] = { ...(entries[7777] as Record<string, unknown>), term: '两个维护七七七七', id: 'needle' } as (typeof entries)[number];
  return entries;
}

async function once(page: Page, url: string, save: boolean): Promise<Run> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES } });
  const stamp = (phase: string) => page.evaluate((m) => console.timeStamp(m), PHASE + phase);

  const started = Date.now();
  await page.goto(url);
  await page.locator('[data-entry-id]').first().waitFor({ timeout: 120_000 });
  const loadMs = Date.now() - started;
  await stamp('search');
  const searchStart = Date.now();
  await page.locator('#search').pressSequentially('lgwhqqqq', { delay: 30 });
  for (;;) {
    const rows = await page.locator('[data-entry-id]').allTextContents();
    if (rows.length === 1 && rows[0]?.includes('两个维护七七七七')) break;
    await page.waitForTimeout(20);
  }
  const searchMs = Date.now() - searchStart;
  await stamp('save');
  let saveMs = NaN;
  if (save) {
    await page.locator('[data-entry-id="needle"] .row-main').click();
    await page.locator('#f-english').fill(`needle ${Date.now()}`);
    const saveStart = Date.now();
    await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
    await page.locator('#search').fill('lgwh');
    await page.locator('[data-testid="toast"]').waitFor({ timeout: 120_000 });
    saveMs = Date.now() - saveStart;
  }
  await stamp('end');
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const trace = analyseLoad(events, url, null);
  const at = (phase: string) => trace.events.find((e) => e.name === 'TimeStamp' && e.args?.data?.['message'] === PHASE + phase)?.ts ?? NaN;
  const longestIn = (from: number, to: number) => Math.max(0, ...trace.tasks.filter((t) => t.ts >= from && t.ts < to).map((t) => t.dur));
  const [s, v, e] = [at('search'), at('save'), at('end')];
  return {
    loadMs,
    searchMs,
    saveMs,
    loadTask: longestIn(0, s),
    searchTask: longestIn(s, v),
    saveTask: save ? longestIn(v, e) : NaN,
  };
}

/**
 * The options search in Node on 10,000 entries, as src/options/search.test.ts builds them: the first
 * search (which builds the index) and a search after it. That unit test asserts < 3,000 ms and
 * < 100 ms; the limits are printed here (the test, in src/, is left to its owners to relax).
 */
function searchInNode(): { indexing: number; searching: number } {
  const base = defaultGlossary().entries[0] as Entry;
  const many = Array.from({ length: 10_000 }, (_, i): Entry => ({
    ...base,
    id: `e-${i}`,
    term: `提法${String.fromCharCode(0x4e00 + (i % 2000))}${i}`,
    pinyin: 'tí fǎ',
    variants: [],
    summary: { zh: '摘要', en: 'summary' },
    explanation: { zh: '解释', en: 'explanation' },
    components: [],
    english: [`rendering ${i}`],
  }));
  const t0 = performance.now();
  search(many, { ...EMPTY_QUERY, text: 'x' });
  const indexing = performance.now() - t0;
  const t1 = performance.now();
  search(many, { ...EMPTY_QUERY, text: 'rendering 9999' });
  return { indexing, searching: performance.now() - t1 };
}

/** Runs the section and returns its printed lines. */
export async function runOptionsBench(root: string, extensionDir: string): Promise<string[]> {
  const browser = await launch('tifa', extensionDir);
  const runs: Run[] = [];
  try {
    await setUserGlossary(await workerOf(browser), { entries: tenThousand(root) });
    const url = `chrome-extension://${browser.extensionId}/options.html`;
    for (let i = 0; i < RUNS; i++) {
      process.stderr.write(`options page with 10,000 entries: run ${i + 1}/${RUNS}\n`);
      const page = await browser.context.newPage();
      runs.push(await once(page, url, true));
      await page.close();
    }
  } finally {
    await closeSubject(browser);
  }
  const node = searchInNode();
  const m = (k: keyof Run) => median(runs.map((r) => r[k]));
  const max = (k: keyof Run) => Math.max(...runs.map((r) => r[k]));
  const line = (ok: boolean, label: string, figure: string) => `  ${(ok ? 'met' : 'MISSED').padEnd(7)} ${label.padEnd(68)} ${figure}`;
  return [
    '',
    `OPTIONS PAGE WITH 10,000 ENTRIES (the built options page, ${RUNS} runs, median (max); longest task from a trace of its main thread)`,
    line(m('loadMs') < 8000, 'first rows shown < 8,000 ms', `${m('loadMs').toFixed(0)} ms (${max('loadMs').toFixed(0)})`),
    line(max('loadTask') < 200, 'longest task on load < 200 ms', `${m('loadTask').toFixed(0)} ms (${max('loadTask').toFixed(0)})`),
    line(max('searchTask') < 200, 'longest task while typing a search (first keystroke on) < 200 ms', `${m('searchTask').toFixed(0)} ms (${max('searchTask').toFixed(0)}); result after ${m('searchMs').toFixed(0)} ms`),
    line(max('saveTask') < 200, 'longest task while saving an edit < 200 ms', `${m('saveTask').toFixed(0)} ms (${max('saveTask').toFixed(0)}); saved after ${m('saveMs').toFixed(0)} ms`),
    line(node.indexing < 3000, 'search() in Node, 10,000 entries: first search (builds the index) < 3,000 ms', `${node.indexing.toFixed(0)} ms`),
    line(node.searching < 100, 'search() in Node, 10,000 entries: a search after it < 100 ms', `${node.searching.toFixed(1)} ms`),
  ];
}
