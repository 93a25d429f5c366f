// The core journeys of the Chromium suite, in real Firefox ESR with the built Firefox package
// (.output/firefox-mv3) installed as a temporary add-on: a news page painted through the CSS Custom
// Highlight API with the page report to match, traditional text, editable fields left alone, the
// tooltip on hover (injected on demand by scripting.executeScript), an entry edited on the options
// page followed by the open page, the popup's site switch, and a long page read near the view first
// (an IntersectionObserver whose root is the document). One Firefox for the whole file.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_ORIGIN, FIREFOX_EXTENSION_DIR, KEY, launchFirefox, waitFor, type FirefoxBrowser, type Tab } from './harness';
import { WRAPPER_TAG } from '../../src/page/types';
import {
  addedToHtml,
  childFrameTally,
  clickByText,
  domMatchesSource,
  hover,
  openTooltip,
  painted,
  paintedTerms,
  pixelsNear,
  readTooltip,
  reportCounts,
  saysNothing,
  setUserGlossary,
  tally,
  termBox,
  TEST_GLOSSARY,
  testGlossaryWithout,
} from './support';
import { startFixtureServer, type FixtureServer } from '../e2e/server';
import { writeLongPage } from '../e2e/long-page-fixture';

let server: FixtureServer;
let ff: FirefoxBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** Opens a page and waits for the content script's first pass (the page report answers after it). */
async function openReported(page: string): Promise<Tab> {
  const tab = await ff.open(server.url(page));
  await waitFor(() => ff.pageReport(tab), 15_000);
  return tab;
}

/** The report once it satisfies `ready`. */
async function reportWhen(tab: Tab, ready: (counts: Record<string, number>) => boolean): Promise<Record<string, number>> {
  return (await waitFor(async () => {
    const counts = reportCounts(await ff.pageReport(tab));
    return ready(counts) ? counts : undefined;
  }, 10_000))!;
}

const paintedCount = (tab: Tab) =>
  tab.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h) => (n += h.size));
    return n;
  });

test('Firefox ESR 140 or later, with the Firefox package as Manifest V3', async () => {
  expect(Number(ff.version.split('.')[0])).toBeGreaterThanOrEqual(140);
  const manifest = await ff.control.evaluate(() => (globalThis as unknown as { browser: { runtime: { getManifest(): { manifest_version: number } } } }).browser.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
});

describe('the tooltip on the demo news page (shipped glossary)', () => {
  let tab: Tab;
  beforeAll(async () => {
    tab = await openReported('news/demo.html');
  });
  afterAll(() => tab.close());

  test('hovering a painted term explains it, in a tooltip injected only then', async () => {
    // Nothing of the tooltip is in the page until a term is hovered (src/tooltip/lazy.ts).
    expect(await addedToHtml(tab)).toEqual([]);
    const box = await termBox(tab, '两个维护');
    await hover(tab, box);
    const tip = await openTooltip(tab);
    expect(tip.inTopLayer).toBe(true);
    expect(tip.role).toBe('tooltip');
    expect(tip.labelText).toBe('两个维护');
    expect(tip.pinyin).toMatch(/liǎng/);
    expect(tip.official.length).toBeGreaterThan(0);
    expect(tip.category).toBe('口号提法 Slogan');
    expect(tip.summary).toHaveLength(2);
    expect(tip.rect.top).toBeGreaterThanOrEqual(box.y + box.height - 1);
    // All the page sees of it (issue 16): one element with a name that says nothing, no attribute but
    // `popover`, and a shadow root the page cannot open; gone again once the tooltip closes.
    const [host, ...more] = await addedToHtml(tab);
    expect(more).toEqual([]);
    expect(host!.tag.split('-').filter((part) => !saysNothing(part))).toEqual([]);
    expect(host!.attributes).toEqual(['popover=manual']);
    expect(host!.shadowRoot).toBe(false);
    await new Promise((r) => setTimeout(r, 250)); // the fade-in
    await tab.screenshot('tooltip-demo');
    await tab.press(KEY.Escape);
    await waitFor(async () => !(await readTooltip(tab)), 4000);
    expect(await addedToHtml(tab)).toEqual([]);
  });

  test('another term explains itself after moving there', async () => {
    await hover(tab, await termBox(tab, '三会一课'));
    expect((await openTooltip(tab)).term).toBe('三会一课');
    await tab.press(KEY.Escape);
    await waitFor(async () => !(await readTooltip(tab)), 4000);
  });

  test('Alt+Shift+. steps to the next painted terms in document order, with the tooltip open', async () => {
    await tab.mouseMove(5, 5); // away from any term
    await tab.evaluate(() => window.scrollTo(0, 0));
    const first = (await paintedTerms(tab)).filter((t) => t.y >= 0);
    await tab.press(KEY.Alt, KEY.Shift, '.');
    const tip = await openTooltip(tab);
    expect(tip.term).toBe(first[0]?.text);
    await tab.press(KEY.Alt, KEY.Shift, '.');
    await waitFor(async () => (await readTooltip(tab))?.term === first[1]?.text, 4000);
    await tab.press(KEY.Escape);
  });
});

describe('the popup (shipped glossary)', () => {
  test('lists exactly the page report’s terms; its site switch clears the page and brings it back', async () => {
    const page = await openReported('news/demo.html?popup');
    const report = await ff.pageReport(page);
    expect(report.enabled).toBe(true);
    expect(report.terms.length).toBeGreaterThan(10);
    const popup = await ff.openPopupFor(page);
    const listed = await waitFor(async () => {
      const terms = await popup.evaluate(() =>
        document.querySelector('main[aria-busy="false"]')
          ? [...document.querySelectorAll('.term')].map((b) => ({
              id: b.getAttribute('data-entry-id'),
              term: b.querySelector('.term-zh')?.textContent,
              count: Number(b.querySelector('.count')?.getAttribute('data-count')),
            }))
          : [],
      );
      return terms.length === report.terms.length ? terms : undefined;
    }, 10_000);
    expect(listed).toEqual(report.terms.map((t) => ({ id: t.id, term: t.term, count: t.count })));
    expect(await popup.evaluate(() => document.querySelector('.host')?.textContent)).toBe('127.0.0.1');
    await popup.screenshot('popup-terms');

    expect(await paintedCount(page)).toBeGreaterThan(0);
    await popup.clickElement('.controls [role="switch"]');
    await waitFor(async () => (await popup.evaluate(() => document.querySelector('.controls [role="switch"]')?.getAttribute('aria-checked'))) === 'false');
    await waitFor(async () => (await paintedCount(page)) === 0, 5000);
    expect((await ff.pageReport(page)).enabled).toBe(false);
    await popup.screenshot('popup-site-off');

    await popup.clickElement('.controls [role="switch"]');
    await waitFor(async () => (await paintedCount(page)) > 0, 5000);
    expect((await ff.pageReport(page)).enabled).toBe(true);
    await popup.close();
    await page.close();
  });
});

describe('with a small fixed glossary', () => {
  beforeAll(async () => {
    await setUserGlossary(ff, TEST_GLOSSARY);
  });

  describe('a simplified-Chinese news article', () => {
    let tab: Tab;
    beforeAll(async () => {
      tab = await openReported('pages/news-simplified.html');
    });
    afterAll(() => tab.close());

    test('the page report counts every term, including ones split across inline elements', async () => {
      const counts = await reportWhen(tab, (c) => c['tuo-pin-gong-jian'] === 1);
      expect(counts).toEqual({
        'shi-si-wu': 1,
        'si-ge-yi-shi': 1,
        'liang-ge-wei-hu': 3,
        'dang-zu': 1, // confirmed by jieba (WebAssembly in the background page): not the 党组 in 党组织
        'san-hui-yi-ke': 1,
        'dui-biao': 1, // not the 对表 in 对表格
        'hui-tou-kan': 1,
        'di-yi-shu-ji': 1,
        'dian-xiao-er': 1,
        'tuo-pin-gong-jian': 1,
      });
    });

    test('CSS.highlights holds exactly those ranges, none in editable areas, hidden parts or traps; the DOM is untouched', async () => {
      const ranges = await painted(tab);
      expect(tally(ranges)).toEqual({ 十四五: 1, 四个意识: 1, 两个维护: 3, 党组: 1, 三会一课: 1, 对表: 1, 回头看: 1, 第一书记: 1, 店小二: 1, 脱贫攻坚: 1 });
      expect(ranges.filter((r) => r.inTrap)).toEqual([]);
      // Under names that say nothing of Tifa or of the categories (issue 16).
      expect(ranges.filter((r) => !saysNothing(r.name))).toEqual([]);
      expect(await domMatchesSource(tab)).toBe(true);
      expect(await tab.evaluate((tag) => document.querySelectorAll(tag).length, WRAPPER_TAG)).toBe(0);
    });

    test('a screenshot shows the terms underlined', async () => {
      await tab.screenshot('highlight-news-simplified');
      expect(await pixelsNear(ff, tab, 'p.lead', '#d9730d')).toBeGreaterThan(40);
      expect(await pixelsNear(ff, tab, 'div.byline', '#d9730d')).toBe(0);
    });

    test("a page that clears the highlight registry gets the marks back (issue 16)", async () => {
      const before = await paintedCount(tab);
      expect(before).toBeGreaterThan(0);
      // The page's own script empties the registry it shares with the content script.
      expect(await tab.evaluate(() => (CSS.highlights.clear(), CSS.highlights.size))).toBe(0);
      await waitFor(async () => (await paintedCount(tab)) === before, 5000);
      expect(await pixelsNear(ff, tab, 'p.lead', '#d9730d')).toBeGreaterThan(40);
    });
  });

  test('a long page is read near the view first (the badge says "2+"); scrolling to its end reads the rest', async () => {
    const tab = await ff.open(server.url(writeLongPage()));
    const paintedNow = async () => tally(await painted(tab));
    await waitFor(async () => ((await paintedNow())['两个维护'] === 1 ? true : undefined), 15_000);
    const pageCount = () => ff.askPage<{ count: number; partial: boolean }>(tab, { type: 'tifa:page-count' });
    expect(await pageCount()).toMatchObject({ count: 2, partial: true });
    const tabId = await ff.tabIdOf(tab);
    const badge = () => ff.control.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId);
    expect(await waitFor(async () => ((await badge()) === '2+' ? true : undefined), 10_000)).toBe(true);
    expect(await paintedNow()).toEqual({ 两个维护: 1, 四个意识: 1 });
    // Jumped to the end, past the paragraph where reading stopped.
    await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const all = { 两个维护: 1, 四个意识: 1, 十四五: 1, 回头看: 1 };
    await waitFor(async () => (Object.keys(await paintedNow()).length === 4 ? true : undefined), 10_000);
    expect(await paintedNow()).toEqual(all);
    expect(await pageCount()).toMatchObject({ count: 4, partial: false });
    expect(await waitFor(async () => ((await badge()) === '4' ? true : undefined), 10_000)).toBe(true);
    await tab.screenshot('long-page-end');
    await tab.close();
  });

  test('a traditional-Chinese article matches the traditional forms; 黨組 inside 黨組織 is not painted', async () => {
    const tab = await openReported('pages/news-traditional.html');
    const counts = await reportWhen(tab, (c) => c['di-yi-shu-ji'] === 3);
    expect(counts).toMatchObject({ 'san-hui-yi-ke': 2, 'di-yi-shu-ji': 3, 'si-ge-yi-shi': 1, 'liang-ge-wei-hu': 1, 'shi-si-wu': 1, 'dian-xiao-er': 1, 'tuo-pin-gong-jian': 1 });
    expect(counts['dang-zu']).toBeUndefined();
    const ranges = tally(await painted(tab));
    expect(ranges).toMatchObject({ 兩個維護: 1, 四個意識: 1, 脫貧攻堅: 1, 第一書記: 3 });
    expect(ranges).not.toHaveProperty('黨組');
    await tab.screenshot('highlight-news-traditional');
    await tab.close();
  });

  test('a page with a strict Content-Security-Policy is painted too (the highlight style is a constructed sheet)', async () => {
    const tab = await openReported('pages/strict.csp.html');
    expect(reportCounts(await ff.pageReport(tab))).toEqual({
      'si-ge-yi-shi': 1,
      'liang-ge-wei-hu': 1,
      'san-hui-yi-ke': 1,
      'dang-zu': 1,
      'di-yi-shu-ji': 1,
      'dian-xiao-er': 1,
    });
    expect(await pixelsNear(ff, tab, 'p.lead', '#d9730d')).toBeGreaterThan(40);
    expect(await domMatchesSource(tab)).toBe(true);
    await tab.close();
  });

  test('open shadow roots are scanned and painted (the style adopted by the shadow root); closed ones are not', async () => {
    const tab = await openReported('pages/shadow.html');
    expect(reportCounts(await ff.pageReport(tab))).toEqual({ 'hui-tou-kan': 1, 'liang-ge-wei-hu': 1, 'si-ge-yi-shi': 1, 'dian-xiao-er': 1 });
    expect(tally(await painted(tab))).toEqual({ 回头看: 1, 两个维护: 1, 四个意识: 1, 店小二: 1 });
    expect(await pixelsNear(ff, tab, '#open-card', '#d9730d')).toBeGreaterThan(20);
    await tab.screenshot('highlight-shadow');
    await tab.close();
  });

  test('a same-origin iframe is painted by its own frame; the top frame shows its tooltips, as the frame is small', async () => {
    const tab = await openReported('pages/frame.html');
    const child = (await waitFor(async () => (await tab.frames()).find((f) => f.url.endsWith('frame-child.html'))))!.tab;
    await waitFor(async () => Object.keys(tally(await painted(child))).length === 3, 10_000);
    expect(tally(await painted(child))).toEqual({ 两个维护: 1, 四个意识: 1, 三会一课: 1 });
    expect(tally(await painted(tab))).toEqual({ 两个维护: 1 });
    // A 600 × 200 frame is too small for the tooltip: the top frame shows it (src/tooltip/frame-host.ts).
    const frameAt = await tab.evaluate(() => {
      const frame = document.getElementById('child')!;
      const r = frame.getBoundingClientRect();
      return { x: r.x + frame.clientLeft, y: r.y + frame.clientTop };
    });
    const inFrame = await termBox(child, '三会一课');
    await hover(tab, { ...inFrame, x: inFrame.x + frameAt.x, y: inFrame.y + frameAt.y });
    const tip = await openTooltip(tab);
    expect(tip.term).toBe('三会一课');
    // Beside the term, and reaching below the frame.
    expect(Math.abs(tip.rect.top - (frameAt.y + inFrame.y + inFrame.height))).toBeLessThan(16);
    expect(tip.rect.bottom).toBeGreaterThan(frameAt.y + 200);
    await new Promise((r) => setTimeout(r, 250));
    await tab.screenshot('tooltip-in-frame');
    await tab.close();
  });

  test("a small cross-site frame's tooltip is shown by the top frame too", async () => {
    const tab = await ff.open(server.url('tooltip/small-frame.html'));
    const child = (await waitFor(async () => (await tab.frames()).find((f) => f.url.endsWith('small-frame-inner.html')), 10_000))!.tab;
    expect(new URL(await child.evaluate(() => location.href)).host).not.toBe(new URL(server.origin).host);
    await waitFor(async () => Object.keys(tally(await painted(child))).includes('两个维护'), 10_000);
    const frameAt = await tab.evaluate(() => {
      const frame = document.querySelector('iframe')!;
      const r = frame.getBoundingClientRect();
      return { x: r.x + frame.clientLeft, y: r.y + frame.clientTop };
    });
    const inFrame = await termBox(child, '两个维护');
    // WebDriver BiDi's pointer actions on the tab do not reach a frame in another process: the
    // pointer is moved in the frame's own context.
    await hover(child, inFrame);
    const tip = await openTooltip(tab);
    expect(tip.term).toBe('两个维护');
    // Beside the term, in the top frame's viewport.
    const termBottom = frameAt.y + inFrame.y + inFrame.height;
    expect(tip.side === 'below' ? Math.abs(tip.rect.top - termBottom) : Math.abs(frameAt.y + inFrame.y - tip.rect.bottom)).toBeLessThan(16);
    expect(tip.rect.left).toBeLessThan(frameAt.x + inFrame.x + inFrame.width);
    expect(await readTooltip(child)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 250));
    await tab.screenshot('tooltip-small-cross-site-frame');
    await tab.close();
  });

  // KNOWN GAP, kept visible: src/page/report.ts adds up same-origin frames through an expando on each
  // frame's window in the content script's world. Chromium shares that world between same-origin
  // frames; Firefox gives each frame's content script its own sandbox, whose expandos other frames
  // never see, so the top report (the popup's list, the badge) leaves out the iframe's terms. This
  // test fails the day the report counts them in Firefox: then make it an ordinary test.
  test.fails('the top report counts the same-origin iframe’s terms too', async () => {
    const tab = await openReported('pages/frame.html');
    try {
      const child = (await waitFor(async () => (await tab.frames()).find((f) => f.url.endsWith('frame-child.html'))))!.tab;
      await waitFor(async () => Object.keys(tally(await painted(child))).length === 3, 10_000);
      expect(reportCounts(await ff.pageReport(tab))).toEqual({ 'liang-ge-wei-hu': 2, 'si-ge-yi-shi': 1, 'san-hui-yi-ke': 1 });
    } finally {
      await tab.close();
    }
  });

  test('editable fields are never painted, not even after typing a term into them', async () => {
    const tab = await openReported('pages/editable.html');
    expect(reportCounts(await ff.pageReport(tab))).toEqual({ 'liang-ge-wei-hu': 1, 'si-ge-yi-shi': 1 });
    await tab.clickElement('#editor p');
    await tab.press(KEY.End);
    await tab.type('回头看');
    await tab.clickElement('#notes');
    await tab.type('十四五');
    await waitFor(async () => (await tab.evaluate(() => document.getElementById('editor')?.textContent ?? '')).includes('回头看'));
    expect(await tab.evaluate(() => (document.getElementById('notes') as HTMLTextAreaElement).value)).toContain('十四五');
    await new Promise((r) => setTimeout(r, 400)); // give a (wrong) rescan time to happen
    const ranges = await painted(tab);
    expect(tally(ranges)).toEqual({ 两个维护: 1, 四个意识: 1 });
    expect(ranges.every((r) => r.parentTag === 'p')).toBe(true);
    expect(reportCounts(await ff.pageReport(tab))).toEqual({ 'liang-ge-wei-hu': 1, 'si-ge-yi-shi': 1 });
    await tab.close();
  });

  test('an entry edited on the options page: the open page follows without reload', async () => {
    const page = await openReported('pages/news-simplified.html?options');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    expect(tally(await painted(page))).not.toHaveProperty('服务群众');

    const options = await ff.openOptions('#entry=dian-xiao-er');
    await waitFor(async () => (await options.evaluate(() => (document.getElementById('f-term') as HTMLInputElement | null)?.value)) === '店小二', 10_000);
    // A variant typed into the form, then saved, as a user would.
    await options.clickElement('#f-variants');
    await options.type('服务群众');
    await clickByText(options, 'button', /^(保存|Save)$/);

    await reportWhen(page, (c) => c['dian-xiao-er'] === 2);
    await options.screenshot('options-edited-entry');
    // Back to the page: Firefox runs no animation frames in a hidden tab, and paints wait for one.
    await page.activate();
    await waitFor(async () => tally(await painted(page))['服务群众'] === 1);
    expect(tally(await painted(page))).toMatchObject({ 店小二: 1, 服务群众: 1 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // Switched off from the list: the page drops the term's highlights.
    await options.activate();
    await options.clickElement('#search');
    await options.type('dian-xiao-er');
    await waitFor(() => options.evaluate(() => !!document.querySelector('[data-entry-id="dian-xiao-er"] input[type=checkbox]')));
    await options.clickElement('[data-entry-id="dian-xiao-er"] input[type=checkbox]');
    await reportWhen(page, (c) => c['dian-xiao-er'] === undefined);
    await page.activate();
    await waitFor(async () => !('店小二' in tally(await painted(page))));
    const left = tally(await painted(page));
    expect(left).not.toHaveProperty('店小二');
    expect(left).not.toHaveProperty('服务群众');
    await options.close();
    await page.close();
    await setUserGlossary(ff, TEST_GLOSSARY);
  });

  test('a page shown again from the back/forward cache follows a glossary edit made while it was cached, in its top frame and its sub-frame', async () => {
    const page = await openReported('pages/frame.html?bfcache');
    // The same-origin child frame's highlights, read through its window in the page's.
    const childTally = () => page.evaluate(childFrameTally, 'child');
    const same = (a: Record<string, number>, b: Record<string, number>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
    await waitFor(async () => same(await childTally(), { 四个意识: 1, 三会一课: 1, 两个维护: 1 }), 10_000);
    expect(tally(await painted(page))).toEqual({ 两个维护: 1 });
    await page.evaluate(() => addEventListener('pageshow', (e) => ((window as unknown as { restored: boolean }).restored = e.persisted)));

    await page.goto(server.url('popup/no-terms.html'));
    await setUserGlossary(ff, testGlossaryWithout('san-hui-yi-ke', 'liang-ge-wei-hu'));
    // Time for the background to tell the open pages (the cached one is not among them).
    await new Promise((resolve) => setTimeout(resolve, 1000));

    await page.back();
    await waitFor(() => page.evaluate(() => (window as unknown as { restored?: boolean }).restored === true), 5000);
    await waitFor(async () => Object.keys(tally(await painted(page))).length === 0, 10_000);
    await waitFor(async () => same(await childTally(), { 四个意识: 1 }), 10_000);
    await page.screenshot('firefox-back-forward-after-edit');

    // And it is told of the next edit, as any open page is.
    await setUserGlossary(ff, TEST_GLOSSARY);
    await waitFor(async () => tally(await painted(page))['两个维护'] === 1, 10_000);
    await waitFor(async () => (await childTally())['三会一课'] === 1, 10_000);
    await page.close();
  });
});

test('the options page finds candidate terms in a speech with jieba (WebAssembly in an extension page)', async () => {
  const options = await ff.openOptions('#extract');
  await waitFor(() => options.evaluate(() => !!document.getElementById('speech')), 10_000);
  await options.clickElement('#speech');
  await options.type('会议要求，深化“接诉即办”改革，落实“三会一课”制度。各地要推进“接诉即办”，做到“未诉先办”。');
  await clickByText(options, 'button', /查找候选词|Find candidates/);
  const terms = (await waitFor(
    () => options.evaluate(() => (document.querySelector('table.candidates') ? [...document.querySelectorAll('table.candidates tbody th .term')].map((t) => t.textContent) : undefined)),
    20_000,
  ))!;
  expect(terms).toContain('接诉即办');
  expect(terms).not.toContain('三会一课'); // already in the glossary
  await options.screenshot('options-extract');
  await options.close();
});

// Known, not fixed: Firefox injects the new version's content script into open pages itself, but it
// unloads the old version's before that can take its marks away (its timer stops), and the marks
// stay registered in the page's highlight registry beside the new ones, under names nothing can tell
// from the page's own (random, so that no page can tell Tifa from them). The old ones go with a reload.
test.fails('after an update, a page open before it runs the new version: no mark twice, and it follows a glossary edit', async () => {
  await setUserGlossary(ff, TEST_GLOSSARY);
  const page = await openReported('pages/frame.html?update');
  const child = async () => (await waitFor(async () => (await page.frames()).find((f) => f.url.endsWith('frame-child.html'))?.tab, 5000))!;
  await waitFor(async () => tally(await painted(await child()))['三会一课'] === 1, 10_000);
  expect(tally(await painted(page))).toEqual({ 两个维护: 1 });
  // Each instance registers its highlights under names of its own (random).
  const oldNames = new Set([...(await painted(page)), ...(await painted(await child()))].map((p) => p.name));
  /** What the frame shows, once no highlight of the old instance is left in it. */
  const renewed = async (tab: Tab) => {
    const now = await painted(tab);
    return now.some((p) => oldNames.has(p.name)) ? undefined : tally(now);
  };

  // The add-on installed again from its folder: an update, as Firefox applies one (the control
  // tab, an extension page of the old version, closes with it).
  await ff.bidi.send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });
  ff.control = await ff.open(`${EXTENSION_ORIGIN}/popup.html`);
  await page.activate();
  expect(await waitFor(() => renewed(page), 5000)).toEqual({ 两个维护: 1 });
  expect(await waitFor(async () => renewed(await child()), 10_000)).toEqual({ 两个维护: 1, 四个意识: 1, 三会一课: 1 });

  await setUserGlossary(ff, testGlossaryWithout('san-hui-yi-ke', 'liang-ge-wei-hu'));
  await page.activate();
  await waitFor(async () => Object.keys(tally(await painted(page))).length === 0, 10_000);
  await waitFor(async () => JSON.stringify(tally(await painted(await child()))) === JSON.stringify({ 四个意识: 1 }), 10_000);
  await page.screenshot('firefox-extension-update');
  await page.close();
  await setUserGlossary(ff, TEST_GLOSSARY);
});

test('the extension made no network request of its own', () => {
  expect(ff.foreignRequests).toEqual([]);
});
