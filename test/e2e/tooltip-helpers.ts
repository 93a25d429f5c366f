// What a tooltip test needs of a page: where the painted terms are (read from CSS.highlights, the
// registry the page shares with the extension) and what the tooltip shows. The tooltip lives in a
// closed shadow root, which the page's own scripts (and so page.evaluate) cannot open: the tests read
// it through the DevTools protocol, which sees closed roots and which no page has (inTooltip).
import type { CDPSession, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitFor, type ExtensionBrowser } from './harness';

export interface TermBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Every painted highlight range in the frame, with its first line box, in viewport coordinates of
 * the frame. Ranges in open shadow roots are included (a Range measures them like any other).
 */
export function paintedTerms(frame: Page | Frame): Promise<TermBox[]> {
  return frame.evaluate(() => {
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

/** The first line box of the nth painted occurrence of `text`, scrolled into view if it was not. */
export async function termBox(frame: Page | Frame, text: string, nth = 0): Promise<TermBox> {
  let box = (await paintedTerms(frame)).filter((t) => t.text === text)[nth];
  const height = await frame.evaluate(() => window.innerHeight);
  if (box && (box.y < 0 || box.y + box.height > height)) {
    await frame.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), box.y - height / 2);
    box = (await paintedTerms(frame)).filter((t) => t.text === text)[nth];
  }
  if (!box) throw new Error(`term ${text} (#${nth}) is not painted; painted: ${(await paintedTerms(frame)).map((t) => t.text).join(' ')}`);
  return box;
}

export interface TooltipState {
  open: boolean;
  inTopLayer: boolean;
  pinned: boolean;
  dark: boolean;
  side: 'above' | 'below';
  role: string | null;
  labelledBy: string | null;
  labelText: string | null;
  term: string;
  /** The text as written on the page, shown when it is a variant of the term. */
  variant: string;
  pinyin: string;
  official: string;
  alternatives: string;
  category: string;
  summary: string[];
  explanation: string[];
  components: string[];
  quote: string;
  section: string;
  text: string;
  elementCount: number;
  imgCount: number;
  live: string;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  scrollHeight: number;
  clientHeight: number;
}

/** A node of DOM.getDocument's answer: the parts used to find closed shadow roots. */
interface DomNode {
  backendNodeId: number;
  documentURL?: string;
  shadowRootType?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

const sessions = new WeakMap<Page | Frame, Promise<CDPSession>>();

/** A DevTools session for a page, or for a frame that runs in a process of its own (a cross-site frame). */
function devtools(target: Page | Frame): Promise<CDPSession> {
  let session = sessions.get(target);
  if (!session) {
    session = ('mainFrame' in target ? target : target.page()).context().newCDPSession(target);
    sessions.set(target, session);
  }
  return session;
}

/**
 * The shadow roots in a document, nested ones included, other frames' documents not; closed ones
 * first (the tooltip's is closed; open ones are searched too, so the helpers read older builds).
 */
function shadowRoots(node: DomNode, out: DomNode[] = []): DomNode[] {
  for (const root of node.shadowRoots ?? []) {
    out.push(root);
    shadowRoots(root, out);
  }
  for (const child of node.children ?? []) shadowRoots(child, out);
  return out;
}

/** The document of `frame` in the tree of its page (frames of the fixtures have distinct addresses). */
function frameDocument(node: DomNode, url: string): DomNode | undefined {
  if (node.contentDocument?.documentURL === url) return node.contentDocument;
  for (const next of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const found = frameDocument(next, url);
    if (found) return found;
  }
  return undefined;
}

/**
 * Runs `read(root, arg)` on the tooltip's shadow root in a page or frame, in the page's world, and
 * returns its (JSON) result; undefined when no tooltip host is in the page (it is there only while a
 * tooltip is shown). The root is closed: found with the DevTools protocol (DOM.getDocument with
 * pierce, which lists closed roots) and handed to the function by reference, as `this` of
 * Runtime.callFunctionOn. `read` travels as source text, like page.evaluate's functions.
 */
export async function inTooltip<R, A = undefined>(target: Page | Frame, read: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | undefined> {
  const page = 'mainFrame' in target ? target : target.page();
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  let cdp = await devtools(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  let doc = frame === page.mainFrame() ? root : frameDocument(root, frame.url());
  if (!doc) {
    // A cross-site frame runs in a process of its own: its document is not in the page's tree.
    const own = await devtools(frame).catch(() => undefined);
    if (!own) return undefined;
    cdp = own;
    doc = ((await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode }).root;
  }
  const objectGroup = 'tooltip-test';
  try {
    const roots = shadowRoots(doc).sort((a, b) => Number(b.shadowRootType === 'closed') - Number(a.shadowRootType === 'closed'));
    for (const shadow of roots) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup });
      if (!object.objectId) continue;
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        // __name: what tsx (the benchmarks) wraps inner functions in; vitest does not.
        functionDeclaration: `function (arg) {
          const __name = (f) => f;
          if (!this.querySelector('.panel[role="tooltip"]')) return { tooltip: false };
          return Promise.resolve((${read.toString()})(this, arg)).then((value) => ({ tooltip: true, value }));
        }`,
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`inTooltip: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      const answer = result.value as { tooltip: boolean; value?: R };
      if (answer.tooltip) return answer.value;
    }
  } catch (error) {
    // The host left the page between the two calls (the tooltip closed): nothing is shown.
    if (String(error).includes('No node with given id')) return undefined;
    throw error;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
  return undefined;
}

/**
 * Reads what the tests check of an open tooltip, given its shadow root; undefined when it is not
 * open. Runs in the page (the Firefox suite runs it too, test/e2e-firefox/support.ts).
 */
export function readOpenTooltip(root: ShadowRoot) {
  const host = root.host;
  const panel = root.querySelector<HTMLElement>('.panel.open');
  if (!panel || !host.isConnected) return undefined;
  const text = (sel: string) => root.querySelector(sel)?.textContent ?? '';
  const texts = (sel: string) => [...root.querySelectorAll(sel)].map((n) => n.textContent ?? '');
  const labelledBy = panel.getAttribute('aria-labelledby');
  const r = panel.getBoundingClientRect();
  const scroller = root.querySelector('.scroll') ?? panel;
  return {
    open: true,
    inTopLayer: host.matches(':popover-open'),
    pinned: panel.classList.contains('pinned'),
    dark: panel.classList.contains('dark'),
    side: panel.classList.contains('above') ? ('above' as const) : ('below' as const),
    role: panel.getAttribute('role'),
    labelledBy,
    labelText: labelledBy ? (root.getElementById(labelledBy)?.textContent ?? null) : null,
    term: text('.term'),
    variant: text('.variant-text'),
    pinyin: text('.pinyin'),
    official: text('.official'),
    alternatives: text('.alternatives'),
    category: text('.category'),
    summary: texts('.summary-text'),
    explanation: texts('.explanation-text'),
    components: texts('.component'),
    quote: text('.quote-text'),
    section: text('.section'),
    text: panel.textContent ?? '',
    elementCount: panel.querySelectorAll('*').length,
    imgCount: root.querySelectorAll('img').length,
    live: text('.live'),
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    scrollHeight: scroller.scrollHeight,
    clientHeight: scroller.clientHeight,
  };
}

/** The tooltip as shown in the frame, or undefined when none is open. */
export async function readTooltip(frame: Page | Frame): Promise<TooltipState | undefined> {
  return (await inTooltip(frame, readOpenTooltip)) ?? undefined;
}

/** Resolves once the tooltip's opening animation has finished (for screenshots of it at rest). */
export async function tooltipAtRest(frame: Page | Frame): Promise<void> {
  await inTooltip(frame, (root) => Promise.all(root.getAnimations().map((a) => a.finished)).then(() => true));
}

/** The viewport box of an element in the open tooltip (its centre too), or undefined. */
export function boxInTooltip(frame: Page | Frame, selector: string) {
  return inTooltip(
    frame,
    (root, sel) => {
      const r = root.querySelector(sel)?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2, top: r.top, bottom: r.bottom } : undefined;
    },
    selector,
  );
}

/** Whether the tooltip is what the page shows at (x, y): topmost, above the page's own layers. */
export async function tooltipOnTopAt(frame: Page | Frame, at: { x: number; y: number }): Promise<boolean> {
  return !!(await inTooltip(frame, (root, { x, y }) => root.host.ownerDocument.elementFromPoint(x, y) === root.host, at));
}

/**
 * What a page's own script finds of Tifa's elements: the children of <html> besides <head> and
 * <body> (where the tooltip's host goes while a tooltip is shown), by tag name.
 */
export function addedToHtml(frame: Page | Frame): Promise<string[]> {
  return frame.evaluate(() =>
    [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).map((e) => e.localName),
  );
}

/** Opens `url` and waits until `term` is painted and the first pass is done. */
export async function openPainted(browser: ExtensionBrowser, url: string, term: string): Promise<Page> {
  const page = await browser.open(url);
  await waitFor(async () => (await paintedTerms(page)).some((t) => t.text === term), 10_000);
  // And settled: ambiguous terms are painted only once segmentation confirms them, after the first
  // pass; the page report is answered once both are done (src/page/start.ts).
  await browser.pageReport(page);
  return page;
}

/** The tooltip once it is open (it opens after the hover delay). */
export const openedTooltip = async (frame: Page | Frame): Promise<TooltipState> => (await waitFor(() => readTooltip(frame), 4000))!;

/** Moves the real mouse onto the middle of a term, in small steps like a hand would. */
export async function hover(page: Page, box: TermBox, offset = { x: 0, y: 0 }): Promise<void> {
  await page.mouse.move(box.x + box.width / 2 + offset.x, box.y + box.height / 2 + offset.y, { steps: 4 });
}

/** Whether the tooltip explains the text painted on the page (its term, or a variant of it). */
export const explains = (tip: TooltipState, painted: string): boolean => tip.term === painted || tip.variant === painted;

/** Markup that would run script if any glossary field were ever parsed as HTML. */
export const MARKUP_PAYLOAD = '<img src=x onerror="window.__pwned=1">';

/** A glossary entry (term 测试提法) carrying markup or script in every text field. */
export function markupEntry(id: string) {
  const payload = MARKUP_PAYLOAD;
  return {
    id,
    term: '测试提法',
    variants: [],
    pinyin: 'cèshì tífǎ',
    english: [`test ${payload}`, `<b>bold</b>`],
    category: 'jargon',
    summary: { zh: `摘要${payload}`, en: `summary ${payload}` },
    explanation: { zh: `解释<script>window.__pwned=2</script>`, en: `<a href="javascript:alert(1)">x</a>` },
    components: [{ zh: payload, en: payload }],
    source: { quote: payload, section: '<i>section</i>' },
    related: [],
    ambiguous: false,
    enabled: true,
  };
}

/** Hovers the markup entry's term; its tooltip must show the markup literally, and nothing may run. */
export async function expectMarkupShownAsText(page: Page): Promise<void> {
  const payload = MARKUP_PAYLOAD;
  await hover(page, await termBox(page, '测试提法'));
  const tip = (await waitFor(() => readTooltip(page), 4000))!;
  expect(tip.official).toBe(`test ${payload}`);
  expect(tip.summary).toEqual([`摘要${payload}`, `summary ${payload}`]);
  expect(tip.quote).toBe(payload);
  expect(tip.imgCount).toBe(0);
  expect(await inTooltip(page, (root) => root.querySelectorAll('img, script, a, b, i').length)).toBe(0);
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}
