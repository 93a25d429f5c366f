// The tooltip module on its own, in real Chromium with a real mouse: src/tooltip is bundled with a
// hand-made MatchIndex (test/fixtures/tooltip/fixture-index.ts) and run in fixture pages, so every
// behaviour is tested independently of the page scanner. tooltip.e2e.ts tests it inside the built
// extension.
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChromium, ROOT, screenshot as save, waitFor } from './harness';
import { startFixtureServer, type FixtureServer } from './server';
import { expectMarkupShownAsText, hover, inTooltip, markupEntry, paintedTerms, readTooltip, termBox, tooltipOnTopAt, type TooltipState } from './tooltip-helpers';

// Vite's `?inline` CSS import, for esbuild: the file's text.
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
      namespace: 'inline-css',
    }));
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

let server: FixtureServer;
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(ROOT, 'test/fixtures/tooltip/standalone.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    alias: { '@': ROOT },
    logLevel: 'silent',
    plugins: [inlineCss],
  });
  bundle = result.outputFiles[0]!.text;
  server = await startFixtureServer();
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Setup {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  language?: 'zh' | 'en' | 'both';
  hoverDelayMs?: number;
  extraEntries?: unknown[];
}

const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

async function openWithTooltip(file: string, setup: Setup = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: setup.viewport ?? { width: 1280, height: 900 },
    colorScheme: setup.colorScheme ?? 'light',
    locale: 'zh-CN',
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url(file));
  for (const frame of page.frames()) await inject(frame, setup);
  (page as unknown as { errors: string[] }).errors = errors;
  return page;
}

async function inject(frame: Frame, setup: Setup): Promise<void> {
  await frame.evaluate((extra) => ((window as unknown as { __tifaTestEntries: unknown[] }).__tifaTestEntries = extra), setup.extraEntries ?? []);
  await frame.addScriptTag({ content: bundle });
  await frame.evaluate(
    ({ language, hoverDelayMs }) => {
      const s = (window as unknown as { __tifaStandalone: { settings: { language: string; hoverDelayMs: number } } }).__tifaStandalone.settings;
      s.language = language;
      s.hoverDelayMs = hoverDelayMs;
    },
    { language: setup.language ?? 'both', hoverDelayMs: setup.hoverDelayMs ?? 150 },
  );
}

/** Screenshots wait out the tooltip's short fade-in. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(200);
  await save(page, name);
}

const opened = async (page: Page | Frame): Promise<TooltipState> => (await waitFor(() => readTooltip(page), 3000))!;
const tooltipWhere = async (page: Page | Frame, ok: (t: TooltipState) => boolean): Promise<TooltipState> =>
  (await waitFor(async () => {
    const t = await readTooltip(page);
    return t && ok(t) ? t : undefined;
  }, 3000))!;
const closed = (page: Page | Frame) => waitFor(async () => !(await readTooltip(page)), 3000);
const within = (r: { left: number; top: number; right: number; bottom: number }, vw: number, vh: number) =>
  r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh;

describe('hover on the demo news page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openWithTooltip('news/demo.html');
  });

  test('opens after the delay next to the term, with everything the entry says, in the top layer', async () => {
    const box = await termBox(page, '两个维护');
    await page.evaluate(() =>
      addEventListener('mousemove', () => ((window as unknown as { __firstMove?: number }).__firstMove ??= performance.now()), { capture: true }),
    );
    await hover(page, box);
    // Not before the delay (150 ms), which starts once the pointer is on the term, so after the hover's
    // first move. Read while that is less than the delay ago (in the page's time), the tooltip must still
    // be closed; a read that a busy machine delays past it tells nothing, and is not judged.
    const early = await readTooltip(page);
    const sinceFirstMove = await page.evaluate(() => performance.now() - (window as unknown as { __firstMove: number }).__firstMove);
    if (sinceFirstMove < 150) expect(early).toBeUndefined();
    const tip = await opened(page);
    expect(tip.inTopLayer).toBe(true);
    expect(tip.role).toBe('tooltip');
    expect(tip.labelText).toBe('两个维护');
    expect(tip.term).toBe('两个维护');
    expect(tip.pinyin).toMatch(/liǎng/);
    expect(tip.official.length).toBeGreaterThan(0);
    expect(tip.category).toBe('口号提法 Slogan');
    expect(tip.summary).toHaveLength(2); // zh and en
    expect(tip.explanation).toHaveLength(2);
    expect(tip.components.length).toBeGreaterThanOrEqual(2);
    expect(tip.quote).toContain('两个维护');
    expect(tip.section.length).toBeGreaterThan(0);
    expect(tip.text).toContain('编辑词条 Edit entry');
    // right under the term, starting at its left edge
    expect(tip.side).toBe('below');
    expect(tip.rect.top).toBeGreaterThanOrEqual(box.y + box.height);
    expect(tip.rect.top - (box.y + box.height)).toBeLessThan(12);
    expect(Math.abs(tip.rect.left - box.x)).toBeLessThan(1);
    expect(within(tip.rect, 1280, 900)).toBe(true);
    await screenshot(page, 'tooltip-light-both');
  });

  test('stays while the pointer moves into it, closes after it leaves both', async () => {
    const tip = await opened(page);
    await page.mouse.move(tip.rect.left + 40, tip.rect.top + 30, { steps: 6 });
    await page.waitForTimeout(500);
    expect(await readTooltip(page)).toBeDefined();
    await page.mouse.move(1200, 880, { steps: 4 });
    await closed(page);
  });

  test('nothing happens away from highlights', async () => {
    const plain = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!.getBoundingClientRect();
      return { x: h1.x + 40, y: h1.y + h1.height / 2 };
    });
    await page.mouse.move(plain.x, plain.y, { steps: 3 });
    await page.waitForTimeout(400);
    expect(await readTooltip(page)).toBeUndefined();
    // The caret APIs snap to the nearest character: beside a term, past the end of its line, is not on it.
    const box = await termBox(page, '三会一课');
    await page.mouse.move(box.x + box.width / 2, box.y - 14, { steps: 2 }); // the gap between lines
    await page.waitForTimeout(400);
    expect(await readTooltip(page)).toBeUndefined();
  });

  test('a click pins it; a click elsewhere closes it', async () => {
    await hover(page, await termBox(page, '三会一课'));
    await opened(page);
    await page.mouse.down();
    await page.mouse.up();
    expect((await readTooltip(page))?.pinned).toBe(true);
    await page.mouse.move(1200, 880, { steps: 3 });
    await page.waitForTimeout(500);
    expect((await readTooltip(page))?.term).toBe('三会一课');
    await page.mouse.click(1200, 880);
    await closed(page);
  });

  test('Escape and scrolling close it', async () => {
    await hover(page, await termBox(page, '三会一课'));
    await opened(page);
    await page.keyboard.press('Escape');
    await closed(page);
    await page.mouse.move(5, 5);
    await hover(page, await termBox(page, '三会一课'));
    await opened(page);
    await page.mouse.wheel(0, 200);
    await closed(page);
  });

  test('closes when its term leaves the page', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await hover(page, await termBox(page, '民主集中制'));
    await opened(page);
    await page.evaluate(() => {
      [...document.querySelectorAll('p')].find((p) => p.textContent!.includes('民主集中制'))!.remove();
      (window as unknown as { __tifaStandalone: { matches: { rescan(): void } } }).__tifaStandalone.matches.rescan();
    });
    await closed(page);
  });
});

describe('placement and themes', () => {
  test('near each viewport edge the tooltip stays inside, flipping above at the bottom', async () => {
    const page = await openWithTooltip('tooltip/edges.html', { viewport: { width: 900, height: 600 } });
    const terms = await paintedTerms(page);
    expect(terms.length).toBeGreaterThanOrEqual(5);
    for (const box of terms) {
      await page.keyboard.press('Escape');
      await page.mouse.move(450, 150); // on no term
      await closed(page);
      await hover(page, box);
      const tip = await opened(page);
      expect(tip.term).toBe(box.text);
      expect(within(tip.rect, 900, 600), `${box.text} at ${box.x},${box.y}: ${JSON.stringify(tip.rect)}`).toBe(true);
      const termBottom = box.y + box.height;
      if (box.y > 300) {
        expect(tip.side).toBe('above');
        expect(tip.rect.bottom).toBeLessThanOrEqual(box.y);
      } else {
        expect(tip.rect.top).toBeGreaterThanOrEqual(termBottom);
      }
      if (box.x > 600) expect(tip.rect.right).toBeLessThanOrEqual(900 - 8 + 0.5);
      if (box.y > 500 && box.x > 600) await screenshot(page, 'tooltip-edge-bottom-right');
    }
  });

  test('a long explanation in a small viewport scrolls inside the tooltip, and scrolling it keeps it open', async () => {
    const page = await openWithTooltip('tooltip/edges.html', { viewport: { width: 420, height: 360 } });
    const box = await termBox(page, '四个意识');
    await hover(page, box);
    const tip = await opened(page);
    expect(within(tip.rect, 420, 360)).toBe(true);
    expect(tip.scrollHeight).toBeGreaterThan(tip.clientHeight);
    await page.mouse.move(tip.rect.left + 30, tip.rect.top + 40, { steps: 4 });
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(300);
    const after = await readTooltip(page);
    expect(after).toBeDefined();
    // The wheel scrolls it, once the compositor has handled the event (later on a busy machine).
    await expect.poll(() => inTooltip(page, (root) => root.querySelector('.scroll')!.scrollTop)).toBeGreaterThan(0);
    await screenshot(page, 'tooltip-small-viewport-scrolled');
  });

  test('dark page: dark tooltip (Chinese)', async () => {
    const page = await openWithTooltip('tooltip/dark.html', { language: 'zh' });
    await hover(page, await termBox(page, '两个维护'));
    // The pointer may cross another term on its way: wait for the tooltip of this one.
    const tip = await tooltipWhere(page, (t) => t.term === '两个维护');
    expect(tip.dark).toBe(true);
    expect(tip.summary).toHaveLength(1);
    expect(tip.category).toBe('口号提法');
    expect(tip.text).not.toMatch(/Edit entry|Covers/);
    await screenshot(page, 'tooltip-dark-zh');
  });

  test('dark page: dark tooltip (English)', async () => {
    const page = await openWithTooltip('tooltip/dark.html', { language: 'en' });
    await hover(page, await termBox(page, '三会一课'));
    // The pointer may cross another term on its way: wait for the tooltip of this one.
    const tip = await tooltipWhere(page, (t) => t.term === '三会一课');
    expect(tip.dark).toBe(true);
    expect(tip.category).toBe('Practice');
    expect(tip.summary).toHaveLength(1);
    expect(tip.summary[0]).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'tooltip-dark-en');
  });

  test('light page: light tooltip (English); a page with no background follows the OS', async () => {
    const page = await openWithTooltip('news/demo.html', { language: 'en' });
    await hover(page, await termBox(page, '三会一课'));
    // The pointer may cross another term on its way: wait for the tooltip of this one.
    const tip = await tooltipWhere(page, (t) => t.term === '三会一课');
    expect(tip.dark).toBe(false);
    await screenshot(page, 'tooltip-light-en');
    const osDark = await openWithTooltip('tooltip/shadow.html', { colorScheme: 'dark', language: 'zh' });
    await hover(osDark, await termBox(osDark, '两个维护'));
    expect((await opened(osDark)).dark).toBe(true);
  });

  test('Chinese only on the light demo page', async () => {
    const page = await openWithTooltip('news/demo.html', { language: 'zh' });
    await hover(page, await termBox(page, '第一书记'));
    // The pointer may cross another term on its way: wait for the tooltip of this one.
    const tip = await tooltipWhere(page, (t) => t.term === '第一书记');
    expect(tip.summary).toHaveLength(1);
    expect(tip.summary[0]).toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'tooltip-light-zh');
  });
});

describe('the end of the tooltip: the role in the speech, the sources', () => {
  /** Shows the details (the M key) and scrolls the tooltip's content to its end, where the quote and the sources are. */
  const scrollToEnd = async (page: Page) => {
    await page.keyboard.press('m');
    await inTooltip(page, (root) => {
      const scroll = root.querySelector('.scroll')!;
      scroll.scrollTop = scroll.scrollHeight;
    });
  };
  const sourceLinks = async (page: Page) =>
    (await inTooltip(page, (root) =>
      [...root.querySelectorAll<HTMLAnchorElement>('.source-link')].map((a) => ({
        href: a.href,
        target: a.target,
        rel: a.rel,
        tabIndex: a.tabIndex,
        text: a.textContent,
      })),
    )) ?? [];

  test('sources as publisher and year, linked to open in a new tab; nothing is fetched until a click', async () => {
    const page = await openWithTooltip('news/demo.html', { language: 'en' });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await hover(page, await termBox(page, '两个维护'));
    // The pointer may cross another term on its way: wait for the tooltip of this one.
    const tip = await tooltipWhere(page, (t) => t.term === '两个维护');
    expect(tip.text).toMatch(/official/);
    expect(tip.text).toMatch(/In the speech: /);
    await scrollToEnd(page);
    const links = await sourceLinks(page);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.href).toMatch(/^https:\/\//);
      expect(link).toMatchObject({ target: '_blank', rel: 'noopener noreferrer', tabIndex: 0 });
      expect(link.text).toMatch(/ \d{4}$/);
    }
    await screenshot(page, 'tooltip-sources-en');
    expect(requests.filter((u) => !u.startsWith(server.url('')))).toEqual([]);
  });

  test('a local coinage says no public definition was found (Chinese, dark)', async () => {
    const page = await openWithTooltip('tooltip/dark.html', { language: 'zh' });
    await hover(page, await termBox(page, '两个维护'));
    await opened(page);
    await scrollToEnd(page);
    await screenshot(page, 'tooltip-sources-dark-zh');
    const demo = await openWithTooltip('news/demo.html', { language: 'both' });
    await hover(demo, await termBox(demo, '四包一'));
    // The pointer may cross another term on its way: wait for the tooltip of this one.
    const tip = await tooltipWhere(demo, (t) => t.term === '四包一');
    expect(tip.text).toMatch(/没有找到公开定义/);
    expect(tip.text).toMatch(/descriptive/);
    await scrollToEnd(demo);
    await screenshot(demo, 'tooltip-no-definition-both');
  });
});

describe('where terms live', () => {
  test('a term inside an open shadow root', async () => {
    const page = await openWithTooltip('tooltip/shadow.html');
    const box = await termBox(page, '两个维护');
    expect(await page.evaluate(() => !!document.querySelector('news-card')!.shadowRoot!.getElementById('card'))).toBe(true);
    await hover(page, box);
    expect((await opened(page)).term).toBe('两个维护');
  });

  test('a term inside an iframe opens a tooltip in that frame', async () => {
    const page = await openWithTooltip('tooltip/iframe.html');
    const frame = page.frames().find((f) => f.url().endsWith('/tooltip/frame.html'))!;
    const box = await termBox(frame, '两个维护');
    const offset = await page.evaluate(() => {
      const r = document.querySelector('iframe')!.getBoundingClientRect();
      return { x: r.x + 1, y: r.y + 1 }; // 1px border
    });
    await page.mouse.move(offset.x + box.x + box.width / 2, offset.y + box.y + box.height / 2, { steps: 4 });
    const tip = await opened(frame);
    expect(tip.term).toBe('两个维护');
    expect(await readTooltip(page)).toBeUndefined();
  });

  test("a page's own open modal dialog and max z-index sticky header do not cover it, and it stays usable", async () => {
    const page = await openWithTooltip('tooltip/dialog.html');
    expect(await page.evaluate(() => document.querySelector('dialog')!.matches(':modal'))).toBe(true);
    const box = await termBox(page, '民主集中制');
    await hover(page, box);
    const tip = await opened(page);
    // The topmost element at the tooltip's centre is the tooltip's host, not the dialog.
    expect(await tooltipOnTopAt(page, { x: (tip.rect.left + tip.rect.right) / 2, y: (tip.rect.top + tip.rect.bottom) / 2 })).toBe(true);
    // Not inert: the pointer can move in and press "edit".
    const edit = (await inTooltip(page, (root) => {
      const b = root.querySelector('.edit')!;
      b.scrollIntoView({ block: 'nearest' });
      const r = b.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }))!;
    await page.mouse.move(tip.rect.left + 20, tip.rect.top + 20, { steps: 5 });
    await page.mouse.move(edit.x, edit.y, { steps: 5 });
    await page.mouse.click(edit.x, edit.y);
    expect(await page.evaluate(() => (window as unknown as { __tifaStandalone: { opened: string[] } }).__tifaStandalone.opened)).toEqual([
      'min-zhu-ji-zhong-zhi',
    ]);
    await screenshot(page, 'tooltip-over-modal-dialog');
    // Escape closes the tooltip first and leaves the dialog open.
    await page.keyboard.press('Escape');
    await closed(page);
    expect(await page.evaluate(() => document.querySelector('dialog')!.open)).toBe(true);
  });
});

describe('keyboard', () => {
  test('Alt+Shift+. and Alt+Shift+, step through the terms, scrolling each into view, announced', async () => {
    const page = await openWithTooltip('news/demo.html', { viewport: { width: 1280, height: 700 } });
    const order = await page.evaluate(() =>
      (window as unknown as { __tifaStandalone: { matches: { list(): Array<{ text: string }> } } }).__tifaStandalone.matches
        .list()
        .map((m) => m.text),
    );
    await page.keyboard.press('Alt+Shift+Period');
    let tip = await opened(page);
    const first = order.indexOf(tip.term);
    expect(first).toBeGreaterThanOrEqual(0);
    await waitFor(async () => (await readTooltip(page))?.live.includes(tip.term));
    await page.keyboard.press('Alt+Shift+Period');
    tip = await tooltipWhere(page, (t) => t.term !== order[first]);
    expect(tip.term).toBe(order[first + 1]);
    await page.keyboard.press('Alt+Shift+Comma');
    tip = await tooltipWhere(page, (t) => t.term === order[first]);
    // Step far down: the term is scrolled into view and the tooltip sits inside the viewport.
    // 40 steps: with the 163-entry default glossary the first screen (700 px) holds about 30 terms of
    // the demo page, and the walk must go past them (25 were enough at 142).
    for (let i = 0; i < 40; i++) await page.keyboard.press('Alt+Shift+Period');
    tip = await opened(page);
    expect(tip.term).toBe(order[(first + 40) % order.length]);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(within(tip.rect, 1280, 700)).toBe(true);
    // A host just put back in the page announces a moment later (a live region ignores its first content).
    const term = tip.term;
    expect(await waitFor(async () => (await readTooltip(page))?.live.includes(term), 4000)).toBe(true);
    await screenshot(page, 'tooltip-keyboard-step');
    await page.keyboard.press('Escape');
    await closed(page);
  });

  test('the shortcut does nothing while typing in a field', async () => {
    const page = await openWithTooltip('news/demo.html');
    await page.focus('textarea');
    await page.keyboard.press('Alt+Shift+Period');
    await page.waitForTimeout(300);
    expect(await readTooltip(page)).toBeUndefined();
  });

  test('tifa:reveal scrolls to the next occurrence of an entry and opens it', async () => {
    const page = await openWithTooltip('news/demo.html', { viewport: { width: 1280, height: 600 } });
    const send = (m: unknown) => page.evaluate((msg) => (window as unknown as { __tifaStandalone: { send(m: unknown): Promise<unknown> } }).__tifaStandalone.send(msg), m);
    expect(await send({ type: 'tifa:reveal', id: 'di-yi-shu-ji' })).toEqual({ found: true });
    const tip = await opened(page);
    expect(tip.term).toBe('第一书记');
    expect(within(tip.rect, 1280, 600)).toBe(true);
    expect(await send({ type: 'tifa:reveal', id: 'no-such-entry' })).toEqual({ found: false });
  });
});

test('glossary text with markup is shown as text and runs nothing', async () => {
  const page = await openWithTooltip('tooltip/xss.html', { extraEntries: [markupEntry('xss-test')] });
  await expectMarkupShownAsText(page);
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  await screenshot(page, 'tooltip-markup-as-text');
});
