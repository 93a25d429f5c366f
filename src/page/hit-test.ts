// Maps a pointer position to the highlighted match under it. Highlights painted with the CSS Custom
// Highlight API are not elements, so they receive no mouse events: we ask the browser for the caret
// position under the pointer and look that up in the sorted match list, then confirm with the
// term's own rectangles (the caret APIs snap to the nearest character even far from any text).
import type { MatchBounds, MatchIndex, PageMatch } from './types';

/**
 * Binary search in a sorted list. `compare(item)` says where the sought point lies relative to the
 * item: negative when the point comes before it, positive after it, 0 when the item covers it.
 */
export function searchSorted<T>(items: readonly T[], compare: (item: T) => number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const item = items[mid] as T;
    const c = compare(item);
    if (c === 0) return item;
    if (c < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return undefined;
}

/**
 * A point lookup over matches in document order, for a MatchIndex's `at`. Matches in different
 * roots (the document, each open shadow root) have no common order, so each root is searched alone.
 * A match covers offsets from its start up to, not including, its end.
 */
export function createMatchLookup(list: readonly PageMatch[]): (node: Node, offset: number) => PageMatch | undefined {
  const byRoot = new Map<Node, PageMatch[]>();
  for (const m of list) {
    const root = m.range.startContainer.getRootNode();
    let group = byRoot.get(root);
    if (!group) byRoot.set(root, (group = []));
    group.push(m);
  }
  // One live Range, reused, because comparePoint needs a live Range and lookups run on every mousemove.
  let probe: Range | undefined;
  return (node, offset) => {
    const group = byRoot.get(node.getRootNode());
    if (!group) return undefined;
    probe ??= new Range();
    const range = probe;
    return searchSorted(group, (m) => {
      try {
        range.setStart(m.range.startContainer, m.range.startOffset);
        range.setEnd(m.range.endContainer, m.range.endOffset);
        const c = range.comparePoint(node, offset);
        // comparePoint counts the end boundary as inside; the end offset belongs to what follows.
        if (c === 0 && node === m.range.endContainer && offset === m.range.endOffset && !range.collapsed) return 1;
        return c;
      } catch {
        return 1; // a stale match whose nodes left the document: skip past it
      }
    });
  };
}

interface Caret {
  node: Node;
  offset: number;
}

type CaretPositionFromPoint = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;

/**
 * The caret position under a viewport point, looking into the given open shadow roots. Every browser
 * Tifa supports has caretPositionFromPoint (Chrome from 128, the manifest's minimum; Firefox always).
 */
function caretAt(doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[]): Caret | undefined {
  const pos = (doc as { caretPositionFromPoint: CaretPositionFromPoint }).caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] });
  return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
}

/** A live Range over `range` (StaticRanges cannot be measured), or undefined if its nodes moved. */
export function toLiveRange(range: MatchBounds): Range | undefined {
  const live = new Range();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return undefined;
  }
  return live;
}

/** The rectangle of `range` containing the point, if any (a term wrapping over two lines has two). */
export function rectAtPoint(range: MatchBounds, x: number, y: number, slop = 1): DOMRect | undefined {
  const live = toLiveRange(range);
  if (!live) return undefined;
  for (const rect of live.getClientRects()) {
    if (rect.width === 0 || rect.height === 0) continue;
    if (x >= rect.left - slop && x <= rect.right + slop && y >= rect.top - slop && y <= rect.bottom + slop) return rect;
  }
  return undefined;
}

export interface Hit {
  match: PageMatch;
  /** The part of the term under the pointer: the tooltip is placed against it. */
  rect: DOMRect;
}

/**
 * The match under a viewport point, or undefined. The caret lands between characters, before or
 * after the one under the pointer, so both neighbours are looked up and the rectangles decide.
 */
export function hitTest(
  doc: Document,
  x: number,
  y: number,
  matches: MatchIndex,
  shadowRoots: readonly ShadowRoot[],
): Hit | undefined {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== 3 /* text */) return undefined;
  const candidates = [matches.at(caret.node, caret.offset)];
  if (caret.offset > 0) candidates.push(matches.at(caret.node, caret.offset - 1));
  else {
    // At the start of a text node the character before may end the previous one: 维护<b>后</b>.
    const walker = doc.createTreeWalker(caret.node.getRootNode(), 0x4 /* SHOW_TEXT */);
    walker.currentNode = caret.node;
    const previous = walker.previousNode() as Text | null;
    if (previous && previous.length > 0) candidates.push(matches.at(previous, previous.length - 1));
  }
  for (const match of candidates) {
    if (!match) continue;
    const rect = rectAtPoint(match.range, x, y);
    if (rect) return { match, rect };
  }
  return undefined;
}

/** The open shadow roots that hold matches: caretPositionFromPoint only looks into roots it is given. */
export function shadowRootsOf(list: Iterable<PageMatch>): ShadowRoot[] {
  const roots = new Set<ShadowRoot>();
  for (const m of list) {
    const root = m.range.startContainer.getRootNode();
    if (root instanceof ShadowRoot) roots.add(root);
  }
  return [...roots];
}
