// The page report: which glossary entries a page holds and how often, this frame plus its
// same-origin frames. Frames of the same origin reach each other's content-script objects (the
// isolated world of one frame sees that of another), so the top frame adds up its children's
// counts without any message: a child with a session leaves them on its frame element, and tells
// its parent when they change.
// Entries are counted by entry key (src/glossary/page-glossary.ts: the same in every frame, which all
// read the same page glossary); src/page/page-names.ts names them for the popup.
import { FRAME_REPORT } from '@/src/messages';
import type { PageMatch } from './types';

/** Occurrences per entry, by entry key. */
export type ReportTerms = Array<{ key: string; count: number }>;

/** Property on a frame's window and frame element in the content script's world; page scripts live in another world and never see it. */
const FRAME_API = Symbol.for(FRAME_REPORT);

/**
 * What a frame with a session leaves on its window (for its children) and on its frame element (the
 * parent document's iframe, for its parent), in this world: page scripts see their own wrappers,
 * without it. A parent reads its children's on their elements and never touches a child's window:
 * asking a frame's `contentWindow` for a property made this world's context in every same-origin
 * frame at once, Chinese or not, ahead of its own gate (src/page/frame-gate.ts): on a page with 200
 * same-origin ad frames the top frame's first report took 120–150 ms of one task, before its paint.
 */
interface FrameApi {
  /** `ordered`: in order of first appearance (sorting walks the document: for reports, not for counts). */
  terms(ordered?: boolean): ReportTerms;
  childChanged(): void;
  /** The frame's document: once it has left its frame (navigated away, frame removed), it has no window. */
  doc: Document;
}

/**
 * Counts matches per entry, in the order `matches` first name each. With forEach, not for…of: run
 * cold, as on every page load, an iterator makes an object per match (~16 KB a load on a8).
 */
export function countTerms(matches: { forEach(each: (match: PageMatch) => void): void }): ReportTerms {
  const counts = new Map<string, number>();
  matches.forEach((match) => counts.set(match.id, (counts.get(match.id) ?? 0) + 1));
  const terms: ReportTerms = [];
  counts.forEach((count, key) => terms.push({ key, count }));
  return terms;
}

/** Adds the counts of `more` into `into` (by entry key). */
export function mergeTerms(into: ReportTerms, more: ReportTerms): ReportTerms {
  // Most pages have no frame with terms: nothing to copy.
  if (!more.length) return into;
  const byKey = new Map(into.map((t) => [t.key, { ...t }]));
  for (const t of more) {
    const existing = byKey.get(t.key);
    if (existing) existing.count += t.count;
    else byKey.set(t.key, { ...t });
  }
  return [...byKey.values()];
}

/** The terms of a document's same-origin child frames (recursively, through their own APIs). */
export function childTerms(doc: Document, ordered?: boolean): ReportTerms {
  let terms: ReportTerms = [];
  // A window's length is its number of child frames: without any, no query (a first one costs ~0.1 ms).
  if (!doc.defaultView?.length) return terms;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    const api = (frame as unknown as Record<symbol, FrameApi | undefined>)[FRAME_API];
    // A child's failure (its document going as it is read) leaves it out of this report, and never
    // fails the caller's pass: the parent's report, or a child telling of its own change.
    try {
      if (api?.doc.defaultView) terms = mergeTerms(terms, api.terms(ordered));
    } catch {}
  }
  return terms;
}

/**
 * Publishes this frame's counts to its parent and gathers its children's. `ownTerms` gives this
 * frame's own counts; `onChange` runs when this frame's or a child's counts may have changed.
 */
export function connectFrames(doc: Document, ownTerms: (ordered?: boolean) => ReportTerms, onChange: () => void): {
  terms(ordered?: boolean): ReportTerms;
  changed(): void;
  disconnect(): void;
} {
  const win = doc.defaultView;
  const api: FrameApi = {
    terms: (ordered) => mergeTerms(ownTerms(ordered), childTerms(doc, ordered)),
    childChanged: onChange,
    doc,
  };
  // Null where the parent is cross-origin (or none): then no parent can read this frame's terms.
  const element = win?.frameElement;
  const holders = [win, element] as unknown as Array<Record<symbol, FrameApi | undefined> | null | undefined>;
  for (const holder of holders) if (holder) holder[FRAME_API] = api;
  /** Tells the parent's session, if it has one; whatever fails there is the parent's, not this frame's pass. */
  const tellParent = (): void => {
    try {
      (element?.ownerDocument.defaultView as unknown as Record<symbol, FrameApi | undefined> | null | undefined)?.[FRAME_API]?.childChanged();
    } catch {}
  };
  return {
    terms: api.terms,
    changed: tellParent,
    disconnect() {
      for (const holder of holders) if (holder?.[FRAME_API] === api) delete holder[FRAME_API];
      tellParent();
    },
  };
}
