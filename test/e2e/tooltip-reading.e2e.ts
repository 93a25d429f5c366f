// What a reader needs of the tooltip (issue 16), in the built extension: what matters at a glance
// within half the viewport, the rest one click or one key away; the page painted in the colours the
// settings show; the Chinese in the page's own script; the current occurrence marked while stepping;
// the "since" line in full; the English copied in one action.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CATEGORIES } from '@/src/glossary/categories';
import type { Entry } from '@/src/glossary/schema';
import { toSimplified } from '@/src/glossary/simplify';
import { ROOT, screenshot as save, waitFor } from './harness';
import { pixelsNearEach, type Rect } from './highlight-support';
import { FIXTURES_DIR } from './server';
import { explains, hover, inTooltip, openedTooltip, openPainted, paintedTerms, readTooltip, termBox, type TermBox } from './tooltip-helpers';
import { useExtensionBrowser } from './use-extension';

const VIEWPORT = { width: 1280, height: 900 };
const fixture = useExtensionBrowser({ viewport: VIEWPORT });

const shipped: Entry[] = ['glossary.json', 'national.json'].flatMap(
  (file) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'data', file), 'utf8')) as { entries: Entry[] }).entries,
);
const findEntry = (term: string): Entry | undefined => shipped.find((e) => e.term === term);
const entryOf = (term: string): Entry => {
  const entry = findEntry(term);
  if (!entry) throw new Error(`no shipped entry ${term}`);
  return entry;
};

/** Screenshots wait out the tooltip's short fade-in. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(200);
  await save(page, name);
}

const open = (file: string, term: string) => openPainted(fixture.browser, fixture.server.url(file), term);
const closed = (page: Page) => waitFor(async () => !(await readTooltip(page)), 4000);

/** What of the open tooltip lies inside its visible (not scrolled away) content, and its size. */
async function glance(page: Page) {
  const seen = await inTooltip(page, (root) => {
    const panel = root.querySelector<HTMLElement>('.panel.open')!;
    const scroller = root.querySelector<HTMLElement>('.scroll')!;
    const view = scroller.getBoundingClientRect();
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= view.top - 0.5 && r.bottom <= view.bottom + 0.5;
    };
    const all = (selector: string) => [...root.querySelectorAll(selector)];
    return {
      height: panel.getBoundingClientRect().height,
      scrolls: scroller.scrollHeight > scroller.clientHeight + 1,
      atAGlance: ['.term', '.pinyin', '.official', '.summary-text', '.component'].map((selector) => ({
        selector,
        count: all(selector).length,
        seen: all(selector).every(seen),
      })),
      explanationShown: all('.explanation-text').some((el) => el.getBoundingClientRect().height > 0),
      /** The start of the details (their first paragraph) is on screen inside the tooltip. */
      detailsStartSeen: (() => {
        const first = root.querySelector('.details > *');
        if (!first) return false;
        const r = first.getBoundingClientRect();
        return r.height > 0 && r.top >= view.top - 0.5 && r.top < view.bottom;
      })(),
    };
  });
  if (!seen) throw new Error('no tooltip is open');
  return seen;
}

/** The centre of an element of the open tooltip. */
async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const centre = await inTooltip(
    page,
    (root, sel) => {
      const r = root.querySelector(sel)!.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    selector,
  );
  if (!centre) throw new Error('no tooltip is open');
  return centre;
}

/** Moves the mouse from the term into the tooltip and clicks `selector` there, as a hand would. */
async function clickInTooltip(page: Page, selector: string): Promise<void> {
  const tip = (await readTooltip(page))!;
  await page.mouse.move(tip.rect.left + 30, tip.rect.top + 20, { steps: 4 });
  const at = await centreOf(page, selector);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await page.mouse.click(at.x, at.y);
}

describe('the compact tooltip', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('tooltip/long-entries.html', '十四个坚持');
  });
  afterAll(() => page.close());

  test('the fixture holds the entries with the most text and the most items', () => {
    const html = fs.readFileSync(path.join(FIXTURES_DIR, 'tooltip/long-entries.html'), 'utf8');
    const size = (e: Entry) => JSON.stringify([e.english, e.summary, e.explanation, e.components, e.source, e.speechRole, e.sources, e.since]).length;
    const most = <T,>(by: (e: Entry) => T) => [...shipped].sort((a, b) => Number(by(b)) - Number(by(a)))[0]!;
    expect(html).toContain(most(size).term);
    expect(html).toContain(most((e) => e.components.length).term);
  });

  test('the tallest entries fit half the viewport, with term, pinyin, English, summary and every item in view', async () => {
    const terms = (await paintedTerms(page)).map((t) => t.text);
    expect(terms.length).toBeGreaterThanOrEqual(7);
    for (const term of terms) {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await closed(page);
      await hover(page, await termBox(page, term));
      expect((await openedTooltip(page)).term).toBe(term);
      const seen = await glance(page);
      expect(seen.height, term).toBeLessThanOrEqual(VIEWPORT.height / 2);
      expect(seen.scrolls, `${term} scrolls at a glance`).toBe(false);
      for (const part of seen.atAGlance) {
        if (part.selector === '.component' && entryOf(term).components.length === 0) continue;
        expect(part.count, `${term} ${part.selector}`).toBeGreaterThan(0);
        expect(part.seen, `${term} ${part.selector} in view`).toBe(true);
      }
      expect(seen.explanationShown, `${term}: the explanation waits for "More"`).toBe(false);
      if (term === '十四个坚持') await screenshot(page, 'tooltip-compact');
    }
  });

  test('the details are one click away: "More" shows the explanation, the quote and the sources', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await closed(page);
    await hover(page, await termBox(page, '新时代党的组织路线'));
    await openedTooltip(page);
    expect((await glance(page)).explanationShown).toBe(false);
    await clickInTooltip(page, '.more');
    const seen = await glance(page);
    expect(seen.explanationShown).toBe(true);
    expect(seen.detailsStartSeen).toBe(true);
    const tip = (await readTooltip(page))!;
    expect(tip.pinned).toBe(true);
    expect(tip.quote.length).toBeGreaterThan(0);
    expect(await inTooltip(page, (root) => root.querySelector('.more')!.getAttribute('aria-expanded'))).toBe('true');
    await screenshot(page, 'tooltip-more');
    // And back.
    await clickInTooltip(page, '.more');
    expect((await glance(page)).explanationShown).toBe(false);
  });

  test('and one key away: M shows and hides them; the button says so', async () => {
    await page.mouse.click(5, 5);
    await closed(page);
    await hover(page, await termBox(page, '两个维护'));
    await openedTooltip(page);
    expect(await inTooltip(page, (root) => root.querySelector('.more')!.textContent)).toMatch(/More\s*M$/);
    await page.keyboard.press('m');
    await waitFor(async () => (await glance(page)).explanationShown, 2000);
    expect((await glance(page)).detailsStartSeen).toBe(true);
    await page.keyboard.press('m');
    await waitFor(async () => !(await glance(page)).explanationShown, 2000);
  });
});

test('every category is painted in the colour the settings show for it', async () => {
  const options = await fixture.browser.openOptions('#settings');
  const shown = Object.fromEntries(
    await Promise.all(CATEGORIES.map(async (c) => [c, await options.locator(`#color-${c}`).inputValue()] as const)),
  );
  await options.close();
  const page = await open('news/demo.html', '两个维护');
  const painted = await paintedTerms(page);
  // One painted term of each category on the page, written as the entry's term.
  const samples: Array<{ category: string; box: TermBox }> = [];
  for (const category of CATEGORIES) {
    const box = painted.find((t) => findEntry(t.text)?.category === category && t.y > 60 && t.y < VIEWPORT.height - 40);
    if (box) samples.push({ category, box });
  }
  expect(samples.length).toBeGreaterThanOrEqual(6);
  // The underline: a band from the lower part of the text's line box to a little under it.
  const bands: Rect[] = samples.map(({ box }) => ({ x: box.x, y: box.y + box.height * 0.6, width: box.width, height: box.height * 0.4 + 8 }));
  for (const [i, { category, box }] of samples.entries()) {
    const [near = 0] = await pixelsNearEach(page, [bands[i]!], shown[category]!, 24);
    expect(near, `${category} (${box.text}) painted in ${shown[category]}`).toBeGreaterThanOrEqual(box.width);
  }
  await page.close();
});

test('on a traditional-character page the tooltip writes its Chinese in traditional characters', async () => {
  const page = await open('pages/news-traditional.html', '第一書記');
  for (const [written, term] of [
    ['第一書記', '第一书记'],
    // The same in both scripts: the page around it says which to use.
    ['十四五', '十四五'],
  ] as const) {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await closed(page);
    await hover(page, await termBox(page, written));
    const entry = entryOf(term);
    const tip = await waitFor(async () => {
      const t = await readTooltip(page);
      return t && t.summary[0] !== entry.summary.zh ? t : undefined;
    }, 6000);
    expect(tip, `${written}: the summary stays simplified`).toBeDefined();
    expect(tip!.term).toBe(written);
    expect(tip!.variant).toBe(''); // no "written here as": it is written as shown
    expect(toSimplified(tip!.summary[0]!)).toBe(entry.summary.zh);
    expect(tip!.summary[1]).toBe(entry.summary.en);
    expect(await inTooltip(page, (root) => root.querySelector('.term')!.getAttribute('lang'))).toMatch(
      /^zh-Hant/,
    );
    if (written === '第一書記') await screenshot(page, 'tooltip-traditional');
  }
  // A simplified page keeps the glossary's own characters.
  const simplified = await open('news/demo.html', '第一书记');
  await hover(simplified, await termBox(simplified, '第一书记'));
  await simplified.waitForTimeout(500); // any conversion would have arrived
  expect((await readTooltip(simplified))!.summary[0]).toBe(entryOf('第一书记').summary.zh);
  await simplified.close();
  await page.close();
});

describe('on the demo news page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('news/demo.html', '两个维护');
  });
  afterAll(() => page.close());

  /** The mark of the current occurrence (src/tooltip/current-mark.ts). */
  const MARK = '#ffd866';

  /** The painted occurrences in view carrying the current-occurrence mark (one screenshot). */
  async function marked(): Promise<TermBox[]> {
    const seen = new Set<string>();
    const boxes = (await paintedTerms(page)).filter((t) => {
      const key = `${t.x},${t.y}`;
      if (seen.has(key) || t.y < 0 || t.y + t.height > VIEWPORT.height) return false;
      seen.add(key);
      return true;
    });
    const near = await pixelsNearEach(page, boxes, MARK, 20);
    return boxes.filter((b, i) => (near[i] ?? 0) > (b.width * b.height) / 4);
  }

  test('stepping marks the current occurrence, and only it', async () => {
    await page.mouse.move(5, 5);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await marked()).toEqual([]);
    await page.keyboard.press('Alt+Shift+Period');
    const first = await openedTooltip(page);
    await page.waitForTimeout(200); // the fade-in
    let now = await marked();
    expect(now).toHaveLength(1);
    expect(explains(first, now[0]!.text)).toBe(true);
    const firstBox = now[0]!;
    await screenshot(page, 'tooltip-step-current');
    await page.keyboard.press('Alt+Shift+Period');
    // The mark moves on to the next occurrence, which the tooltip now explains.
    now = (await waitFor(async () => {
      const boxes = await marked();
      return boxes.length === 1 && (boxes[0]!.x !== firstBox.x || boxes[0]!.y !== firstBox.y) ? boxes : undefined;
    }))!;
    expect(now[0]!.y > firstBox.y || (now[0]!.y === firstBox.y && now[0]!.x > firstBox.x)).toBe(true);
    expect(explains((await readTooltip(page))!, now[0]!.text)).toBe(true);
    await page.keyboard.press('Escape');
    await closed(page);
    expect(await marked()).toEqual([]);
    // Hovering needs no mark: the pointer is on the term.
    await hover(page, await termBox(page, '三会一课'));
    await openedTooltip(page);
    expect(await marked()).toEqual([]);
    await page.keyboard.press('Escape');
    await closed(page);
  });

  test('"since" is shown in full, however long', async () => {
    const entry = entryOf('中心工作');
    expect(entry.since!.length).toBeGreaterThan(60);
    await page.mouse.move(5, 5);
    await hover(page, await termBox(page, '中心工作'));
    await openedTooltip(page);
    await page.keyboard.press('m');
    const since = await waitFor(() =>
      inTooltip(page, (root) => {
        const el = root.querySelector<HTMLElement>('.since');
        const panel = root.querySelector('.panel')!.getBoundingClientRect();
        if (!el || el.getBoundingClientRect().height === 0) return undefined;
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', cut: el.scrollWidth > el.clientWidth + 1, inside: r.left >= panel.left && r.right <= panel.right };
      }),
    );
    expect(since!.text).toContain(entry.since);
    expect(since!.cut).toBe(false);
    expect(since!.inside).toBe(true);
    await page.keyboard.press('Escape');
    await closed(page);
  });

  test('Copy puts the official English on the clipboard in one click, or with C', async () => {
    await fixture.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fixture.server.origin });
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.mouse.move(5, 5);
    await hover(page, await termBox(page, '两个维护'));
    await openedTooltip(page);
    await clickInTooltip(page, '.copy');
    await expect.poll(clipboard, { timeout: 3000 }).toBe(entryOf('两个维护').english[0]);
    await expect
      .poll(() => inTooltip(page, (root) => root.querySelector('.copy')!.textContent), { timeout: 3000 })
      .toMatch(/Copied/);
    await screenshot(page, 'tooltip-copied');
    await page.mouse.click(5, 5);
    await closed(page);

    await hover(page, await termBox(page, '三会一课'));
    await openedTooltip(page);
    await page.keyboard.press('c');
    await expect.poll(clipboard, { timeout: 3000 }).toBe(entryOf('三会一课').english[0]);
    await page.keyboard.press('Escape');
    await closed(page);
  });
});
