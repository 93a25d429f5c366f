// The in-page half of `npm run bench`: bundled with esbuild into one script and injected into a
// headless Chromium page. It runs the same scanner modules as the content script (src/page), the
// floor, and the matchers, and returns timings; mark.js is injected separately from node_modules.
import { buildPageGlossary } from '@/src/glossary/page-glossary';
import { AhoCorasick } from '@monyone/aho-corasick/greedy';
import type { Entry } from '@/src/glossary/schema';
import type { Pattern } from '@/src/messages';
import { compileMatcher } from '@/src/matcher/matcher';
import { createPainter } from '@/src/page/paint';
import { Scanner } from '@/src/page/scanner';
import { DEFAULT_LOOK } from '@/src/page/style';

export interface ScanResult {
  workMs: number;
  wallMs: number;
  longestSliceMs: number;
  matches: number;
  /** Ranges held by the registered highlights afterwards (what is painted). */
  painted: number;
  /**
   * The browser's own cost of those highlights: making a StaticRange for each painted match and
   * adding it to a registered Highlight, timed alone (no walking, matching or bookkeeping). It is
   * part of workMs, and no change to Tifa's code can make it smaller.
   */
  paintMs: number;
}

interface Bounds {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

/** Times new StaticRange + Highlight.add for `bounds` on a registered highlight, then removes it. */
function paintAlone(bounds: readonly Bounds[]): number {
  const highlight = new Highlight();
  CSS.highlights.set('tifa-bench-paint', highlight);
  const start = performance.now();
  for (const b of bounds) {
    highlight.add(new StaticRange({ startContainer: b.startContainer, startOffset: b.startOffset, endContainer: b.endContainer, endOffset: b.endOffset }));
  }
  const ms = performance.now() - start;
  CSS.highlights.delete('tifa-bench-paint');
  return ms;
}

/** Runs one complete first pass with a fresh scanner and clears it again. */
async function scan(entries: Entry[], patterns: Pattern[]): Promise<ScanResult> {
  const painter = await createPainter(document, DEFAULT_LOOK);
  // The first pass's slices: work time without the pauses between them, the longest, runs, matches.
  const pass = { workMs: 0, longestSliceMs: 0, matches: 0 };
  const scanner = new Scanner({
    doc: document,
    painter,
    // Segmentation lives in the service worker and is not part of this measurement.
    confirm: async (_text, candidates) => candidates.map(() => true),
    onSlice: (ms, _runs, matches) => {
      pass.workMs += ms;
      pass.longestSliceMs = Math.max(pass.longestSliceMs, ms);
      pass.matches += matches;
    },
  });
  scanner.setGlossary(buildPageGlossary(entries, patterns.map((p) => ({ ...p, ambiguous: false }))));
  const startedAt = performance.now();
  await scanner.start();
  const wallMs = performance.now() - startedAt;
  // Let the browser paint once with the highlights, as a user would see them.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  let painted = 0;
  const bounds: Bounds[] = [];
  // The painter's highlights are all the registry holds here (their names are random).
  for (const highlight of CSS.highlights.values() as unknown as Iterable<Set<AbstractRange>>) {
    painted += highlight.size;
    for (const r of highlight) bounds.push({ startContainer: r.startContainer, startOffset: r.startOffset, endContainer: r.endContainer, endOffset: r.endOffset });
  }
  scanner.stop();
  painter.destroy();
  if (pass.matches === 0 && painted > 0) throw new Error('the scanner reported no slices');
  const paintMs = paintAlone(bounds);
  return { ...pass, wallMs, painted, paintMs };
}

/** The floor: a bare TreeWalker over every text node, reading its text. */
function floor(): { ms: number; nodes: number; chars: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node as Text).data.length;
    nodes++;
  }
  return { ms: performance.now() - start, nodes, chars };
}

/**
 * The floor plus reading every code unit of every text node: what any scanner must at least do.
 * Shown beside the floor for context; the targets stay relative to the floor.
 */
function floorReadingText(): { ms: number; checksum: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let checksum = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let i = 0; i < data.length; i++) checksum = (checksum + data.charCodeAt(i)) | 0;
  }
  // The checksum is returned so the loop cannot be dropped as dead code.
  return { ms: performance.now() - start, checksum };
}

/** The page's text as one string (for the matcher-only comparison). */
function pageText(): string {
  return document.body.textContent ?? '';
}

function matcherOnly(texts: string[], text = pageText()): { compileMs: number; scanMs: number; matches: number } {
  const t0 = performance.now();
  const matcher = compileMatcher(texts.map((t) => ({ text: t })));
  const t1 = performance.now();
  const matches = matcher.scan(text).length;
  return { compileMs: t1 - t0, scanMs: performance.now() - t1, matches };
}

function libraryOnly(texts: string[], text = pageText()): { compileMs: number; scanMs: number; matches: number } {
  const t0 = performance.now();
  const automaton = new AhoCorasick(texts);
  const t1 = performance.now();
  const matches = automaton.matchInText(text).length;
  return { compileMs: t1 - t0, scanMs: performance.now() - t1, matches };
}

declare global {
  interface Window {
    tifaBench: {
      scan: typeof scan;
      floor: typeof floor;
      floorReadingText: typeof floorReadingText;
      pageText: typeof pageText;
      matcherOnly: typeof matcherOnly;
      libraryOnly: typeof libraryOnly;
    };
  }
}

window.tifaBench = { scan, floor, floorReadingText, pageText, matcherOnly, libraryOnly };
