// The content script's size budget and the tooltip UI that loads on first use (src/tooltip/lazy.ts):
// the built content.js stays under 30 KB; the UI script is not run in a frame until a reader needs
// it; and each of the three ways in — pointer resting on a term, the stepping keys, the popup's
// reveal — works as the very first action on a fresh page, the first hover as fast as later ones.
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { EXTENSION_DIR, waitFor } from './harness';
import { useExtensionBrowser } from './use-extension';
import { addedToHtml, paintedTerms, readTooltip, termBox } from './tooltip-helpers';

/**
 * Issue 4: the content script, minified, under 30 KB (what every frame of every page loads).
 * Counted in decimal kilobytes, the stricter reading of "30 KB".
 */
const CONTENT_BUDGET = 30_000;

describe('the build', () => {
  const content = path.join(EXTENSION_DIR, 'page-content.js');
  const ui = path.join(EXTENSION_DIR, 'tooltip-ui.js');

  test(`content.js is under ${CONTENT_BUDGET} bytes`, () => {
    const bytes = fs.statSync(content).size;
    console.log(`content.js ${bytes} B, tooltip-ui.js ${fs.statSync(ui).size} B (${EXTENSION_DIR})`);
    expect(bytes).toBeLessThan(CONTENT_BUDGET);
  });

  test('the tooltip UI and its stylesheet live in tooltip-ui.js, not in content.js', () => {
    const marker = 'tifa-tooltip-term'; // the heading id only the renderer uses
    expect(fs.readFileSync(ui, 'utf8')).toContain(marker);
    expect(fs.readFileSync(content, 'utf8')).not.toContain(marker);
    expect(fs.readFileSync(content, 'utf8')).not.toContain('all:initial');
  });

  test('nothing is exposed to pages: no web-accessible resources', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

const fixture = useExtensionBrowser();

/** A fresh tab on the demo page, painted, with a log of the extension scripts that ran in it. */
async function freshPage(): Promise<{ page: Page; scripts: string[]; cdp: CDPSession }> {
  const page = await fixture.browser.context.newPage();
  const cdp = await fixture.browser.context.newCDPSession(page);
  const scripts: string[] = [];
  // Every script compiled in the tab, isolated worlds included: content.js and, once asked for, tooltip-ui.js.
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith('chrome-extension://')) scripts.push(e.url.replace(/^chrome-extension:\/\/[^/]+/, ''));
  });
  await cdp.send('Debugger.enable');
  await page.goto(fixture.server.url('news/demo.html'));
  await waitFor(async () => (await paintedTerms(page)).some((t) => t.text === '两个维护'), 10_000);
  // Settled too: ambiguous terms are painted after segmentation confirms them (the page report is
  // answered once both are done), so term positions no longer change under the test.
  await fixture.browser.pageReport(page);
  return { page, scripts, cdp };
}

const uiLoaded = (scripts: string[]) => scripts.includes('/tooltip-ui.js');
const opened = (page: Page) => waitFor(() => readTooltip(page), 4000);

/**
 * Milliseconds from the pointer's arrival on a term to the open tooltip, measured in the page: the
 * last mousemove and the first animation frame with the tooltip's host shown in the top layer (all
 * the page sees of it: the panel is in a closed shadow root, and the host goes into the page and
 * the top layer in the same task that opens the panel).
 */
async function hoverLatency(page: Page, text: string): Promise<number> {
  const box = await termBox(page, text);
  await page.evaluate(() => {
    const w = window as unknown as { __arrived: number; __shown: number };
    w.__arrived = 0;
    w.__shown = 0;
    addEventListener('mousemove', () => (w.__arrived = performance.now()), { capture: true });
    const watch = () => {
      if (document.querySelector(':popover-open') && w.__arrived) w.__shown = performance.now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await opened(page);
  await waitFor(() => page.evaluate(() => (window as unknown as { __shown: number }).__shown > 0));
  return page.evaluate(() => {
    const w = window as unknown as { __arrived: number; __shown: number };
    return w.__shown - w.__arrived;
  });
}

describe('the tooltip UI loads on first use', () => {
  test('reading, scrolling and moving the pointer away from terms never loads it', async () => {
    const { page, scripts, cdp } = await freshPage();
    expect(scripts).toContain('/page-content.js');
    const h1 = (await page.locator('h1').boundingBox())!;
    await page.mouse.move(h1.x + 5, h1.y + 5, { steps: 5 });
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(500);
    expect(uiLoaded(scripts)).toBe(false);
    expect(await addedToHtml(page)).toEqual([]);
    await cdp.detach();
    await page.close();
  });

  test('first action a hover: the first tooltip opens after the hover delay, like the next ones', async () => {
    const { page, scripts, cdp } = await freshPage();
    const first = await hoverLatency(page, '两个维护');
    expect(uiLoaded(scripts)).toBe(true);
    const tip = (await readTooltip(page))!;
    expect(tip.term).toBe('两个维护');
    expect(tip.inTopLayer).toBe(true);
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await readTooltip(page)));
    const h1 = (await page.locator('h1').boundingBox())!;
    await page.mouse.move(h1.x + 5, h1.y + 5);
    const later = await hoverLatency(page, '三会一课');
    console.log(`hover to open tooltip (hover delay 150 ms): first ${first.toFixed(0)} ms (UI loaded meanwhile), later ${later.toFixed(0)} ms`);
    // The UI loads during the hover delay, so the first tooltip should not be noticeably later than the
    // next; how much later it is is a duration, measured by `npm run bench` (issue 10), not asserted here.
    expect(Number.isFinite(first) && Number.isFinite(later)).toBe(true);
    expect(scripts.filter((s) => s === '/tooltip-ui.js')).toHaveLength(1);
    await cdp.detach();
    await page.close();
  });

  test('first action the stepping key: Alt+Shift+. opens the first term in view', async () => {
    const { page, scripts, cdp } = await freshPage();
    expect(uiLoaded(scripts)).toBe(false);
    await page.keyboard.press('Alt+Shift+Period');
    const tip = (await opened(page))!;
    expect(tip.term.length).toBeGreaterThan(0);
    expect(uiLoaded(scripts)).toBe(true);
    // It was announced, as a keyboard-opened tooltip is.
    await waitFor(async () => (await readTooltip(page))?.live.includes(tip.term));
    await cdp.detach();
    await page.close();
  });

  test('first action the popup’s reveal: found, scrolled to, and opened; an absent entry loads nothing', async () => {
    const { page, scripts, cdp } = await freshPage();
    expect(await fixture.browser.askPage(page, { type: 'tifa:reveal', id: 'no-such-entry' })).toEqual({ found: false });
    expect(uiLoaded(scripts)).toBe(false);
    expect(await fixture.browser.askPage(page, { type: 'tifa:reveal', id: 'di-yi-shu-ji' })).toEqual({ found: true });
    const tip = (await opened(page))!;
    expect(tip.term).toBe('第一书记');
    expect(uiLoaded(scripts)).toBe(true);
    await cdp.detach();
    await page.close();
  });
});
