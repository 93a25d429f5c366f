// The tooltip inside the built extension, driven like a user: a real mouse over terms the scanner
// painted (positions read from CSS.highlights, which the page shares with the content script), the
// keyboard, the popup's reveal message, and the edit link. The tooltip's content is read through
// its open shadow root.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodePageGlossary, PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import { ROOT, screenshot as save, waitFor } from './harness';
import { useExtensionBrowser } from './use-extension';
import { setUserGlossary } from './glossary-storage';
import {
  addedToHtml,
  boxInTooltip,
  expectMarkupShownAsText,
  explains,
  hover,
  markupEntry,
  openedTooltip as opened,
  openPainted as openPaintedIn,
  paintedTerms,
  readTooltip,
  termBox,
  tooltipOnTopAt,
} from './tooltip-helpers';

/** The service worker's extension API, as the tests use it there. */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };


const fixture = useExtensionBrowser();

const openPainted = (file: string, term: string): Promise<Page> => openPaintedIn(fixture.browser, fixture.server.url(file), term);

async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(200); // the fade-in
  await save(page, name);
}

const closed = (page: Page) => waitFor(async () => !(await readTooltip(page)), 4000);

describe('on the demo news page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPainted('news/demo.html', '两个维护');
  });
  afterAll(async () => {
    await page.close();
  });

  test('away from highlights nothing happens: no tooltip element is in the page', async () => {
    const h1 = await page.locator('h1').boundingBox();
    await page.mouse.move(h1!.x + 30, h1!.y + 15, { steps: 4 });
    await page.mouse.move(h1!.x + 200, h1!.y + 20, { steps: 4 });
    await page.waitForTimeout(400);
    expect(await addedToHtml(page)).toEqual([]);
  });

  test('hovering a painted term explains it', async () => {
    const box = await termBox(page, '两个维护');
    await hover(page, box);
    const tip = await opened(page);
    expect(tip.inTopLayer).toBe(true);
    expect(tip.role).toBe('tooltip');
    expect(tip.labelText).toBe('两个维护');
    expect(tip.pinyin).toMatch(/liǎng/);
    expect(tip.official.length).toBeGreaterThan(0);
    expect(tip.category).toBe('口号提法 Slogan');
    expect(tip.summary).toHaveLength(2);
    expect(tip.components.length).toBeGreaterThanOrEqual(2);
    expect(tip.quote.length).toBeGreaterThan(0);
    expect(tip.rect.top).toBeGreaterThanOrEqual(box.y + box.height);
    await screenshot(page, 'tooltip-extension-demo');
    await page.keyboard.press('Escape');
    await closed(page);
  });

  test('the edit button opens the options page at the entry', async () => {
    await hover(page, await termBox(page, '三会一课'));
    await opened(page);
    const edit = (await boxInTooltip(page, '.edit'))!;
    const visible = edit.bottom <= (await page.evaluate(() => innerHeight));
    const tip = (await readTooltip(page))!;
    await page.mouse.move(tip.rect.left + 30, tip.rect.top + 30, { steps: 5 });
    if (!visible) {
      // A tall tooltip scrolls: bring the button into view inside it, as a user would with the wheel.
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(200);
    }
    const at = (await boxInTooltip(page, '.edit'))!;
    await page.mouse.move(at.x, at.y, { steps: 5 });
    const [options] = await Promise.all([fixture.browser.context.waitForEvent('page'), page.mouse.click(at.x, at.y)]);
    await waitFor(() => options.url().includes('options.html'));
    expect(options.url()).toBe(`chrome-extension://${fixture.browser.extensionId}/options.html#entry=san-hui-yi-ke`);
    await options.close();
    await page.keyboard.press('Escape');
  });

  test('Alt+Shift+. / Alt+Shift+, step through the painted terms in document order', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    // Painted ranges in document order, as the page sees them.
    const order = await page.evaluate(() => {
      const ranges: StaticRange[] = [];
      CSS.highlights.forEach((h) => h.forEach((r) => ranges.push(r as StaticRange)));
      const live = (r: StaticRange) => {
        const l = new Range();
        l.setStart(r.startContainer, r.startOffset);
        l.setEnd(r.endContainer, r.endOffset);
        return l;
      };
      return ranges
        .map(live)
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
        .map((r) => ({ text: r.toString(), top: r.getBoundingClientRect().top }));
    });
    const firstInView = order.findIndex((t) => t.top >= 0);
    await page.keyboard.press('Alt+Shift+Period');
    let tip = await opened(page);
    expect(explains(tip, order[firstInView]!.text)).toBe(true);
    await waitFor(async () => (await readTooltip(page))?.live.includes(tip.term));
    // 40 steps: with the 163-entry default glossary the first screen (900 px) holds about 36 terms of
    // the demo page, and the walk must go past them to make the page scroll (30 were enough at 142).
    for (let i = 1; i <= 40; i++) {
      await page.keyboard.press('Alt+Shift+Period');
      const want = order[firstInView + i]!.text;
      tip = (await waitFor(async () => {
        const t = await readTooltip(page);
        return t && explains(t, want) && t.live.includes(t.term) ? t : undefined;
      }))!;
      expect(tip.rect.top).toBeGreaterThanOrEqual(0);
      expect(tip.rect.bottom).toBeLessThanOrEqual(900);
    }
    await page.keyboard.press('Alt+Shift+Comma');
    tip = (await waitFor(async () => {
      const t = await readTooltip(page);
      return t && explains(t, order[firstInView + 39]!.text) ? t : undefined;
    }))!;
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await screenshot(page, 'tooltip-extension-keyboard');
    await page.keyboard.press('Escape');
    await closed(page);
  });

  test('the popup can reveal an entry: tifa:reveal scrolls to it and opens its tooltip', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await fixture.browser.askPage(page, { type: 'tifa:reveal', id: 'di-yi-shu-ji' })).toEqual({ found: true });
    const tip = await opened(page);
    expect(tip.term).toBe('第一书记');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await fixture.browser.askPage(page, { type: 'tifa:reveal', id: 'no-such-entry' })).toEqual({ found: false });
  });
});

describe('terms in other places', () => {
  test('inside an open shadow root', async () => {
    const page = await openPainted('tooltip/shadow.html', '两个维护');
    await hover(page, await termBox(page, '两个维护'));
    expect((await opened(page)).term).toBe('两个维护');
    await page.close();
  });

  test('inside an iframe', async () => {
    const page = await fixture.browser.open(fixture.server.url('tooltip/iframe.html'));
    const frame = page.frames().find((f) => f.url().endsWith('/tooltip/frame.html'))!;
    await waitFor(async () => (await paintedTerms(frame)).some((t) => t.text === '两个维护'), 10_000);
    const box = await termBox(frame, '两个维护');
    const origin = await page.evaluate(() => {
      const r = document.querySelector('iframe')!.getBoundingClientRect();
      return { x: r.x + 1, y: r.y + 1 };
    });
    await page.mouse.move(origin.x + box.x + box.width / 2, origin.y + box.y + box.height / 2, { steps: 4 });
    expect((await opened(frame)).term).toBe('两个维护');
    await screenshot(page, 'tooltip-extension-iframe');
    await page.close();
  });

  test("over a page's own open modal dialog", async () => {
    const page = await openPainted('tooltip/dialog.html', '民主集中制');
    await hover(page, await termBox(page, '民主集中制'));
    const tip = await opened(page);
    expect(await tooltipOnTopAt(page, { x: (tip.rect.left + tip.rect.right) / 2, y: (tip.rect.top + tip.rect.bottom) / 2 })).toBe(true);
    await screenshot(page, 'tooltip-extension-dialog');
    await page.close();
  });
});

test('an entry with markup in its fields, added through storage, shows the markup as text', async () => {
  const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/glossary.json'), 'utf8')) as { entries: unknown[] };
  // The stored page glossary's version changes with its entries' ids and terms (src/glossary/page-glossary.ts).
  const version = async () =>
    decodePageGlossary(
      await fixture.browser.serviceWorker.evaluate(async (key) => (await chrome.storage.local.get(key))[key] as unknown, PAGE_GLOSSARY_KEY),
    )?.version ?? '';
  const before = await version();
  await setUserGlossary(fixture.browser.serviceWorker, { entries: [...shipped.entries, markupEntry('markup-test')] });
  // This test is about rendering, so it opens the page once the background has published the new
  // page glossary (how an open page follows an edit is tested in highlight.e2e.ts).
  await waitFor(async () => (await version()) !== before, 10_000);
  const page = await openPainted('tooltip/xss.html', '测试提法');
  await expectMarkupShownAsText(page);
  await screenshot(page, 'tooltip-extension-markup-as-text');
  await page.close();
});
