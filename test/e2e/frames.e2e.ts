// Frames without an address of their own: srcdoc, about:blank, blob: and data: frames. The manifest's
// match_about_blank / match_origin_as_fallback let the frame gate in (src/page/frame-gate.ts), which
// has the content script injected once the frame holds Chinese text: their terms are painted, counted
// in the page report (same-origin ones) and explained on hover.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, waitFor } from './harness';
import { useExtensionBrowser } from './use-extension';
import { paintedTerms, readTooltip, termBox, type TooltipState } from './tooltip-helpers';

const fixture = useExtensionBrowser();

/** The frame shown by the iframe element `selector` of `page`. */
async function frameOf(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.waitForSelector(selector)).contentFrame();
  if (!frame) throw new Error(`${selector} shows no frame`);
  return frame;
}

/** Moves the real mouse onto the painted `text` in the frame of the iframe element `selector`. */
async function hoverInFrame(page: Page, selector: string, frame: Frame, text: string): Promise<void> {
  const box = await termBox(frame, text);
  const at = await page.evaluate((sel) => {
    const iframe = document.querySelector(sel)!;
    const r = iframe.getBoundingClientRect();
    return { x: r.x + iframe.clientLeft, y: r.y + iframe.clientTop };
  }, selector);
  await page.mouse.move(at.x + box.x + box.width / 2, at.y + box.y + box.height / 2, { steps: 4 });
}

const opened = async (where: Page | Frame): Promise<TooltipState> => (await waitFor(() => readTooltip(where), 4000))!;
const painted = async (frame: Frame): Promise<string[]> => (await paintedTerms(frame)).map((t) => t.text);

describe('srcdoc, about:blank, blob: and data: frames', () => {
  test('srcdoc and about:blank: their terms are painted, reported to the popup, and explained on hover', async () => {
    const page = await fixture.browser.open(fixture.server.url('pages/blank-frames.html'));
    const srcdoc = await frameOf(page, '#srcdoc');
    const blank = await frameOf(page, '#blank');
    expect(srcdoc.url()).toBe('about:srcdoc');
    expect(blank.url()).toBe('about:blank');
    await waitFor(async () => (await painted(srcdoc)).includes('四个意识'), 10_000);
    await waitFor(async () => (await painted(blank)).includes('三会一课'), 10_000);

    // The popup's list: the top frame adds up its same-origin frames, these two included.
    // The data: frame's origin is opaque: like any cross-origin frame, it is not counted.
    await waitFor(async () => (await fixture.browser.pageReport(page)).terms.some((t) => t.id === 'hui-tou-kan'), 10_000);
    expect(Object.fromEntries((await fixture.browser.pageReport(page)).terms.map((t) => [t.id, t.count]))).toEqual({
      'liang-ge-wei-hu': 1,
      'si-ge-yi-shi': 1,
      'san-hui-yi-ke': 1,
      'hui-tou-kan': 1,
    });

    // These frames are small: the top frame shows their tooltips, over the page (frame-tooltip.e2e.ts).
    await hoverInFrame(page, '#srcdoc', srcdoc, '四个意识');
    expect((await opened(page)).term).toBe('四个意识');
    expect(await readTooltip(srcdoc)).toBeUndefined();
    await page.waitForTimeout(250); // the fade-in
    await screenshot(page, 'frames-srcdoc-tooltip');
    await page.mouse.move(5, 5);
    await waitFor(async () => !(await readTooltip(page)), 4000);
    await hoverInFrame(page, '#blank', blank, '三会一课');
    expect((await opened(page)).term).toBe('三会一课');
    await page.close();
  });

  test('blob: and data: frames made by the page are painted too', async () => {
    const page = await fixture.browser.open(fixture.server.url('pages/blank-frames.html'));
    for (const selector of ['#blob', '#data']) {
      const frame = await frameOf(page, selector);
      expect(frame.url()).toMatch(selector === '#blob' ? /^blob:/ : /^data:/);
      await waitFor(async () => (await painted(frame)).includes('回头看'), 10_000);
    }
    await page.close();
  });
});
