// A small cross-site frame's tooltip, shown by the top frame where it can be read (issue 16): a
// 420 × 260 frame, the size of an ad box, from another host name than the page. Hovering a term in
// it opens the tooltip in the top frame, beside the term, at the size it has on any page; the pointer
// can move into it; it closes when the pointer leaves. Where the top frame cannot place the frame
// (inside a shadow root), the frame shows the tooltip itself, as before.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, screenshot, waitFor, type ExtensionBrowser } from './harness';
import { startFixtureServer, type FixtureServer } from './server';
import { addedToHtml, inTooltip, openedTooltip, paintedTerms, readTooltip, termBox, type TermBox } from './tooltip-helpers';

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  const port = new URL(server.origin).port;
  browser = await launchWithExtension({ allowedOrigins: [server.origin, `http://localhost:${port}`] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Framed {
  page: Page;
  frame: Frame;
  /** The frame's viewport origin in the page's viewport. */
  origin: { x: number; y: number };
  /** The frame element's box in the page's viewport. */
  box: { x: number; y: number; width: number; height: number };
}

async function openFramed(query = ''): Promise<Framed> {
  const page = await browser.open(server.url(`tooltip/small-frame.html${query}`));
  const frame = await waitFor(() => page.frames().find((f) => f.url().endsWith('/tooltip/small-frame-inner.html')), 10_000);
  await waitFor(async () => (await paintedTerms(frame!)).some((t) => t.text === '两个维护'), 10_000);
  const element = await frame!.frameElement();
  const box = (await element.boundingBox())!;
  // Its border is 1 px.
  return { page, frame: frame!, origin: { x: box.x + 1, y: box.y + 1 }, box };
}

const inPage = (f: Framed, term: TermBox) => ({ x: f.origin.x + term.x + term.width / 2, y: f.origin.y + term.y + term.height / 2 });

test('hovering a term in a small cross-site frame opens its tooltip in the top frame, beside the term and not confined to the frame', async () => {
  const f = await openFramed();
  expect(new URL(f.frame.url()).host).not.toBe(new URL(f.page.url()).host);
  const term = await termBox(f.frame, '两个维护');
  const at = inPage(f, term);
  await f.page.mouse.move(at.x, at.y, { steps: 4 });
  const tip = await openedTooltip(f.page);
  expect(tip.term).toBe('两个维护');
  expect(tip.official).not.toBe('');
  expect(tip.components.length).toBeGreaterThan(0);
  // Shown by the top frame: none in the frame.
  expect(await readTooltip(f.frame)).toBeUndefined();
  // Beside the term: just below it (or above), overlapping it horizontally.
  const termTop = f.origin.y + term.y;
  const termBottom = termTop + term.height;
  const beside = tip.side === 'below' ? Math.abs(tip.rect.top - termBottom) : Math.abs(termTop - tip.rect.bottom);
  expect(beside).toBeLessThan(16);
  expect(tip.rect.right).toBeGreaterThan(f.origin.x + term.x);
  expect(tip.rect.left).toBeLessThan(f.origin.x + term.x + term.width);
  // Not confined: taller than the room the frame has below the term, and reaching past the frame.
  expect(tip.rect.height).toBeGreaterThan(f.box.height - (term.y + term.height));
  expect(tip.rect.bottom > f.box.y + f.box.height || tip.rect.top < f.box.y).toBe(true);
  await f.page.waitForTimeout(250); // the fade-in
  await screenshot(f.page, 'frame-tooltip-in-top-frame');

  // The pointer can move from the term into the tooltip: it stays open there.
  await f.page.mouse.move(at.x, tip.rect.top + 24, { steps: 6 });
  await f.page.waitForTimeout(700);
  expect((await readTooltip(f.page))?.term).toBe('两个维护');
  // And it closes once the pointer goes elsewhere on the page.
  const heading = (await f.page.locator('h1').boundingBox())!;
  await f.page.mouse.move(heading.x + heading.width + 100, heading.y + 5, { steps: 6 });
  await waitFor(async () => !(await readTooltip(f.page)), 4000);
  await f.page.close();
});

test('leaving the term for the rest of the frame, a click elsewhere in it or Escape closes the tooltip', async () => {
  const f = await openFramed();
  const twoUpholds = inPage(f, await termBox(f.frame, '两个维护'));
  const meetings = await termBox(f.frame, '三会一课');
  const hoverTerm = async (at: { x: number; y: number }, term: string) => {
    await f.page.mouse.move(at.x, at.y, { steps: 4 });
    expect((await openedTooltip(f.page)).term).toBe(term);
    return (await readTooltip(f.page))!;
  };
  const closedInTop = () => waitFor(async () => !(await readTooltip(f.page)), 4000);
  // A blank spot of the frame the tooltip does not cover: its lower part when the tooltip opens
  // above the term, else the line's left margin.
  const blank = (tip: { side: string }, at: { y: number }) => (tip.side === 'above' ? { x: f.origin.x + 6, y: f.box.y + f.box.height - 10 } : { x: f.origin.x + 4, y: at.y });

  let tip = await hoverTerm(twoUpholds, '两个维护');
  await f.page.mouse.move(blank(tip, twoUpholds).x, blank(tip, twoUpholds).y, { steps: 4 });
  await closedInTop();

  const at = inPage(f, meetings);
  tip = await hoverTerm(at, '三会一课');
  const spot = blank(tip, at);
  await f.page.mouse.move(spot.x, spot.y, { steps: 2 });
  await f.page.mouse.down();
  await f.page.mouse.up();
  await closedInTop();

  // The click put the keyboard focus in the frame: Escape is pressed there.
  await hoverTerm(twoUpholds, '两个维护');
  await f.page.keyboard.press('Escape');
  await closedInTop();
  expect(await readTooltip(f.frame)).toBeUndefined();
  // Closed, the top frame's tooltip leaves nothing in the page (issue 16: the page should not learn that Tifa is there).
  expect(await addedToHtml(f.page)).toEqual([]);
  await f.page.close();
});

test('stepping with the keyboard in the frame opens the tooltip in the top frame, announced; M there shows its details', async () => {
  const f = await openFramed();
  // Focus in the frame: a click on its blank lower part.
  await f.page.mouse.click(f.origin.x + 6, f.box.y + f.box.height - 10);
  await f.page.keyboard.press('Alt+Shift+Period');
  const tip = await openedTooltip(f.page);
  expect(tip.term).toBe('两个维护');
  await waitFor(async () => (await readTooltip(f.page))?.live.includes('两个维护'), 4000);
  expect(await readTooltip(f.frame)).toBeUndefined();
  const detailsShown = () => inTooltip(f.page, (root) => root.querySelector('.expanded') !== null);
  expect(await detailsShown()).toBe(false);
  await f.page.keyboard.press('m');
  await waitFor(detailsShown, 4000);
  await f.page.waitForTimeout(250);
  await screenshot(f.page, 'frame-tooltip-keyboard-details');
  // The next step moves on to the frame's next term, still in the top frame.
  await f.page.keyboard.press('Alt+Shift+Period');
  await waitFor(async () => (await readTooltip(f.page))?.term === '三会一课', 4000);
  await f.page.keyboard.press('Escape');
  await waitFor(async () => !(await readTooltip(f.page)), 4000);
  await f.page.close();
});

test('where the top frame cannot place the frame (inside a shadow root), the frame shows the tooltip itself', async () => {
  const f = await openFramed('?shadow');
  const term = await termBox(f.frame, '两个维护');
  await f.page.mouse.move(inPage(f, term).x, inPage(f, term).y, { steps: 4 });
  const tip = await openedTooltip(f.frame);
  expect(tip.term).toBe('两个维护');
  expect(await readTooltip(f.page)).toBeUndefined();
  await f.page.close();
});
