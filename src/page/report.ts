// The page report: which glossary entries a page holds and how often, this frame plus its
// same-origin frames. Frames of the same origin reach each other's content-script globals (the
// isolated world of one frame sees that of another), so the top frame adds up its children's
// counts without any message, and a child tells its parent when its counts change.
// Entries are counted by entry key (src/glossary/page-glossary.ts: the same in every frame, which all
// read the same page glossary); src/page/page-names.ts names them for the popup.
import { FRAME_REPORT } from '@/src/messages';
import type { PageMatch } from './types';

/** Occurrences per entry, by entry key. */
export type ReportTerms = Array<{ key: string; count: number }>;

/** Property on `window` in the content script's world; page scripts live in another world and never see it. */
const FRAME_API = Symbol.for(FRAME_REPORT);

interface FrameApi {
  /** `ordered`: in order of first appearance (sorting walks the document: for reports, not for counts). */
  terms(ordered?: boolean): ReportTerms;
  childChanged(): void;
}

/** Counts matches per entry, in the order `matches` first name each (a report in document order). */
export function countTerms(matches: readonly PageMatch[]): ReportTerms {
  const counts = new Map<string, number>();
  matches.forEach((match) => counts.set(match.id, (counts.get(match.id) ?? 0) + 1));
  return listCounts(counts);
}

/**
 * Occurrences by entry key, as the report lists them. With forEach, not for…of: run cold, as on
 * every page load, an iterator makes an object per step.
 */
export function listCounts(counts: ReadonlyMap<string, number>): ReportTerms {
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

function frameApiOf(win: Window | null): FrameApi | undefined {
  try {
    const api = (win as unknown as Record<symbol, unknown> | null)?.[FRAME_API];
    return api && typeof api === 'object' ? (api as FrameApi) : undefined;
  } catch {
    return undefined; // cross-origin: not ours to read
  }
}

/** The terms of a document's same-origin child frames (recursively, through their own APIs). */
export function childTerms(doc: Document, ordered?: boolean): ReportTerms {
  let terms: ReportTerms = [];
  // A window's length is its number of child frames: without any, no query (a first one costs ~0.1 ms).
  if (!doc.defaultView?.length) return terms;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    const api = frameApiOf((frame as HTMLIFrameElement).contentWindow);
    if (api) terms = mergeTerms(terms, api.terms(ordered));
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
  };
  if (win) (win as unknown as Record<symbol, unknown>)[FRAME_API] = api;
  const parentApi = (): FrameApi | undefined => (win && win.parent !== win ? frameApiOf(win.parent) : undefined);
  return {
    terms: api.terms,
    changed() {
      parentApi()?.childChanged();
    },
    disconnect() {
      if (win && (win as unknown as Record<symbol, unknown>)[FRAME_API] === api) {
        delete (win as unknown as Record<symbol, unknown>)[FRAME_API];
      }
      parentApi()?.childChanged();
    },
  };
}
