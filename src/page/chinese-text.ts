// Decides early whether a frame holds Chinese text at all. Most frames of a news page are ads,
// embeds and trackers with none: there Tifa reads no storage, sends no message and paints nothing,
// and only watches, cheaply, for Chinese text that arrives later (a single-page app rendering).

/** Han characters: CJK Unified Ideographs, Extension A and the compatibility block. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/**
 * Text nodes of the body walked, on a page that declares itself Chinese, before its text as a whole
 * is asked.
 * Walking wraps each node it returns for the extension's world (the first of each type costs most),
 * while the text as one string costs about what touching the page does: on the bench's English
 * article a walk of all its ~1,600 nodes took 1.9 ms of CPU, and its text ~0.2 ms. A page declared
 * Chinese has Chinese text within its first text nodes, its menus; asking its text first would cost
 * most where that text is long: ~15 ms on the 1 MB page, whose title has no Han character.
 */
const WALK_FIRST = 50;

/**
 * Whether `root` holds Chinese text: a document whose title has a Han character, or a text node
 * with one outside scripts and styles. A root whose text holds no Han character at all (scripts and
 * styles included) holds none: that is asked first, except on a page whose `lang` is Chinese, where it
 * is asked past WALK_FIRST text nodes; where it holds some, the walk goes on. Open shadow roots are
 * not searched: the scanner reads them once a session runs, and a page of components has a title.
 */
export function hasChineseText(root: Node): boolean {
  const doc = root as Document;
  if (HAN.test(doc.title)) return true;
  // A document's element, which has its text and its lang: the one element wrapped when there is none.
  const scope = doc.documentElement ?? root;
  const declared = /^zh/i.test((scope as HTMLElement).lang);
  // A null textContent (a document's) reads as "null": no Han character.
  if (!declared && !HAN.test(scope.textContent as string)) return false;
  const walkRoot = doc.body ?? scope;
  const walker = (root.ownerDocument ?? doc).createTreeWalker(walkRoot, 0x4 /* SHOW_TEXT */);
  // Where the text was asked already, `left` goes below zero and it is not asked again.
  let left = declared ? WALK_FIRST : 0;
  // The walk starts at its root itself, which is a text node when one was added.
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (!--left && !HAN.test(scope.textContent as string)) return false;
    if (HAN.test((node as Text).data) && !NOT_TEXT.has(node.parentNode?.nodeName ?? '')) return true;
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
