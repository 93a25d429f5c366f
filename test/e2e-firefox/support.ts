// What the Firefox tests read and set, as the Chromium suite's helpers do (test/e2e/highlight-support.ts,
// glossary-storage.ts, tooltip-helpers.ts), over BiDi: the user's glossary in the extension's storage
// layout, what Tifa painted (from CSS.highlights, the registry the page shares with the content
// script), where a painted term is on screen, and the open tooltip, read through its closed shadow
// root (inTooltip).
import { commitGlossary } from '../e2e/glossary-storage';
import { readOpenTooltip, type TermBox } from '../e2e/tooltip-helpers';
import { EVERY_OCCURRENCE, waitFor, type FirefoxBrowser, type Tab } from './harness';

export { childFrameTally, reportCounts, saysNothing, tally, TEST_ENTRIES, TEST_GLOSSARY, testGlossaryWithout } from '../e2e/highlight-support';

/** commitGlossary (test/e2e/glossary-storage.ts) through the control tab, an extension page. */
export function setUserGlossary(ff: FirefoxBrowser, glossary: { entries: readonly unknown[] } | null): Promise<void> {
  return commitGlossary((fn, arg) => ff.control.evaluate(fn, arg), glossary);
}

/** Stores `settings` over EVERY_OCCURRENCE, as launchFirefox does unless told otherwise. */
export async function setUserSettings(ff: FirefoxBrowser, settings: object): Promise<void> {
  await ff.storageSet({ settings: { ...EVERY_OCCURRENCE, ...settings } });
}

export interface Painted {
  name: string;
  text: string;
  inTrap: boolean;
  parentTag: string;
}

/** Every range of every highlight in the page (the test pages register none of their own), read from the page's own world. */
export function painted(tab: Tab): Promise<Painted[]> {
  return tab.evaluate(() => {
    const out: Array<{ name: string; text: string; inTrap: boolean; parentTag: string }> = [];
    CSS.highlights.forEach((highlight, name) => {
      highlight.forEach((r) => {
        const live = new Range();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const parent = r.startContainer.parentElement;
        out.push({ name, text: live.toString(), inTrap: !!parent?.closest('.trap'), parentTag: parent?.localName ?? '' });
      });
    });
    return out;
  });
}

/** Whether the live DOM serialises exactly like a fresh parse of the page's own HTML. */
export function domMatchesSource(tab: Tab): Promise<boolean> {
  return tab.evaluate(async () => {
    const source = await (await fetch(location.href)).text();
    const parsed = new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML;
    return parsed === document.documentElement.outerHTML;
  });
}

/** The painted terms' first line boxes in viewport coordinates, in reading order. */
export function paintedTerms(tab: Tab): Promise<TermBox[]> {
  return tab.evaluate(() => {
    const out: Array<{ text: string; x: number; y: number; width: number; height: number }> = [];
    CSS.highlights.forEach((highlight) => {
      highlight.forEach((r) => {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = [...range.getClientRects()].find((b) => b.width > 0);
        if (box) out.push({ text: range.toString(), x: box.x, y: box.y, width: box.width, height: box.height });
      });
    });
    return out.sort((a, b) => a.y - b.y || a.x - b.x);
  });
}

/** The first line box of a painted occurrence of `text`, scrolled into the middle of the view. */
export async function termBox(tab: Tab, text: string, boxes: (tab: Tab) => Promise<TermBox[]> = paintedTerms): Promise<TermBox> {
  let box = (await boxes(tab)).find((t) => t.text === text);
  const height = await tab.evaluate(() => window.innerHeight);
  if (box && (box.y < 0 || box.y + box.height > height)) {
    await tab.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), box.y - height / 2);
    box = (await boxes(tab)).find((t) => t.text === text);
  }
  if (!box) throw new Error(`term ${text} is not painted`);
  return box;
}

/** Moves the real mouse onto a term, from a little to its left, as a hand would. */
export async function hover(tab: Tab, box: TermBox): Promise<void> {
  await tab.mouseMove(box.x - 20, box.y + box.height / 2, 50);
  await tab.mouseMove(box.x + box.width / 2, box.y + box.height / 2, 150);
}

interface NodeValue {
  type: string;
  sharedId?: string;
  value?: { localName?: string; shadowRoot?: NodeValue | null };
}

/**
 * Runs `read(root, arg)` on the tooltip's shadow root in the tab's page world and returns its (JSON)
 * result; undefined when no tooltip host is in the page (it is there only while a tooltip is shown).
 * The root is closed to the page; WebDriver BiDi serialises an element's shadow root whatever its
 * mode and hands it back to a function by reference, as the Chromium suite does with the DevTools
 * protocol (test/e2e/tooltip-helpers.ts). `read` travels as source text.
 */
export async function inTooltip<R, A = undefined>(tab: Tab, read: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | undefined> {
  const { bidi } = tab.browser;
  const target = { context: tab.context };
  // The host is a popover (the top layer): every popover of the page, with its shadow root.
  const found = await bidi.send<{ type: string; result?: { type: string; value?: NodeValue[] } }>('script.callFunction', {
    functionDeclaration: 'function () { return [...document.querySelectorAll("[popover]")]; }',
    target,
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  for (const node of found.result?.value ?? []) {
    const shadow = node.value?.shadowRoot;
    if (!shadow?.sharedId) continue;
    const response = await bidi.send<{ type: 'success' | 'exception'; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>(
      'script.callFunction',
      {
        functionDeclaration: `async function (root, json) {
          if (!root.querySelector('.panel[role="tooltip"]')) return JSON.stringify({ tooltip: false });
          const value = await (${read.toString()})(root, json === undefined ? undefined : JSON.parse(json));
          return JSON.stringify({ tooltip: true, value });
        }`,
        target,
        arguments: [{ sharedId: shadow.sharedId }, arg === undefined ? { type: 'undefined' } : { type: 'string', value: JSON.stringify(arg) }],
        awaitPromise: true,
        resultOwnership: 'none',
      },
    );
    if (response.type === 'exception') throw new Error(`inTooltip: ${response.exceptionDetails?.text ?? 'exception'}`);
    const answer = JSON.parse(String(response.result?.value)) as { tooltip: boolean; value?: R };
    if (answer.tooltip) return answer.value;
  }
  return undefined;
}

/** The tooltip as shown in the page, or undefined when none is open (the fields the tests check). */
export async function readTooltip(tab: Tab) {
  return (await inTooltip(tab, readOpenTooltip)) ?? undefined;
}

/**
 * What a page's own script finds of Tifa's elements: the children of <html> besides <head> and
 * <body> (where the tooltip's host goes while a tooltip is shown), with their attributes and whether
 * the page can open their shadow root.
 */
export function addedToHtml(tab: Tab): Promise<Array<{ tag: string; attributes: string[]; shadowRoot: boolean }>> {
  return tab.evaluate(() =>
    [...document.documentElement.children]
      .filter((e) => e !== document.head && e !== document.body)
      .map((e) => ({ tag: e.localName, attributes: [...e.attributes].map((a) => `${a.name}=${a.value}`), shadowRoot: e.shadowRoot !== null })),
  );
}

export const openTooltip = async (tab: Tab) => (await waitFor(() => readTooltip(tab), 5000))!;

/**
 * How many pixels of a viewport box are close to `hex`: the box is captured by the browser and
 * decoded on a canvas in the control tab (an extension page; the page under test may forbid data: images).
 */
export async function pixelsNear(ff: FirefoxBrowser, tab: Tab, selector: string, hex: string, tolerance = 40): Promise<number> {
  const box = await tab.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  }, selector);
  if (!box) throw new Error(`pixelsNear: nothing matches ${selector}`);
  const png = await tab.capture(box);
  return ff.control.evaluate(
    async ({ data, color, tol }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return -1;
      ctx.drawImage(image, 0, 0);
      const px = ctx.getImageData(0, 0, image.width, image.height).data;
      const want = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
      let near = 0;
      for (let i = 0; i < px.length; i += 4) if (want.every((v, k) => Math.abs((px[i + k] ?? 0) - v) <= tol)) near++;
      return near;
    },
    { data: png, color: hex, tol: tolerance },
  );
}

/** Clicks the first element matching `selector` whose text matches `text`. */
export async function clickByText(tab: Tab, selector: string, text: RegExp): Promise<void> {
  const at = await tab.evaluate(
    ({ sel, source }) => {
      const pattern = new RegExp(source);
      const element = [...document.querySelectorAll(sel)].find((e) => pattern.test(e.textContent ?? ''));
      if (!element) return null;
      element.scrollIntoView({ block: 'center', behavior: 'instant' });
      const r = element.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    { sel: selector, source: text.source },
  );
  if (!at) throw new Error(`clickByText: no ${selector} with text ${text}`);
  await tab.click(at.x, at.y);
}
