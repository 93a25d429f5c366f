// Decides early whether a frame holds Chinese text at all. Most frames of a news page are ads,
// embeds and trackers with none: there Tifa reads no storage, sends no message and paints nothing,
// and only watches, cheaply, for Chinese text that arrives later (a single-page app rendering).

/** Han characters: CJK Unified Ideographs, Extension A and the compatibility block. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** Whether `root` (with its open shadow roots) holds a text node with a Han character outside scripts and styles. */
export function hasChineseText(root: Node): boolean {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === 3 /* text */) {
      if (HAN.test((node as Text).data) && !NOT_TEXT.has(node.parentNode?.nodeName ?? '')) return true;
    } else if (node.nodeType === 1 /* element */) {
      const shadow = (node as Element).shadowRoot;
      if (shadow && hasChineseText(shadow)) return true;
    }
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
          : [...record.addedNodes].some((node) => hasChineseText(node));
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
