// The background service worker's glossary and segmentation services, in real Chromium: requests
// are sent from an extension page (the options page), as the content script and options page do.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXTENSION_DIR, ROOT, launchWithExtension, type ExtensionBrowser } from './harness';
import { setUserGlossary, shippedFromData } from './glossary-storage';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } };
};

interface GlossaryResponse {
  entries: Array<{ id: string; term: string }>;
  patterns: Array<{ text: string; id: string; ambiguous: boolean }>;
}

let browser: ExtensionBrowser;
let page: Page;

const send = <T>(message: unknown): Promise<T> =>
  page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;

/** Segment-checks every occurrence of `term` in `text`. */
async function check(text: string, term: string): Promise<boolean[]> {
  const candidates = [];
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) candidates.push({ start: i, end: i + term.length });
  const { confirmed } = await send<{ confirmed: boolean[] }>({ type: 'tifa:segment-check', text, candidates });
  return confirmed;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.openOptions();
});
afterAll(async () => {
  await browser?.close();
});

test('the jieba .wasm ships as its own file, not inlined into background.js', () => {
  const wasm = fs.readFileSync(path.join(EXTENSION_DIR, 'jieba.wasm'));
  expect(wasm.subarray(0, 4).toString('latin1')).toBe('\0asm');
  const background = fs.readFileSync(path.join(EXTENSION_DIR, 'background.js'), 'utf8');
  expect(background).not.toContain('AGFzbQ'); // base64 of the wasm magic number
  expect(background.length).toBeLessThan(wasm.length);
});

test('get-glossary answers with the shipped glossary and its patterns, traditional forms included', async () => {
  const shipped = { entries: shippedFromData() };
  const started = Date.now();
  const { entries, patterns } = await send<GlossaryResponse>({ type: 'tifa:get-glossary' });
  const cold = Date.now() - started;
  // Timed inside the page, so only the message round trip counts (not shipping the answer to the test).
  const cached = await page.evaluate(async () => {
    const t = performance.now();
    await chrome.runtime.sendMessage({ type: 'tifa:get-glossary' });
    return performance.now() - t;
  });
  console.log(`get-glossary: ${entries.length} entries, ${patterns.length} patterns; first ${cold} ms, cached ${cached.toFixed(0)} ms`);
  expect(entries.map((e) => e.id)).toEqual(shipped.entries.map((e) => e.id));
  expect(patterns).toContainEqual({ text: '两个维护', id: 'liang-ge-wei-hu', ambiguous: false });
  expect(patterns).toContainEqual({ text: '兩個維護', id: 'liang-ge-wei-hu', ambiguous: false });
  expect(patterns).toContainEqual({ text: '黨組', id: 'dang-zu', ambiguous: true });
});

test('get-glossary follows the user’s glossary in storage, and the default again when it is cleared', async () => {
  const mine = {
    format: 'tifa-glossary',
    version: 1,
    entries: [
      {
        id: 'dian-xiao-er',
        term: '店小二',
        variants: [],
        pinyin: 'diàn xiǎo èr',
        english: ['shop assistant'],
        category: 'jargon',
        summary: { zh: '服务者', en: 'servant' },
        explanation: { zh: '比喻', en: 'figure' },
        components: [],
        related: [],
        ambiguous: false,
        enabled: true,
      },
    ],
  };
  await setUserGlossary(browser.serviceWorker, mine);
  await expect
    .poll(async () => (await send<GlossaryResponse>({ type: 'tifa:get-glossary' })).patterns.map((p) => p.text))
    .toEqual(['店小二']);
  await setUserGlossary(browser.serviceWorker, null);
  await expect
    .poll(async () => (await send<GlossaryResponse>({ type: 'tifa:get-glossary' })).patterns.map((p) => p.text))
    .toContain('两个维护');
});

// Only the background answers segment-check, so right answers mean jieba initialised in the worker.
test('segment-check runs jieba in the service worker: 党组, 对表, 对标 only as whole words', async () => {
  expect(await check('加强基层党组织建设', '党组')).toEqual([false]);
  expect(await check('通过党委（党组）会议“首个议题”制度', '党组')).toEqual([true]);
  expect(await check('党组会议', '党组')).toEqual([true]);
  expect(await check('请对表格进行核对', '对表')).toEqual([false]);
  expect(await check('要对标准进行修订', '对标')).toEqual([false]);
  expect(await check('经常对标对表', '对标')).toEqual([true]);
  expect(await check('经常对标对表', '对表')).toEqual([true]);
});

test('segment-check on the whole speech stays quick and offsets hold across astral characters', async () => {
  const speech = fs.readFileSync(path.join(ROOT, 'data/speech.txt'), 'utf8');
  const started = Date.now();
  const results = await check(speech, '党组');
  const elapsed = Date.now() - started;
  console.log(`segment-check over the speech (${speech.length} chars, ${results.length} candidates): ${elapsed} ms`);
  expect(results).toContain(true);
  expect(results).toContain(false);
  expect(await check('𠮷𠮷党组织，𠮷党组会议', '党组')).toEqual([false, true]);
});
