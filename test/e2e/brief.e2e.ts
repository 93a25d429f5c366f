// The popup's page brief and its "Not in your glossary" list, as a reader uses them in Chromium: the
// brief of a news page (with a same-origin frame) equals the page report in terms, counts and order;
// its Markdown and CSV downloads parse back, with a hostile page's text inert in both; a formulation
// the page holds and the glossary lacks is listed, added through the draft flow, then highlighted on
// the page and gone from the list; a dismissed one stays away on that site.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/glossary/csv';
import { BRIEF_CSV_COLUMNS } from '../../src/brief/brief';
import { launchWithExtension, screenshot, waitFor, type ExtensionBrowser } from './harness';
import { startFixtureServer, type FixtureServer } from './server';
import { openPopupFor as openPopup } from './popup-helpers';

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({ allowedOrigins: [server.origin] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openNews(name: string): Promise<Page> {
  const page = await browser.open(server.url(`pages/${name}`));
  await waitFor(async () => (await browser.pageReport(page)).terms.length > 0, 15_000);
  return page;
}

const openPopupFor = (page: Page) => openPopup(browser, page, 760);

async function downloaded(popup: Page, kind: 'md' | 'csv'): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator(`[data-testid="brief"] button[data-kind="${kind}"]`).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file!, 'utf8') };
}

describe('the brief of a page', () => {
  let page: Page;
  let popup: Page;
  beforeAll(async () => {
    page = await openNews('brief.html');
    // The same-origin frame is counted once its own first pass is in.
    await waitFor(async () => (await browser.pageReport(page)).terms.some((t) => t.id === 'san-hui-yi-ke' && t.count === 2), 15_000);
    popup = await openPopupFor(page);
    await popup.locator('[data-testid="brief"] .tool-head button').click();
    await popup.locator('.brief-rows li').first().waitFor();
  });
  afterAll(async () => {
    await popup.close();
    await page.close();
  });

  test('lists the page report: the same terms, counts and order, the frame’s terms included', async () => {
    const report = await browser.pageReport(page);
    const rows = await popup.locator('.brief-rows li').evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute('data-entry-id'), Number(li.querySelector('.brief-count')?.textContent?.slice(1))]),
    );
    expect(rows).toEqual(report.terms.map((t) => [t.id, t.count]));
    expect(rows.map((r) => r[0])).toContain('san-hui-yi-ke'); // in the page and in the frame
    await screenshot(popup, 'popup-brief');
  });

  test('Markdown download: headed with title, address and date; every term with its first sentence; page text inert', async () => {
    const { name, text } = await downloaded(popup, 'md');
    expect(name).toMatch(/^tifa-brief-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.md$/);
    const report = await browser.pageReport(page);
    const headings = [...text.matchAll(/^## \d+\\\. (\S+) .* ×(\d+)$/gm)].map((m) => [m[1], Number(m[2])]);
    expect(headings).toEqual(report.terms.map((t) => [t.term, t.count]));
    expect(text).toContain(`127\\.0\\.0\\.1\\:${new URL(server.origin).port}`);
    expect(text).toContain('  > 会议强调，各级党组织要增强“四个意识”，坚决做到“两个维护”。');
    // The hostile paragraph is the first sentence of 三会一课: quoted, and inert.
    const hostile = text.split('\n').find((l) => l.startsWith('  > ') && l.includes('onerror'))!;
    expect(hostile).toBeDefined();
    expect(hostile.slice(4).replace(/\\[!-/:-@[-`{-~]/g, '').match(/[!-/:-@[-`{-~]/g)).toBeNull();
    expect(hostile.slice(4).replace(/\\(.)/g, '$1')).toBe('有网民留言：<img src=x onerror=alert(1)> [点此](javascript:alert(1)) =HYPERLINK("https://evil.example") 要落实“三会一课”。');
  });

  test('CSV download: UTF-8 with a BOM, one row per term, the hostile sentence exact and never a formula', async () => {
    const { name, text } = await downloaded(popup, 'csv');
    expect(name).toMatch(/\.csv$/);
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]!.cells).toEqual([...BRIEF_CSV_COLUMNS]);
    const col = (c: (typeof BRIEF_CSV_COLUMNS)[number]) => BRIEF_CSV_COLUMNS.indexOf(c);
    const report = await browser.pageReport(page);
    expect(rows.slice(1).map((r) => [r.cells[col('term')], Number(r.cells[col('count')])])).toEqual(report.terms.map((t) => [t.term, t.count]));
    const sentences = rows.slice(1).map((r) => r.cells[col('first_sentence')]!);
    expect(sentences).toContain('有网民留言：<img src=x onerror=alert(1)> [点此](javascript:alert(1)) =HYPERLINK("https://evil.example") 要落实“三会一课”。');
    // No cell starts like a formula.
    for (const r of rows.slice(1)) for (const cell of r.cells) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

/** Asks the popup for the page's new formulations and waits for the answer (the section counts finished searches). */
async function findNewFormulations(popup: Page): Promise<void> {
  const section = popup.locator('[data-testid="new-formulations"]');
  const before = Number(await section.getAttribute('data-searches'));
  await section.locator('.tool-head button').click();
  await expect.poll(async () => Number(await section.getAttribute('data-searches')), { timeout: 30_000 }).toBeGreaterThan(before);
}

describe('formulations not in the glossary', () => {
  test('a known formulation is listed; added through the draft, it is highlighted and leaves the list', { timeout: 90_000 }, async () => {
    const page = await openNews('brief.html');
    const popup = await openPopupFor(page);
    const find = () => findNewFormulations(popup);
    await find();
    const item = popup.locator('.found li[data-text="三抓三促"]');
    expect(await item.locator('.brief-count').textContent()).toBe('×3');
    expect(await item.locator('.found-sentence').textContent()).toBe('县委部署“三抓三促”行动');
    // Nothing the glossary has is listed.
    const listed = await popup.locator('.found li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-text')));
    for (const known of ['四个意识', '两个维护', '三会一课']) expect(listed).not.toContain(known);
    await screenshot(popup, 'popup-new-formulations');

    const [options] = await Promise.all([browser.context.waitForEvent('page'), item.locator('[data-action="add"]').click()]);
    await options.locator('#f-term').waitFor();
    await expect.poll(() => options.locator('#f-term').inputValue()).toBe('三抓三促');
    expect(await options.locator('#f-source-quote').inputValue()).toBe('县委部署“三抓三促”行动');
    expect(await options.locator('#f-origin').inputValue()).toBe(page.url());
    await options.locator('#f-category').selectOption('campaign');
    await options.locator('#f-english').fill('Three Grasps and Three Promotions');
    await options.locator('#f-summary-zh').fill('一项地方作风建设行动。');
    await options.locator('#f-summary-en').fill('A local campaign on officials’ conduct.');
    await options.locator('#f-explanation-zh').fill('地方开展的作风建设行动。');
    await options.locator('#f-explanation-en').fill('A local campaign on the conduct of officials.');
    await options.getByRole('button', { name: /^(保存|Save)$/ }).click();
    await options.locator('[data-testid="toast"]').waitFor();
    await options.close();

    // The open page follows the glossary: the new entry is found and painted.
    const report = await waitFor(async () => {
      const r = await browser.pageReport(page);
      return r.terms.find((t) => t.term === '三抓三促') ? r : undefined;
    }, 15_000);
    expect(report!.terms.find((t) => t.term === '三抓三促')?.count).toBe(3);
    await find();
    expect(await popup.locator('.found li[data-text="三抓三促"]').count()).toBe(0);
    await screenshot(page, 'brief-new-formulation-highlighted');
    await popup.close();
    await page.close();
  });

  test('a dismissed formulation stays away on that site', { timeout: 60_000 }, async () => {
    const page = await openNews('brief.html');
    const popup = await openPopupFor(page);
    const find = () => findNewFormulations(popup);
    await find();
    const first = '应收尽收';
    await popup.locator(`.found li[data-text="${first}"] [data-action="dismiss"]`).click();
    await expect.poll(() => popup.locator(`.found li[data-text="${first}"]`).count()).toBe(0);
    expect(await popup.locator('.found li[data-text="应办尽办"]').count()).toBe(1);
    await popup.reload();
    await popup.locator('main[aria-busy="false"]').waitFor();
    await find();
    expect(await popup.locator(`.found li[data-text="${first}"]`).count()).toBe(0);
    expect(await popup.locator('.found li[data-text="应办尽办"]').count()).toBe(1);
    await popup.close();
    await page.close();
  });
});
