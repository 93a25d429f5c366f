// What a page can learn of Tifa (issue 16: "the page should not learn that Tifa is there"). Some sites
// probe for extensions, and a reader's reading is nobody's business. The highlight registry is
// shared with the page, so that *something* paints cannot be hidden; that it is Tifa, and what it
// found, can. The fixture page's own script (test/fixtures/pages/probing.html, in the page's world)
// reads what a probing site would: the highlight names, the adopted style sheets, the performance
// timeline and every element added to its document; and it clears the registry, as a hostile page
// or a framework resetting its own highlights would.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CATEGORIES } from '../../src/glossary/categories';
import { EVERY_OCCURRENCE, screenshot, waitFor } from './harness';
import { pixelsNear, saysNothing } from './highlight-support';
import { hover, paintedTerms, readTooltip, termBox, tooltipAtRest } from './tooltip-helpers';
import { useExtensionBrowser } from './use-extension';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };

/** One colour for every category, so the pixel checks do not depend on the default colours. */
const MARK = '#1a7f37';
const fixture = useExtensionBrowser({
  settings: { ...EVERY_OCCURRENCE, categoryColors: Object.fromEntries(CATEGORIES.map((c) => [c, MARK])) },
});

interface Described {
  tag: string;
  attributes: string[];
  parent: string | null;
  shadowRoot: boolean;
}

/** What the fixture page's own script reads (window.probe.read()). */
interface PageView {
  highlights: Array<{ name: string; size: number }>;
  rules: string[];
  timeline: Array<{ type: string; name: string }>;
  /** Children of <html> besides <head> and <body>. */
  extra: Described[];
  everyAttribute: string[];
  /** Elements added to the document since it loaded, and the tags of those removed. */
  added: Described[];
  removed: string[];
  /** Names of the document's animations seen in any frame. */
  animations: string[];
}

/** The fixture page's own script (window.probe). */
interface Probe {
  read(): PageView;
  clearHighlights(): number;
  deleteHighlight(name: string): boolean;
  dropSheets(): number;
}

const read = (page: Page) => page.evaluate(() => (window as unknown as { probe: Probe }).probe.read());
const clearHighlights = (page: Page) => page.evaluate(() => (window as unknown as { probe: Probe }).probe.clearHighlights());
const deleteHighlight = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { probe: Probe }).probe.deleteHighlight(n), name);
const dropSheets = (page: Page) => page.evaluate(() => (window as unknown as { probe: Probe }).probe.dropSheets());

/** The probing page, painted and settled (the page report is answered after the first pass). */
async function openProbing(): Promise<Page> {
  const page = await fixture.browser.open(fixture.server.url('pages/probing.html'));
  await waitFor(async () => (await paintedTerms(page)).some((t) => t.text === '两个维护'), 10_000);
  await fixture.browser.pageReport(page);
  return page;
}

const mentionsTifa = (text: string) => /tifa|提法/i.test(text);

describe('a page probing for extensions', () => {
  test('reads highlight names and rules that name neither Tifa nor what was found, new on every page', async () => {
    const page = await openProbing();
    const view = await read(page);
    const painted = view.highlights.filter((h) => h.size > 0);
    expect(painted.length).toBeGreaterThan(0);
    expect(view.highlights.map((h) => h.name).filter((name) => !saysNothing(name))).toEqual([]);
    // The only adopted sheet rules are ::highlight() rules on the root, for the registry's names and nothing else.
    expect(view.rules.length).toBe(view.highlights.length);
    for (const rule of view.rules) {
      const name = /^:root::highlight\(([^)]*)\)/.exec(rule)?.[1] ?? '';
      expect(view.highlights.map((h) => h.name)).toContain(name);
      // Besides the (random) name: colours and text decoration only.
      const declarations = rule.replace(name, '');
      expect(mentionsTifa(declarations)).toBe(false);
      for (const category of CATEGORIES) expect(declarations).not.toContain(category);
    }
    await screenshot(page, 'privacy-probing-page');
    // Another page (the same one, loaded again) gets other names: nothing stable to look for.
    await page.reload();
    await waitFor(async () => (await paintedTerms(page)).some((t) => t.text === '两个维护'), 10_000);
    const again = (await read(page)).highlights.map((h) => h.name);
    expect(again.filter((name) => view.highlights.some((h) => h.name === name))).toEqual([]);
    await page.close();
  });

  test('finds nothing of Tifa in its performance timeline, before or after a tooltip', async () => {
    const page = await openProbing();
    const noMarks = (view: PageView) => view.timeline.filter((e) => e.type === 'mark' || e.type === 'measure' || mentionsTifa(e.name) || e.name.startsWith('chrome-extension:'));
    expect(noMarks(await read(page))).toEqual([]);
    await hover(page, await termBox(page, '两个维护'));
    await waitFor(() => readTooltip(page), 5000);
    expect(noMarks(await read(page))).toEqual([]);
    await page.close();
  });

  test('sees no element of Tifa until a tooltip shows: then one neutral element, its shadow root closed, gone when it closes', async () => {
    const page = await openProbing();
    const before = await read(page);
    expect(before.added).toEqual([]);
    expect(before.extra).toEqual([]);

    await hover(page, await termBox(page, '两个维护'));
    const tip = (await waitFor(() => readTooltip(page), 5000))!;
    expect(tip.term).toBe('两个维护');
    expect(tip.inTopLayer).toBe(true);
    const open = await read(page);
    // One element, put at the end of <html>: a random name, no attribute but `popover` (which puts it
    // in the top layer), and no shadow root the page can open.
    expect(open.added).toHaveLength(1);
    expect(open.extra).toHaveLength(1);
    const host = open.extra[0]!;
    expect(host).toEqual(open.added[0]);
    expect(host.parent).toBe('html');
    expect(host.tag.split('-').filter((part) => !saysNothing(part))).toEqual([]);
    expect(host.attributes).toEqual(['popover=manual']);
    expect(host.shadowRoot).toBe(false);
    expect(open.everyAttribute.filter(mentionsTifa)).toEqual([]);
    // The opening animation runs in the closed shadow tree: nothing named shows in the document's.
    expect(open.animations.filter(mentionsTifa)).toEqual([]);
    await tooltipAtRest(page);
    await screenshot(page, 'privacy-probing-tooltip-open');

    await page.keyboard.press('Escape');
    await waitFor(async () => !(await readTooltip(page)), 4000);
    const closed = await read(page);
    expect(closed.extra).toEqual([]);
    expect(closed.removed).toEqual([host.tag]);

    // The next tooltip brings it back, and takes it away again.
    await hover(page, await termBox(page, '三会一课'));
    expect((await waitFor(() => readTooltip(page), 5000))!.term).toBe('三会一课');
    expect((await read(page)).extra.map((e) => e.tag)).toEqual([host.tag]);
    await page.keyboard.press('Escape');
    await waitFor(async () => (await read(page)).extra.length === 0, 4000);
    await page.close();
  });
});

describe('a page that clears the highlight registry', () => {
  /** Ranges in the registry, all of it (the page registers none of its own). */
  const rangeCount = async (page: Page) => (await read(page)).highlights.reduce((n, h) => n + h.size, 0);

  test('CSS.highlights.clear(): the marks come back', async () => {
    const page = await openProbing();
    const painted = await rangeCount(page);
    expect(painted).toBeGreaterThan(0);
    expect(await pixelsNear(page, '#first', MARK)).toBeGreaterThan(20);
    // The page's own script clears the registry: nothing is left at that moment.
    expect(await clearHighlights(page)).toBe(0);
    await waitFor(async () => (await rangeCount(page)) === painted, 5000);
    await waitFor(async () => (await pixelsNear(page, '#first', MARK)) > 20, 5000);
    await screenshot(page, 'privacy-highlights-cleared-and-restored');
    // And hovering explains what is marked, as before.
    await hover(page, await termBox(page, '四个意识'));
    expect((await waitFor(() => readTooltip(page), 5000))!.term).toBe('四个意识');
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('one highlight deleted, or the adopted sheets replaced: put back too', async () => {
    const page = await openProbing();
    const view = await read(page);
    const painted = await rangeCount(page);
    const busiest = view.highlights.reduce((a, b) => (b.size > a.size ? b : a));
    expect(await deleteHighlight(page, busiest.name)).toBe(true);
    expect(await rangeCount(page)).toBe(painted - busiest.size);
    await waitFor(async () => (await rangeCount(page)) === painted, 5000);
    // A framework assigning its own list of sheets drops Tifa's: the highlights would go unstyled.
    expect(await dropSheets(page)).toBe(0);
    await waitFor(async () => (await read(page)).rules.length === view.rules.length, 5000);
    await waitFor(async () => (await pixelsNear(page, '#second', MARK)) > 20, 5000);
    await page.close();
  });

  // Tifa adopts its sheet as its script starts, before it knows the site's rule (src/page/paint.ts,
  // paintStyledNow): on a site switched off, it must take it away again.
  test('on a site switched off: no sheet and no highlight of Tifa stay', async () => {
    const url = fixture.server.url('pages/probing.html');
    const worker = fixture.browser.serviceWorker;
    const before = await worker.evaluate(async () => (await chrome.storage.local.get('settings'))['settings'] as object);
    const off = { ...before, siteRules: [{ host: new URL(url).hostname, includeSubdomains: false, enabled: false }] };
    await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), off);
    try {
      const page = await fixture.browser.open(url);
      // Answered once the site's rule was applied.
      expect((await fixture.browser.pageReport(page)).enabled).toBe(false);
      const view = await read(page);
      expect(view.highlights).toEqual([]);
      expect(view.rules).toEqual([]);
      await screenshot(page, 'privacy-site-off');
      await page.close();
    } finally {
      await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), before);
    }
  });
});
