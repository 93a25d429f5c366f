// Contracts between page scanning (src/page), the tooltip (src/tooltip) and the content-script wiring.
import type { Entry } from '@/src/glossary/schema';

/** Where an occurrence lies: a StaticRange, or the same four fields in a plain object. */
export type MatchBounds = Pick<AbstractRange, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'>;

/** One painted occurrence of a glossary term on the page. */
export interface PageMatch {
  /** Entry id. */
  id: string;
  /** The matched text as written on the page (may be a variant or traditional form). */
  text: string;
  /**
   * Where it is; may span several text nodes (<b>两个</b>维护). Make a Range from it to measure it.
   * A StaticRange once painted; plain bounds for an occurrence never painted (a later occurrence in
   * the first-occurrence mode), which the 1 MB page has by the thousand: a StaticRange for each cost
   * it ~16 ms of a 55 ms scan (warm, `test/bench/profile.ts`).
   */
  range: MatchBounds;
  /**
   * Its place among the occurrences found by a pass in document order (src/page/scanner.ts), if it
   * was found by one: comparing two is a number, not a walk of the document (compareDocumentPosition
   * took 40 ms of one task on a 1 MB page, where thousands of confirmed ambiguous occurrences arrive
   * out of order). Such passes start only after every match was dropped, so any two numbers compare.
   */
  seq?: number;
}

/** The current matches of the page (top document, open shadow roots and this frame), kept up to date. */
export interface MatchIndex {
  /** All current matches in document order (may walk the document to sort them: not per pointer move). */
  list(): readonly PageMatch[];
  /** How many matches there are (cheap). */
  count(): number;
  /** The matches in no particular order (cheap). */
  values(): Iterable<PageMatch>;
  /** The match covering the caret position (node, offset), if any. Cheap: called on every mousemove. */
  at(node: Node, offset: number): PageMatch | undefined;
  /**
   * Reads the part of a long page left unread (src/page/scanner.ts, AHEAD_CHARS), for what needs
   * every match: resolves once read; undefined when nothing is left.
   */
  readRest?(): Promise<void> | undefined;
  /** Called after every rescan or removal; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * The glossary as the content script sees it: which entries exist (from the page glossary), and
 * their full text, fetched from the background when a tooltip first needs it.
 */
export interface GlossaryView {
  /** Whether the glossary in effect has this entry. */
  has(id: string): boolean;
  /** The entry, if it was loaded already. */
  entry(id: string): Entry | undefined;
  /** Loads the entry (once; later calls answer from memory). */
  load(id: string): Promise<Entry | undefined>;
}

/**
 * Marks every element Tifa adds to a page (the tooltip's host, the wrapping painter's <style>): a
 * property under this key, set and read in the content script's isolated world, where the tooltip
 * UI and the wrapping painter run too. The page's own scripts never see it (they see the element,
 * not the isolated world's properties on it), so, unlike an attribute, it tells the page nothing.
 * Mutations adding or removing such an element are ignored.
 */
export const OWN_UI = Symbol.for('tifa.ui');

/**
 * The element the wrapping painter (src/page/wrap-painter.ts) wraps matches in, where the Highlight
 * API is missing: in the page's DOM, so a name that says nothing. Scanning treats it as inline.
 */
export const WRAPPER_TAG = 'x-mark';
