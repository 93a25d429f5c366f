// Helpers for the highlighting e2e tests: a small fixed glossary (so counts do not move when the
// shipped glossary grows), reading what Tifa painted out of CSS.highlights, and checks that the
// page's DOM was left alone.
import path from 'node:path';
import { build } from 'esbuild';
import type { Frame, Page } from 'playwright-core';
import { CATEGORIES } from '../../src/glossary/categories';
import type { EntryInput } from '../../src/glossary/schema';
import { setUserGlossary as setStoredGlossary } from './glossary-storage';
import { EVERY_OCCURRENCE, type ExtensionBrowser } from './harness';
import { FIXTURES_DIR } from './server';

declare const chrome: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } };

type Category = EntryInput['category'];

function entry(id: string, term: string, category: Category, extra: Partial<EntryInput> = {}): EntryInput {
  return {
    id,
    term,
    variants: [],
    pinyin: 'tí fǎ',
    english: [`test rendering of ${id}`],
    category,
    summary: { zh: `${term}的摘要`, en: `Summary of ${id}` },
    explanation: { zh: `${term}的解释`, en: `Explanation of ${id}` },
    components: [],
    related: [],
    ambiguous: false,
    enabled: true,
    ...extra,
  };
}

/** The glossary the tests install as the user's glossary: known terms, two ambiguous, one disabled. */
export const TEST_ENTRIES: EntryInput[] = [
  entry('liang-ge-wei-hu', '两个维护', 'slogan'),
  entry('si-ge-yi-shi', '四个意识', 'slogan'),
  entry('san-hui-yi-ke', '三会一课', 'practice'),
  entry('di-yi-shu-ji', '第一书记', 'institution'),
  entry('dang-zu', '党组', 'institution', { ambiguous: true }),
  entry('dui-biao', '对表', 'practice', { ambiguous: true }),
  entry('hui-tou-kan', '回头看', 'campaign'),
  entry('shi-si-wu', '十四五', 'plan'),
  entry('dian-xiao-er', '店小二', 'jargon'),
  entry('tuo-pin-gong-jian', '脱贫攻坚', 'campaign'),
  entry('xiang-cun-zhen-xing', '乡村振兴', 'policy', { enabled: false }),
];

export const TEST_GLOSSARY = { format: 'tifa-glossary', version: 1, entries: TEST_ENTRIES };

/** What the test glossary paints on pages/news-simplified.html (党组 and 对表 once segmentation confirms them), as tally() counts it. */
export const NEWS_SIMPLIFIED_PAINTED = {
  十四五: 1,
  四个意识: 1,
  两个维护: 3,
  党组: 1,
  三会一课: 1,
  对表: 1,
  回头看: 1,
  第一书记: 1,
  店小二: 1,
  脱贫攻坚: 1,
};

/** TEST_GLOSSARY with the entries `ids` switched off, as the options page's list switch stores them. */
export function testGlossaryWithout(...ids: string[]): typeof TEST_GLOSSARY {
  return { ...TEST_GLOSSARY, entries: TEST_ENTRIES.map((e) => (ids.includes(e.id) ? { ...e, enabled: false } : e)) };
}

/**
 * Counts the texts painted in a same-origin child frame (the iframe with id `frameId`), read through
 * its window from the page's: for a frame the browser driver no longer lists (Playwright loses a
 * page's sub-frames once it goes into the back/forward cache). Runs in the page: it uses nothing
 * from outside its body, so either suite's evaluate can pass it.
 */
export function childFrameTally(frameId: string): Record<string, number> {
  const view = (document.getElementById(frameId) as HTMLIFrameElement).contentWindow as typeof window;
  const counts: Record<string, number> = {};
  view.CSS.highlights.forEach((highlight) =>
    highlight.forEach((r) => {
      const text = (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
      counts[text] = (counts[text] ?? 0) + 1;
    }),
  );
  return counts;
}

/** Installs `glossary` as the user's glossary (null: back to the shipped default). */
export async function setUserGlossary(browser: ExtensionBrowser, glossary: { entries: readonly unknown[] } | null): Promise<void> {
  await setStoredGlossary(browser.serviceWorker, glossary);
}

/** Stores `settings` (over EVERY_OCCURRENCE, as launchWithExtension does unless told otherwise). */
export async function setUserSettings(browser: ExtensionBrowser, settings: object): Promise<void> {
  await browser.serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), { ...EVERY_OCCURRENCE, ...settings });
}

export interface Painted {
  /** The highlight's registry name. */
  name: string;
  text: string;
  /** The painted text lies in an element marked as a trap (where nothing may be painted). */
  inTrap: boolean;
  /** The tag of the element holding the range's start. */
  parentTag: string;
  /** The range's start offset in its text node. */
  startOffset: number;
  /** The `data-row` of the element around the range (pages built by test/support/article-html.ts), if any. */
  row: string | null;
}

/**
 * What Tifa painted in a page or frame: every range of every highlight (the test pages register none
 * of their own; Tifa's names are random, so nothing else tells them apart). The registry is shared
 * between the page and the content script's isolated world, so the page can read it.
 */
export function painted(target: Page | Frame): Promise<Painted[]> {
  return target.evaluate(() => {
    const out: Painted[] = [];
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      for (const r of highlight) {
        const live = new Range();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const parent = r.startContainer.parentElement;
        out.push({
          name,
          text: live.toString(),
          inTrap: !!parent?.closest('.trap'),
          parentTag: parent?.localName ?? '',
          startOffset: r.startOffset,
          row: parent?.closest('[data-row]')?.getAttribute('data-row') ?? null,
        });
      }
    }
    return out;
  });
}

/**
 * Whether a name a page can read (a highlight's, a class, a tag's part) says nothing of Tifa or of
 * what it found: letters only (so no `tifa-` prefix and no `-slogan` suffix), neither starting with
 * "tifa" nor naming a category.
 */
export function saysNothing(name: string): boolean {
  return /^[a-z]+$/.test(name) && !name.startsWith('tifa') && !CATEGORIES.some((category) => name.startsWith(category) || name.endsWith(category));
}

/** Counts painted texts: { 两个维护: 3, … }. */
export function tally(items: readonly { text: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { text } of items) counts[text] = (counts[text] ?? 0) + 1;
  return counts;
}

/** Report terms as { id: count }. */
export function reportCounts(report: { terms: Array<{ id: string; count: number }> }): Record<string, number> {
  return Object.fromEntries(report.terms.map((t) => [t.id, t.count]));
}

/**
 * Whether the live DOM serialises exactly like a fresh parse of the page's own HTML: true for a
 * static page that nothing (Tifa included) has changed.
 */
export function domMatchesSource(page: Page): Promise<{ same: boolean; live: string; parsed: string }> {
  return page.evaluate(async () => {
    const source = await (await fetch(location.href)).text();
    const parsed = new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML;
    const live = document.documentElement.outerHTML;
    return { same: parsed === live, live, parsed };
  });
}

/**
 * Records every DOM mutation once the parser is done (DOMContentLoaded; the content script starts
 * later, at document_end, after the page's DOMContentLoaded listeners), installed before any page script runs.
 */
export async function recordMutations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __mutations: string[] };
    w.__mutations = [];
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const r of records) w.__mutations.push(`${r.type} on <${(r.target as Element).localName ?? r.target.nodeName}>`);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
}

export function mutationsSince(page: Page, from: number): Promise<string[]> {
  return page.evaluate((n) => (window as unknown as { __mutations: string[] }).__mutations.slice(n), from);
}

export function mutationCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations.length);
}

/** Builds the React fixture page's script from node_modules (React is never fetched from a CDN). */
export async function bundleReactFixture(): Promise<void> {
  const dir = path.join(FIXTURES_DIR, 'pages');
  await build({
    entryPoints: [path.join(dir, 'react-app.tsx')],
    outfile: path.join(dir, 'react-app.bundle.js'),
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
  });
}

/** A rectangle of the viewport, in CSS pixels (the tests' device scale is 1). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How many pixels of a screenshot of `selector`'s box are close to `hex`: decoded in a blank page
 * of the extension-less browser, since the page under test may forbid data: images by CSP.
 */
export async function pixelsNear(page: Page, selector: string, hex: string, tolerance = 40): Promise<number> {
  const png = await page.locator(selector).first().screenshot();
  const [near = -1] = await countNear(page, png, [undefined], hex, tolerance);
  return near;
}

/** For each rectangle of the viewport, how many of its pixels are close to `hex` (one screenshot for all). */
export async function pixelsNearEach(page: Page, rects: readonly Rect[], hex: string, tolerance = 40): Promise<number[]> {
  return countNear(page, await page.screenshot(), rects, hex, tolerance);
}

/** Counts, in each rectangle of `png` (undefined: all of it), the pixels close to `hex`. */
async function countNear(page: Page, png: Buffer, rects: ReadonlyArray<Rect | undefined>, hex: string, tolerance: number): Promise<number[]> {
  const decoder = await page.context().newPage();
  try {
    return await decoder.evaluate(
      async ([data, boxes, color, tol]) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d');
        if (!ctx) return boxes.map(() => -1);
        ctx.drawImage(image, 0, 0);
        const want = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
        return boxes.map((box) => {
          const x = Math.max(0, Math.round(box?.x ?? 0));
          const y = Math.max(0, Math.round(box?.y ?? 0));
          const width = Math.min(image.width - x, Math.round(box?.width ?? image.width));
          const height = Math.min(image.height - y, Math.round(box?.height ?? image.height));
          if (width <= 0 || height <= 0) return 0;
          const { data: px } = ctx.getImageData(x, y, width, height);
          let near = 0;
          for (let i = 0; i < px.length; i += 4) {
            if (want.every((v, k) => Math.abs((px[i + k] ?? 0) - v) <= tol)) near++;
          }
          return near;
        });
      },
      [png.toString('base64'), rects.map((r) => r ?? null), hex, tolerance] as const,
    );
  } finally {
    await decoder.close();
  }
}
