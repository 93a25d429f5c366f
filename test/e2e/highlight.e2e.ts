// Finding and painting terms on real-looking pages, in Chromium with the built extension.
// The user's glossary is set to a small fixed one (highlight-support.ts), so counts are exact.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { generateNewsText } from '../bench/generate';
import { launchWithExtension, screenshot, waitFor, type ExtensionBrowser } from './harness';
import {
  bundleReactFixture,
  domMatchesSource,
  mutationCount,
  mutationsSince,
  NEWS_SIMPLIFIED_PAINTED,
  painted,
  pixelsNear,
  recordMutations,
  reportCounts,
  saysNothing,
  setUserGlossary,
  setUserSettings,
  tally,
  TEST_GLOSSARY,
  testGlossaryWithout,
} from './highlight-support';
import { FIXTURES_DIR, startFixtureServer, type FixtureServer } from './server';

declare const chrome: {
  storage: Record<'local' | 'session', { get(keys: string[]): Promise<Record<string, unknown>>; set(items: object): Promise<void> }>;
};

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  await bundleReactFixture();
  server = await startFixtureServer();
  browser = await launchWithExtension({ allowedOrigins: [server.origin] });
  await setUserGlossary(browser, TEST_GLOSSARY);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a fixture page, recording DOM mutations from before the first script on. */
async function open(page: string): Promise<Page> {
  const tab = await browser.context.newPage();
  await recordMutations(tab);
  await tab.goto(server.url(`pages/${page}`));
  return tab;
}

/** The report once it satisfies `ready` (the page changes after load in some tests). */
async function reportWhen(page: Page, ready: (counts: Record<string, number>) => boolean) {
  return waitFor(async () => {
    const counts = reportCounts(await browser.pageReport(page));
    return ready(counts) ? counts : undefined;
  }, 8000);
}

describe('a simplified-Chinese news article', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('news-simplified.html');
  });
  afterAll(() => page.close());

  test('the page report counts every term, including ones split across inline elements', async () => {
    const report = await browser.pageReport(page);
    expect(report.enabled).toBe(true);
    expect(reportCounts(report)).toEqual({
      'shi-si-wu': 1,
      'si-ge-yi-shi': 1,
      'liang-ge-wei-hu': 3, // <b>两个</b>维护 once, and twice around a <br>
      'dang-zu': 1, // 党委（党组）, confirmed by segmentation; not the 党组 in 党组织
      'san-hui-yi-ke': 1, // “三会</a>一课”
      'dui-biao': 1, // 对标对表; not the 对表 in 对表格
      'hui-tou-kan': 1,
      'di-yi-shu-ji': 1,
      'dian-xiao-er': 1,
      'tuo-pin-gong-jian': 1, // <em>脱贫</em><span>攻坚</span>
    });
    expect(report.terms.find((t) => t.id === 'liang-ge-wei-hu')?.term).toBe('两个维护');
  });

  test('CSS.highlights holds exactly those ranges, none in editable areas, hidden parts or traps', async () => {
    const ranges = await painted(page);
    expect(tally(ranges)).toEqual(NEWS_SIMPLIFIED_PAINTED);
    expect(ranges.filter((r) => r.inTrap)).toEqual([]);
    // Category highlights under names that say nothing (page-privacy.e2e.ts tests what a page can read).
    expect(ranges.filter((r) => !saysNothing(r.name))).toEqual([]);
  });

  test('the page DOM is exactly as the page built it: no element, attribute or text added', async () => {
    const { same, live, parsed } = await domMatchesSource(page);
    expect(live.length).toBe(parsed.length);
    expect(same).toBe(true);
    // And nothing was mutated after the parser finished (the page's scripts here change nothing).
    expect(await mutationsSince(page, 0)).toEqual([]);
  });

  test('a screenshot shows the terms underlined', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const file = await screenshot(page, 'highlight-news-simplified');
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    // The default underline colour appears under the lead paragraph's terms.
    expect(await pixelsNear(page, 'p.lead', '#d9730d')).toBeGreaterThan(40);
    expect(await pixelsNear(page, 'div.byline', '#d9730d')).toBe(0);
  });
});

test('a traditional-Chinese article matches the traditional forms of the terms', async () => {
  const page = await open('news-traditional.html');
  const report = await browser.pageReport(page);
  expect(reportCounts(report)).toMatchObject({
    'san-hui-yi-ke': 2, // 「三會一課」 in the title and <b>三會</b>一課 in the text
    'di-yi-shu-ji': 3,
    'si-ge-yi-shi': 1,
    'liang-ge-wei-hu': 1,
    'shi-si-wu': 1,
    'dian-xiao-er': 1,
    'tuo-pin-gong-jian': 1,
  });
  expect(tally(await painted(page))).toMatchObject({ 兩個維護: 1, 四個意識: 1, 脫貧攻堅: 1, 第一書記: 3 });
  await screenshot(page, 'highlight-news-traditional');
  await page.close();
});

test('an ambiguous term in traditional text is confirmed as a word: 黨組 is not painted inside 黨組織', async () => {
  const page = await open('news-traditional.html');
  const counts = reportCounts(await browser.pageReport(page));
  expect(counts['dang-zu']).toBeUndefined();
  expect(tally(await painted(page))).not.toHaveProperty('黨組');
  await page.close();
});

// The early check (src/page/chinese-text.ts) asks an English page's text a child of the body at a
// time and walks only a page declared Chinese first: either way a term quoted deep in an English
// article is found, and a script's Han characters are not text.
test.each(['english-quote.html', 'english-quote.html?zh'])('a Chinese term quoted at the end of an English article is highlighted (%s)', async (file) => {
  const page = await open(file);
  const counts = await reportWhen(page, (c) => c['liang-ge-wei-hu'] === 1);
  expect(counts).toEqual({ 'liang-ge-wei-hu': 1 });
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(file.endsWith('?zh') ? 'zh-CN' : 'en');
  await page.locator('#quote').scrollIntoViewIfNeeded();
  const ranges = await waitFor(async () => {
    const now = await painted(page);
    return now.length ? now : undefined;
  }, 8000);
  expect(tally(ranges ?? [])).toEqual({ 两个维护: 1 });
  if (file === 'english-quote.html') await screenshot(page, 'highlight-english-quote');
  await page.close();
});

test.each([
  ['news-simplified.html', 'declared zh-CN', 'zh-CN', 1],
  ['news-simplified.html', 'declaring no language', null, 1],
  ['news-simplified.html', 'declared zh_CN, as some sites write it', 'zh_CN', 1],
  // Left to the content script, as every page was before the early script: not watched for a title.
  ['news-simplified.html', 'declared English', 'en', 0],
  ['english-quote.html', 'English', 'en', 0],
])('the highlight sheet is adopted as a page with a Chinese title starts to parse, and the marks use it (%s %s)', async (file, _what, lang, atLoad) => {
  // Chromium restyles a whole page when a sheet joins it after its first styling (src/page/early-style.ts).
  const tab = await browser.context.newPage();
  await tab.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => ((window as { sheetsAtLoad?: number }).sheetsAtLoad = document.adoptedStyleSheets.length));
  });
  const url = server.url(`pages/${file}`);
  // The page as served, with its root's lang attribute set as the case says.
  await tab.route(url, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<html lang="[^"]*">/, lang === null ? '<html>' : `<html lang="${lang}">`);
    await route.fulfill({ response, body: html });
  });
  await tab.goto(url);
  expect(await tab.evaluate(() => document.documentElement.getAttribute('lang'))).toBe(lang);
  // The English page's only term is near its end: brought into view, where it is painted. (Not with a
  // locator: on the page without a quote it waited its whole timeout, 30 s, for nothing.)
  await tab.evaluate(() => document.getElementById('quote')?.scrollIntoView());
  await waitFor(async () => ((await painted(tab)).length > 0 ? true : undefined), 8000);
  // Before the content script (document_end), only the early script can have adopted a sheet.
  expect(await tab.evaluate(() => (window as { sheetsAtLoad?: number }).sheetsAtLoad)).toBe(atLoad);
  // One sheet in the end either way, holding the rule of every highlight painted.
  const { sheets, rules } = await tab.evaluate(() => ({
    sheets: document.adoptedStyleSheets.length,
    rules: [...(document.adoptedStyleSheets[0]?.cssRules ?? [])].map((r) => r.cssText).join('\n'),
  }));
  expect(sheets).toBe(1);
  for (const { name } of await painted(tab)) expect(rules).toContain(`::highlight(${name})`);
  await tab.close();
});

test('a page without Chinese text is scanned once a text node of it is changed to hold some', async () => {
  // The check's observer asks a text node changed in place (a characterData record) by itself.
  const page = await open('english-quote.html?typed');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(reportCounts(await browser.pageReport(page))).toEqual({});
  await page.evaluate(() => {
    ((document.getElementById('quote') as HTMLElement).firstChild as Text).data = 'The resolution again calls on members to uphold the “two upholds” (两个维护).';
  });
  expect(await reportWhen(page, (c) => c['liang-ge-wei-hu'] === 1)).toEqual({ 'liang-ge-wei-hu': 1 });
  await page.close();
});

test('open shadow roots are scanned (nested too); closed ones and unslotted children are not', async () => {
  const page = await open('shadow.html');
  const report = await browser.pageReport(page);
  expect(reportCounts(report)).toEqual({ 'hui-tou-kan': 1, 'liang-ge-wei-hu': 1, 'si-ge-yi-shi': 1, 'dian-xiao-er': 1 });
  const ranges = await painted(page);
  expect(tally(ranges)).toEqual({ 回头看: 1, 两个维护: 1, 四个意识: 1, 店小二: 1 });
  // Painted inside the shadow tree: the style reached it (adopted by the shadow root).
  expect(await pixelsNear(page, '#open-card', '#d9730d')).toBeGreaterThan(20);
  await screenshot(page, 'highlight-shadow');
  await page.close();
});

test('a same-origin iframe is highlighted by its own frame and counted in the top report', async () => {
  const page = await open('frame.html');
  const counts = await reportWhen(page, (c) => c['san-hui-yi-ke'] === 1);
  expect(counts).toEqual({ 'liang-ge-wei-hu': 2, 'si-ge-yi-shi': 1, 'san-hui-yi-ke': 1 });
  const child = page.frames().find((f) => f.url().endsWith('frame-child.html'));
  expect(child).toBeDefined();
  // Counted before painted: matches are in the child's store at once, and join its highlights with
  // its next frame (or once segmentation confirms them: src/page/paint.ts), so paint is waited for.
  await expect.poll(async () => tally(await painted(child!)), { timeout: 10_000 }).toEqual({ 两个维护: 1, 四个意识: 1, 三会一课: 1 });
  expect(tally(await painted(page))).toEqual({ 两个维护: 1 });
  await page.close();
});

test('a same-origin iframe that navigates away or is removed leaves the top report', async () => {
  // The top frame adds up the counts of the documents its frames hold now (src/page/report.ts): a
  // child document that has gone must not still be counted.
  const page = await open('frame.html');
  await reportWhen(page, (c) => c['san-hui-yi-ke'] === 1);
  await page.evaluate(() => ((document.getElementById('child') as HTMLIFrameElement).src = 'frame-ad.html'));
  expect(await reportWhen(page, (c) => !c['san-hui-yi-ke'])).toEqual({ 'liang-ge-wei-hu': 1 });
  await page.evaluate(() => ((document.getElementById('child') as HTMLIFrameElement).src = 'frame-child.html'));
  expect(await reportWhen(page, (c) => c['san-hui-yi-ke'] === 1)).toEqual({ 'liang-ge-wei-hu': 2, 'si-ge-yi-shi': 1, 'san-hui-yi-ke': 1 });
  await page.evaluate(() => document.getElementById('child')?.remove());
  expect(await reportWhen(page, (c) => !c['san-hui-yi-ke'])).toEqual({ 'liang-ge-wei-hu': 1 });
  await page.close();
});

test('a frame without Chinese text is scanned once Chinese text arrives in it', async () => {
  // Sub-frames get the content script from their gate (src/page/frame-gate.ts) only when they hold
  // Chinese text: an ad frame that later renders some must still be scanned.
  const page = await open('frame.html');
  await reportWhen(page, (c) => c['san-hui-yi-ke'] === 1);
  const ad = page.frames().find((f) => f.url().endsWith('frame-ad.html'));
  expect(ad).toBeDefined();
  expect(await painted(ad!)).toEqual([]);
  await ad!.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>赞助内容：落实“三会一课”制度</p>'));
  await reportWhen(page, (c) => c['san-hui-yi-ke'] === 2);
  const adPainted = await waitFor(async () => {
    const now = await painted(ad!);
    return now.length ? now : undefined;
  }, 10_000);
  expect(tally(adPainted ?? [])).toEqual({ 三会一课: 1 });
  await page.close();
});

describe('an infinite-scroll page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('infinite.html');
  });
  afterAll(() => page.close());

  test('appended paragraphs get highlighted, scrolling included', async () => {
    expect(reportCounts(await browser.pageReport(page))).toEqual({ 'liang-ge-wei-hu': 1, 'di-yi-shu-ji': 1 });
    await page.evaluate(() => (window as unknown as { loadMore(n: number): void }).loadMore(3));
    await reportWhen(page, (c) => c['liang-ge-wei-hu'] === 4 && c['si-ge-yi-shi'] === 3);
    await page.mouse.wheel(0, 3000); // the page loads two more at the end
    await reportWhen(page, (c) => c['liang-ge-wei-hu'] === 6 && c['si-ge-yi-shi'] === 5);
    // Matches are counted at once, painted with the next frame (src/page/paint.ts): a slow machine shows the gap.
    await expect.poll(async () => tally(await painted(page)), { timeout: 5000 }).toEqual({ 两个维护: 6, 四个意识: 5, 第一书记: 1 });
  });

  test('removed text drops its highlights; edited text is rescanned', async () => {
    await page.evaluate(() => (window as unknown as { removeFirst(): void }).removeFirst());
    await reportWhen(page, (c) => c['liang-ge-wei-hu'] === 5);
    // The edited line is at the top: scrolled back to it, or its new highlight would wait as far off
    // (more than a screen away after the scrolling above), and not be in the registry yet.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => (window as unknown as { editText(t: string): void }).editText('第2条：开展“回头看”。'));
    const counts = await reportWhen(page, (c) => c['hui-tou-kan'] === 1);
    expect(counts?.['di-yi-shu-ji']).toBeUndefined();
    // A change after the first pass is counted at once and painted with the next frame: wait for it.
    const paintedNow = await waitFor(async () => {
      const t = tally(await painted(page));
      return t['回头看'] === 1 ? t : undefined;
    });
    expect(paintedNow).toEqual({ 两个维护: 5, 四个意识: 5, 回头看: 1 });
  });
});

describe('a page rendered by React', () => {
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    page = await open('react.html');
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.locator('#like').waitFor();
  });
  afterAll(() => page.close());

  test('is highlighted, and its buttons keep working while highlights follow the re-renders', async () => {
    await reportWhen(page, (c) => c['liang-ge-wei-hu'] === 1 && c['si-ge-yi-shi'] === 1 && c['dian-xiao-er'] === 1);
    const mutationsBefore = await mutationCount(page);

    await page.click('#like');
    await page.click('#like');
    await expect.poll(() => page.locator('#like').textContent()).toBe('点赞 2');

    await page.click('#add');
    await page.click('#add');
    await expect.poll(() => page.locator('#items li').count()).toBe(3);
    await reportWhen(page, (c) => c['di-yi-shu-ji'] === 2);

    // React rewrites the <b>'s text node in place: the old term goes, the new one is found.
    await page.click('#swap');
    await reportWhen(page, (c) => c['san-hui-yi-ke'] === 1 && c['si-ge-yi-shi'] === undefined);

    await page.click('#clear');
    await reportWhen(page, (c) => c['di-yi-shu-ji'] === undefined && c['liang-ge-wei-hu'] === undefined);
    expect(tally(await painted(page))).toEqual({ 三会一课: 1, 店小二: 1 });
    expect(await page.locator('#items li').count()).toBe(0);
    await page.click('#like');
    await expect.poll(() => page.locator('#like').textContent()).toBe('点赞 3');

    // Every mutation came from React; none from Tifa (it never adds elements or attributes).
    const mutations = await mutationsSince(page, mutationsBefore);
    expect(mutations.some((m) => m.startsWith('attributes'))).toBe(false);
    expect(errors).toEqual([]);
    await screenshot(page, 'highlight-react');
  });
});

test('a page with a strict Content-Security-Policy is painted too', async () => {
  const page = await open('strict.csp.html');
  expect(reportCounts(await browser.pageReport(page))).toEqual({
    'si-ge-yi-shi': 1,
    'liang-ge-wei-hu': 1,
    'san-hui-yi-ke': 1,
    'dang-zu': 1,
    'di-yi-shu-ji': 1,
    'dian-xiao-er': 1,
  });
  expect(await pixelsNear(page, 'p.lead', '#d9730d')).toBeGreaterThan(40);
  expect((await domMatchesSource(page)).same).toBe(true);
  await screenshot(page, 'highlight-strict-csp');
  await page.close();
});

describe('editable areas', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('editable.html');
  });
  afterAll(() => page.close());

  test('are never painted, not even after typing a term into them', async () => {
    expect(reportCounts(await browser.pageReport(page))).toEqual({ 'liang-ge-wei-hu': 1, 'si-ge-yi-shi': 1 });
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type('回头看');
    await page.click('#notes');
    await page.keyboard.type('十四五');
    await expect.poll(() => page.locator('#editor').textContent()).toContain('回头看');
    await new Promise((r) => setTimeout(r, 400)); // give a (wrong) rescan time to happen
    const ranges = await painted(page);
    expect(tally(ranges)).toEqual({ 两个维护: 1, 四个意识: 1 });
    expect(ranges.every((r) => r.parentTag === 'p')).toBe(true);
  });

  test('an element that becomes editable loses its highlights, and gets them back after', async () => {
    await page.evaluate(() => document.getElementById('toggle')?.setAttribute('contenteditable', 'true'));
    await reportWhen(page, (c) => c['si-ge-yi-shi'] === undefined);
    await page.evaluate(() => document.getElementById('toggle')?.removeAttribute('contenteditable'));
    await reportWhen(page, (c) => c['si-ge-yi-shi'] === 1);
  });
});

describe('live changes from the options page', () => {
  test('settings (style and category colour) and glossary edits reach an open tab without reload', async () => {
    const page = await open('strict.csp.html');
    await browser.pageReport(page);
    await setUserSettings(browser, { highlightStyle: 'both', categoryColors: { slogan: '#1f6feb' } });
    await expect.poll(() => pixelsNear(page, 'p.lead', '#1f6feb'), { timeout: 5000 }).toBeGreaterThan(40);
    // The background tint (20 % of the colour over white) appears too.
    await expect.poll(() => pixelsNear(page, 'p.lead', '#d2e2fb', 12), { timeout: 5000 }).toBeGreaterThan(200);

    await setUserGlossary(browser, testGlossaryWithout('liang-ge-wei-hu'));
    await reportWhen(page, (c) => c['liang-ge-wei-hu'] === undefined && c['si-ge-yi-shi'] === 1);
    expect(tally(await painted(page))).not.toHaveProperty('两个维护');

    await setUserSettings(browser, {});
    await setUserGlossary(browser, TEST_GLOSSARY);
    await reportWhen(page, (c) => c['liang-ge-wei-hu'] === 1);
    await page.close();
  });

  test('a sub-frame’s own session follows a glossary edit too: the background tells the frames running Tifa', async () => {
    const page = await open('frame.html');
    await reportWhen(page, (c) => c['san-hui-yi-ke'] === 1);
    const child = page.frames().find((f) => f.url().endsWith('frame-child.html'));
    expect(child).toBeDefined();
    await setUserGlossary(browser, testGlossaryWithout('san-hui-yi-ke'));
    // 三会一课 stands in the frame alone: the top report loses it only once the frame rescanned.
    await reportWhen(page, (c) => c['san-hui-yi-ke'] === undefined && c['si-ge-yi-shi'] === 1);
    await expect.poll(async () => tally(await painted(child!)), { timeout: 5000 }).toEqual({ 两个维护: 1, 四个意识: 1 });
    await setUserGlossary(browser, TEST_GLOSSARY);
    await reportWhen(page, (c) => c['san-hui-yi-ke'] === 1);
    await page.close();
  });

  test('a page starts from the copy in storage.session, which the background keeps equal to storage.local', async () => {
    const areas = () =>
      browser.serviceWorker.evaluate(async () => {
        const keys = ['settings', 'page-glossary'];
        return { local: await chrome.storage.local.get(keys), session: await chrome.storage.session.get(keys) };
      });
    await setUserSettings(browser, { highlightStyle: 'both' });
    const copied = async () => {
      const { local, session } = await areas();
      return JSON.stringify(session) === JSON.stringify(local);
    };
    await expect.poll(copied, { timeout: 5000 }).toBe(true);
    // Only the copy says this site is switched off: a page that opens now stays dark, so it read the copy.
    const { session } = await areas();
    const host = new URL(server.origin).hostname;
    const off = { ...(session['settings'] as object), siteRules: [{ host, includeSubdomains: false, enabled: false }] };
    await browser.serviceWorker.evaluate((s) => chrome.storage.session.set({ settings: s }), off);
    const dark = await open('strict.csp.html');
    expect(await browser.pageReport(dark)).toMatchObject({ enabled: false, terms: [] });
    expect(await painted(dark)).toEqual([]);
    // The next change of storage.local is copied over the stale copy, and the open page follows it.
    await setUserSettings(browser, {});
    await reportWhen(dark, (c) => c['liang-ge-wei-hu'] === 1);
    await dark.close();
  });
});

test('a 1 MB page: every occurrence is in the report, what is near the viewport is painted, the rest as scrolling reaches it', async () => {
  // Generated like the benchmark's page, written next to the fixtures (git ignores it). How long this
  // takes and the longest task are measured by `npm run bench`, not here.
  const paragraphs = generateNewsText(1_000_000, 7).split('\n').filter((p) => p.length > 0);
  const expected = paragraphs.join('').split('两个维护').length - 1;
  fs.writeFileSync(
    path.join(FIXTURES_DIR, 'pages', 'big.generated.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>大页面</title></head><body>${paragraphs
      .map((p) => `<p>${p}</p>`)
      .join('\n')}</body></html>`,
  );
  const page = await browser.context.newPage();
  await page.goto(server.url('pages/big.generated.html'));
  const counts = reportCounts(await browser.pageReport(page));
  expect(counts['liang-ge-wei-hu']).toBe(expected);
  /** Which paragraphs (by index) hold a painted range, from the registry the page shares. */
  const paintedParagraphs = () =>
    page.evaluate(() => {
      const all = [...document.querySelectorAll('p')];
      const index = new Map(all.map((p, i) => [p, i]));
      const found = new Set<number>();
      for (const [, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
        for (const range of highlight) {
          const p = (range.startContainer.parentElement as Element | null)?.closest('p');
          const i = p ? index.get(p) : undefined;
          if (i !== undefined) found.add(i);
        }
      }
      return { total: all.length, painted: [...found].sort((a, b) => a - b) };
    });
  await expect.poll(async () => (await paintedParagraphs()).painted.length, { timeout: 10_000 }).toBeGreaterThan(0);
  const top = await paintedParagraphs();
  console.log(`1 MB page: ${top.painted.length} of ${top.total} paragraphs painted at first, up to paragraph ${top.painted.at(-1)}`);
  // The first screens are painted; the end of an 8,000-paragraph page is not, until it is near.
  expect(top.painted.length).toBeGreaterThan(0);
  expect(top.painted.length).toBeLessThan(top.total / 4);
  const last = (list: number[]) => list[list.length - 1] ?? -1;
  expect(last(top.painted)).toBeLessThan(top.total / 4);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(async () => last((await paintedParagraphs()).painted), { timeout: 10_000 }).toBeGreaterThan(top.total * 0.95);
  await screenshot(page, 'big-page-end');
  await page.close();
});

test('the extension made no network request of its own', () => {
  expect(browser.foreignRequests).toEqual([]);
});
