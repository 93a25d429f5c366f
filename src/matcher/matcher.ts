// Many-pattern matcher over UTF-16 code units, scanned leftmost-longest.
// Pure: no DOM, no browser APIs, no dependencies, because it ships in the size-capped content script.
//
// Why not an automaton: every page and every frame compiles the glossary afresh, and for a glossary
// of Chinese terms (two to a dozen characters, rarely sharing more than their first two) building an
// Aho-Corasick double array cost 5–35 ms a page, more than scanning a whole article. Leftmost-longest
// needs no failure links: scanning positions left to right and taking the longest pattern that starts
// at the first position where any does gives exactly the leftmost-longest, non-overlapping matches.
// So patterns are grouped by their first two code units (hashed into a 64 Ki table), longest first:
// - compiling is one pass over the patterns and a sort per bucket (well under a millisecond for the
//   default glossary's 602 forms);
// - scanning reads one table entry per code unit of text while nothing fits, and where a pair of
//   units starts some pattern, compares the few patterns of that bucket with `startsWith`.
// A glossary with a one-unit pattern is grouped by first unit instead.

/** What the matcher needs of a pattern; `Pattern` from src/messages.ts fits. */
export interface MatcherPattern {
  readonly text: string;
}

/** One match: `text.slice(start, end)` equals the text of pattern `patternIndex` (UTF-16 offsets). */
export interface Match {
  start: number;
  end: number;
  patternIndex: number;
}

export interface Matcher {
  /**
   * Leftmost-longest, non-overlapping matches lying wholly inside `text[from, to)`, in order.
   * Offsets are into `text` (not relative to `from`), so a caller can scan part of a long string.
   */
  scan(text: string, from?: number, to?: number): Match[];
}

/** Index of a pair of code units in the 64 Ki bucket table; a collision only costs a wasted compare. */
const pairHash = (first: number, second: number): number => ((first << 6) ^ second) & 0xffff;

/** Compiles once; recompile only when the patterns change. */
export function compileMatcher(patterns: readonly MatcherPattern[]): Matcher {
  let shortest = Infinity;
  for (const { text } of patterns) if (text.length > 0 && text.length < shortest) shortest = text.length;
  const byPair = shortest >= 2;

  // Bucket b (1-based, 0 = no pattern starts here) holds the patterns starting with that pair (or
  // unit), longest first. A text given twice keeps its first index, as a match reports the lowest
  // pattern index.
  const bucketOf = new Int32Array(65536);
  const buckets: Bucket[] = [{ all: [], byThird: null }];
  const seen = new Set<string>();
  patterns.forEach(({ text }, patternIndex) => {
    if (text.length === 0 || seen.has(text)) return;
    seen.add(text);
    const first = text.charCodeAt(0);
    const key = byPair ? pairHash(first, text.charCodeAt(1)) : first;
    let b = bucketOf[key]!;
    if (b === 0) {
      b = bucketOf[key] = buckets.length;
      buckets.push({ all: [], byThird: null });
    }
    buckets[b]!.all.push({ text, index: patternIndex });
  });
  const longerFirst = (x: Candidate, y: Candidate): number => y.text.length - x.text.length || x.index - y.index;
  for (const bucket of buckets) {
    // Patterns given longest first (as the background stores them) need no sort.
    const all = bucket.all;
    for (let k = 1; k < all.length; k++) {
      if (longerFirst(all[k - 1]!, all[k]!) > 0) {
        all.sort(longerFirst);
        break;
      }
    }
    // Numbered slogans share their first two characters by the dozen (四个…, 两个…): a large bucket
    // is split again by the third code unit, so a probe compares a handful of candidates at most.
    if (bucket.all.length <= 8) continue;
    const byThird = new Map<number, Candidate[]>();
    for (const candidate of bucket.all) {
      const third = candidate.text.length > 2 ? candidate.text.charCodeAt(2) : -1;
      const list = byThird.get(third);
      if (list) list.push(candidate);
      else byThird.set(third, [candidate]);
    }
    bucket.byThird = byThird;
  }

  /** The longest pattern of bucket `b` found at `text[at…]` before `end`. */
  const longestAt = (text: string, at: number, end: number, b: number): Candidate | undefined => {
    const bucket = buckets[b]!;
    const third = text.charCodeAt(at + 2);
    if (bucket.byThird) {
      // Longer than two units: only those with this third unit can fit; then the two-unit ones.
      return firstFound(text, at, end, bucket.byThird.get(third), third) ?? firstFound(text, at, end, bucket.byThird.get(-1), third);
    }
    return firstFound(text, at, end, bucket.all, third);
  };

  const scan = (text: string, from = 0, to = text.length): Match[] => {
    const matches: Match[] = [];
    const end = Math.min(to, text.length);
    let i = Math.max(0, from);
    if (byPair) {
      let unit = text.charCodeAt(i);
      while (i + 1 < end) {
        const next = text.charCodeAt(i + 1);
        const b = bucketOf[pairHash(unit, next)]!;
        if (b !== 0) {
          const found = longestAt(text, i, end, b);
          if (found) {
            matches.push({ start: i, end: i + found.text.length, patternIndex: found.index });
            i += found.text.length;
            unit = text.charCodeAt(i);
            continue;
          }
        }
        unit = next;
        i++;
      }
    } else {
      while (i < end) {
        const b = bucketOf[text.charCodeAt(i)]!;
        if (b !== 0) {
          const found = longestAt(text, i, end, b);
          if (found) {
            matches.push({ start: i, end: i + found.text.length, patternIndex: found.index });
            i += found.text.length;
            continue;
          }
        }
        i++;
      }
    }
    return matches;
  };

  return { scan };
}

interface Candidate {
  text: string;
  index: number;
}

interface Bucket {
  /** Every pattern of the bucket, longest first. */
  all: Candidate[];
  /** For large buckets: the patterns by their third code unit (-1: two units long), longest first. */
  byThird: Map<number, Candidate[]> | null;
}

/**
 * The first of `candidates` (longest first) found at `text[at…]` before `end`. The caller has matched
 * the first code unit (or two); most candidates differ from the text by their third, so that one is
 * compared inline before the native `startsWith` call.
 */
function firstFound(text: string, at: number, end: number, candidates: readonly Candidate[] | undefined, third: number): Candidate | undefined {
  if (!candidates) return undefined;
  for (const candidate of candidates) {
    const length = candidate.text.length;
    if (at + length > end) continue;
    if (length > 2 && candidate.text.charCodeAt(2) !== third) continue;
    if (text.startsWith(candidate.text, at)) return candidate;
  }
  return undefined;
}
