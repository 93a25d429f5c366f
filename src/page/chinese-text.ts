// Decides early whether a frame holds Chinese text at all. Most frames of a news page are ads,
// embeds and trackers with none: there Tifa reads no storage, sends no message and paints nothing,
// and only watches, cheaply, for Chinese text that arrives later (a single-page app rendering).

/** Han characters: CJK Unified Ideographs, Extension A and the compatibility block. */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/**
 * Text nodes walked on a page whose `lang` is Chinese (starting with `zh`, in lower case as pages
 * write it) before its text is asked: such a page meets Chinese text within its first text nodes
 * (its menu), and one whose text sits in one wrapper (the 1 MB page: ~15 ms to read it whole) is
 * not read at all.
 */
const WALK_FIRST = 50;

/**
 * Whether `root` holds Chinese text: a document whose title has a Han character, or a text node with
 * one outside scripts and styles. Walking nodes wraps each for the extension's world, the first of
 * each type dearest (on the bench's English article a walk of all ~1,600 nodes took 1.9 ms of CPU),
 * so the text is asked first, a child of the body at a time (textHasHan), and walked only where that
 * finds a Han character, to tell text from scripts; a page declared Chinese is walked first
 * (WALK_FIRST). Open shadow roots are not searched: the scanner reads them once a session runs.
 */
export function hasChineseText(root: Node): boolean {
  if (HAN.test((root as Document).title)) return true;
  // An element or a text node has no documentElement, and an XML document's element (an SVG file)
  // no lang. Elsewhere `left` is 1: the text is asked before the first node.
  let left = (root as Document).documentElement?.lang?.startsWith('zh') ? WALK_FIRST : 1;
  const scope = (root as Document).body ?? root;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(scope, 0x4 /* SHOW_TEXT */);
  // The walk starts at its root itself, which is a text node when one was added. Once the text was
  // asked, `left` goes below zero and it is not asked again.
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (!--left && !textHasHan(scope)) return false;
    if (isChineseTextNode(node as Text)) return true;
  }
  return false;
}

/** Whether a text node holds a Han character and is text, not a script's or a style's. */
const isChineseTextNode = (node: Text): boolean => HAN.test(node.data) && !NOT_TEXT.has(node.parentNode?.nodeName as string);

/**
 * Whether the text of `root` has a Han character, asked a child at a time without the children that
 * are scripts or styles: a page's data (a framework's JSON, inline CSS) sits there, often most of
 * its text, and would be read for nothing. A node without children (an added text node) is asked
 * itself. A doctype's textContent is null, tested as "null".
 */
const textHasHan = (root: Node): boolean =>
  // `some` over the live list, not a copy: only the children it reaches are wrapped.
  [].some.call(root.firstChild ? root.childNodes : [root], (child: Node) => !NOT_TEXT.has(child.nodeName) && HAN.test(child.textContent as string));

/**
 * Calls `found` once, as soon as `doc` holds Chinese text: at once if it does now, else when a
 * mutation brings some. Returns the function that stops waiting.
 */
export function whenChineseText(doc: Document, found: () => void): () => void {
  if (hasChineseText(doc)) {
    found();
    return () => undefined;
  }
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      // A text node whose text changed is asked alone, without a walker (a ticker or a clock changes
      // its text many times a minute).
      const hit = record.type === 'characterData' ? isChineseTextNode(record.target as Text) : [...record.addedNodes].some(hasChineseText);
      if (hit) {
        observer.disconnect();
        found();
        return;
      }
    }
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
