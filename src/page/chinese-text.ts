// Decides early whether a frame holds Chinese text at all. Most frames of a news page are ads,
// embeds and trackers with none: there Tifa reads no storage, sends no message and paints nothing,
// and only watches, cheaply, for Chinese text that arrives later (a single-page app rendering).

/** Han characters: CJK Unified Ideographs, Extension A and the compatibility block. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/**
 * Nodes walked before the text as a whole is asked. Walking wraps every node for the extension's
 * world, ~1 µs a node here: on the bench's English article (~1,600 nodes) the whole walk took 1.9 ms
 * of CPU, and 300 nodes then the textContent 0.7 ms (test/bench/load-steps.ts). A frame with Chinese
 * text meets some within a few nodes (its title, mostly), and a small ad frame is walked to its end.
 */
const WALK_FIRST = 300;

/**
 * Whether `root` (with its open shadow roots) holds a text node with a Han character outside scripts
 * and styles. Past WALK_FIRST nodes, a root whose text holds no Han character at all (scripts and
 * styles included) is taken to hold none: its open shadow roots, which that text leaves out, go
 * unsearched then.
 */
export function hasChineseText(root: Node): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let left = WALK_FIRST;
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    // A document's own textContent is null: its element's.
    if (!--left && !HAN.test(((root as Document).documentElement ?? root).textContent ?? '')) return false;
    // An element has no `data` (tested as "undefined"), a text node no `shadowRoot`.
    const shadow = (node as Element).shadowRoot;
    if ((HAN.test((node as Text).data) && !NOT_TEXT.has(node.parentNode?.nodeName ?? '')) || (shadow && hasChineseText(shadow))) return true;
  }
  return false;
}

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
      const hit =
        record.type === 'characterData'
          ? HAN.test((record.target as Text).data)
          : [...record.addedNodes].some(hasChineseText);
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
