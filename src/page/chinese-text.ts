// Decides early whether a frame holds Chinese text at all. Most frames of a news page are ads,
// embeds and trackers with none: there Tifa reads no storage, sends no message and paints nothing,
// and only watches, cheaply, for Chinese text that arrives later (a single-page app rendering).

/** Han characters: CJK Unified Ideographs, Extension A and the compatibility block. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/**
 * Whether `root` (with its open shadow roots) holds a text node with a Han character outside scripts
 * and styles. Walking the nodes wraps each for the extension's world, which costs: on the bench's
 * English article (~1,600 nodes) the walk took 1.9 ms of CPU, of which its first 300 nodes 0.4
 * (test/bench/load-steps.ts). So two cheaper questions come first. A document whose title has a Han
 * character has Chinese text (the title's). And a root whose text as one string (scripts and styles
 * included, ~0.2 ms there) has none has no Chinese text, save in open shadow roots, which that
 * string leaves out and which then go unsearched.
 */
export function hasChineseText(root: Node): boolean {
  if (root.nodeType === 9 /* document */ && HAN.test((root as Document).title)) return true;
  // A document's own textContent is null: its element's.
  if (!HAN.test(((root as Document).documentElement ?? root).textContent ?? '')) return false;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
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
