// Many-pattern matcher over UTF-16 code units, scanned leftmost-longest.
// Pure: no DOM, no browser APIs, no dependencies, because it ships in the size-capped content script.
//
// Why not an automaton: every page and every frame loads the glossary afresh, and for a glossary
// of Chinese terms (two to a dozen characters, rarely sharing more than their first two) building an
// Aho-Corasick double array cost 5–35 ms a page, more than scanning a whole article. Leftmost-longest
// needs no failure links: scanning positions left to right and taking the longest pattern that starts
// at the first position where any does gives exactly the leftmost-longest, non-overlapping matches.
// So patterns are grouped by their first two code units (their bucket's key), longest first:
// - building the buckets and their hash table is one pass over the patterns and a sort per bucket;
//   the background does it once per glossary (src/glossary/page-glossary.ts), and a page builds
//   nothing (`loadMatcher`): a page load used to spend ~15–20% of its script time compiling, and
//   filling the table from the buckets' keys still cost it ~0.4 ms;
// - scanning looks each pair of code units up in a small hash table while nothing fits, and where
//   a pair starts some pattern, compares the few forms of that bucket in place, unit by unit.
// A glossary with a one-unit pattern is grouped by first unit instead.

/** What the matcher needs of a pattern; `Pattern` from src/messages.ts fits. */
export interface MatcherPattern {
  readonly text: string;
}

/** One match: `text.slice(start, end)` equals a form of the tables, which carries `tag` (UTF-16 offsets). */
export interface Match {
  start: number;
  end: number;
  /** The number the tables carry for the form: compileMatcher's is the pattern's index; the page glossary's, the entry's. */
  tag: number;
}

export interface Matcher {
  /**
   * Leftmost-longest, non-overlapping matches lying wholly inside `text[from, to)`, in order.
   * Offsets are into `text` (not relative to `from`), so a caller can scan part of a long string.
   */
  scan(text: string, from?: number, to?: number): Match[];
}

/** The table slot of a pair of code units (of 64 Ki; a table of fewer slots keeps its low bits). */
export const pairHash = (first: number, second: number): number => ((first << 6) ^ second) & 0xffff;

/**
 * The matcher's tables as plain data (they travel in the page glossary: src/glossary/page-glossary.ts). `forms` is one
 * string of records, one per form: a code unit for the form's length, two for its tag, then the form
 * without its bucket's key (the first two units, or one: `byPair`), which every form of the bucket
 * shares: with 5,000 entries that is a fifth of what each page reads. One string, not an array of
 * forms: a page takes it as a slice of what storage gives and allocates no string per form (with
 * 5,000 entries the array made every page load collect garbage), and the matcher compares in place.
 * Bucket b holds the records forms[ends[b − 1] ?? 0 … ends[b]), a text given twice only once,
 * grouped by their third code unit (the two-unit and shorter ones last), each group longest first:
 * only one group and the last can match at a place, so a bucket read in order still gives the
 * longest first.
 */
export interface MatcherTables {
  forms: string;
  /** The buckets' keys, one after another: the first two code units of bucket b's forms at keys[2b], or (byPair false) their first unit at keys[b]. */
  keys: string;
  /** Number b (numberAt): where bucket b's records end in `forms` (a string offset). */
  ends: string;
  /** False when some form is one code unit long: buckets are then keyed by the first unit alone. */
  byPair: boolean;
  /**
   * The hash table of the buckets' keys, a power of two of numbers (numberAt): number pairHash of a
   * key (its first unit without byPair) & (their count − 1) is the first bucket of that slot + 1, or 0.
   */
  slots: string;
  /** Number b + 1 (numberAt): the next bucket of bucket b's slot + 1, or 0; always above b + 1 (so a damaged chain ends). */
  chain: string;
}

// The tables' numbers are strings too, two code units each (numberUnits), for the page glossary:
// a page takes them as slices of what storage gave, where parsed from JSON as arrays (3,079
// numbers for the shipped glossary) they were ~16 KB of young objects each load, which brought the
// page's scavenges sooner (docs/page-cost.md).

/**
 * Numbers in a record are code units counted from 0x40: printable, and far below the surrogates,
 * which storage would not keep intact alone.
 */
const BASE = 0x40;
/** A record's length unit and two tag units come before its form. */
const HEAD = 3;
/** A tag is split in two units of 12 bits: any count of entries fits. */
const TAG_BITS = 12;
/** A table's number is split in two units of 15 bits (up to 2^30), all far below the surrogates. */
const NUMBER_BITS = 15;

/** A number of a table (up to 2^30) as two code units. */
export const numberUnits = (n: number): string => String.fromCharCode(BASE + (n >> NUMBER_BITS), BASE + (n & ((1 << NUMBER_BITS) - 1)));

/** Number `i` of a table's string; NaN past its end (read as no bucket, no end). */
export const numberAt = (units: string, i: number): number =>
  ((units.charCodeAt(2 * i) - BASE) << NUMBER_BITS) + units.charCodeAt(2 * i + 1) - BASE;

/** The record of `form`, which leaves out its first `width` units (its bucket's key). */
const record = (form: string, tag: number, width: number): string =>
  String.fromCharCode(BASE + form.length, BASE + (tag >> TAG_BITS), BASE + (tag & ((1 << TAG_BITS) - 1))) + form.slice(width);

/** The tag of the record at `at`; NaN (no entry) where `forms` ends before it. */
const tagAt = (forms: string, at: number): number =>
  ((forms.charCodeAt(at + 1) - BASE) << TAG_BITS) + forms.charCodeAt(at + 2) - BASE;

/** The unit that groups a form in its bucket: its third, or -1 (grouped last). */
const thirdOf = (form: string): number => (form.length > 2 ? form.charCodeAt(2) : -1);

/** How many code units key a bucket. */
const keyWidth = (byPair: boolean): number => (byPair ? 2 : 1);

/**
 * The tables of `patterns`; each form carries `tagOf` its pattern's index (by default the index),
 * the first pattern's of equal texts.
 */
export function buildTables(patterns: readonly MatcherPattern[], tagOf: (index: number) => number = (index) => index): MatcherTables {
  let shortest = Infinity;
  for (const { text } of patterns) if (text.length > 0 && text.length < shortest) shortest = text.length;
  const byPair = shortest >= 2;
  const width = keyWidth(byPair);
  const buckets = new Map<string, number[]>();
  const seen = new Set<string>();
  patterns.forEach(({ text }, index) => {
    if (text.length === 0 || seen.has(text)) return;
    seen.add(text);
    const key = text.slice(0, width);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(index);
    else buckets.set(key, [index]);
  });
  const records: string[] = [];
  const keys: string[] = [];
  const ends: number[] = [];
  let length = 0;
  const text = (index: number): string => patterns[index]!.text;
  for (const [key, bucket] of buckets) {
    bucket.sort((x, y) => thirdOf(text(y)) - thirdOf(text(x)) || text(y).length - text(x).length || x - y);
    for (const index of bucket) {
      const made = record(text(index), tagOf(index), width);
      records.push(made);
      length += made.length;
    }
    keys.push(key);
    ends.push(length);
  }
  // Slots twice the buckets' count or more: about one key in four shares its slot. The full 64 Ki
  // table for a large glossary (the pair hash has 16 bits).
  const count = ends.length;
  const slots = Array.from({ length: Math.min(65536, 2 << Math.ceil(Math.log2(count + 1))) }, () => 0);
  const chain = Array.from({ length: count + 1 }, () => 0);
  // From the last bucket back, each slot's chain runs in increasing order.
  for (let b = count; b > 0; b--) {
    const key = keys[b - 1]!;
    const at = (byPair ? pairHash(key.charCodeAt(0), key.charCodeAt(1)) : key.charCodeAt(0)) & (slots.length - 1);
    chain[b] = slots[at]!;
    slots[at] = b;
  }
  const join = (numbers: number[]): string => numbers.map(numberUnits).join('');
  return { forms: records.join(''), keys: keys.join(''), ends: join(ends), byPair, slots: join(slots), chain: join(chain) };
}

/** The forms of `tables` with their tags and where their records start in `forms`, in table order (tests, tools). */
export function tableForms({ forms, keys, ends, byPair }: MatcherTables): Array<{ form: string; tag: number; at: number }> {
  const width = keyWidth(byPair);
  const list: Array<{ form: string; tag: number; at: number }> = [];
  for (let b = 0; b < ends.length / 2; b++) {
    const key = keys.slice(b * width, (b + 1) * width);
    for (let at = b > 0 ? numberAt(ends, b - 1) : 0; at < numberAt(ends, b); at += HEAD + forms.charCodeAt(at) - BASE - width) {
      list.push({ form: key + forms.slice(at + HEAD, at + HEAD + forms.charCodeAt(at) - BASE - width), tag: tagAt(forms, at), at });
    }
  }
  return list;
}

/** A matcher over tables built beforehand: it builds nothing itself. Matches report the tag of their form. */
export function loadMatcher({ forms, keys, ends, byPair, slots, chain }: MatcherTables): Matcher {
  const width = keyWidth(byPair);
  const low = slots.length / 2 - 1;
  /**
   * Numbered slogans share their first two characters by the dozen (四个…, 两个…): in a large bucket,
   * where each group starts (by its third unit) is found when a page first probes it, so a probe
   * compares a handful of forms at most.
   */
  const groups: Array<Map<number, [number, number]> | undefined> = [];
  const size = forms.length;
  /** Where the third unit of a record's form is, from the record's start. */
  const thirdAt = HEAD + 2 - width;

  // Tables from storage are not checked record by record (src/glossary/page-glossary.ts): a record
  // whose length runs past the forms matches nothing, and no bucket reaches past them.
  /** The length of the record's form at `at`: 0 (matching nothing, ending the walk) past the forms or for a damaged unit. */
  const lengthAt = (at: number): number => {
    const length = forms.charCodeAt(at) - BASE;
    return length >= width && at + HEAD + length - width <= size ? length : 0;
  };

  /** Where the first record of forms[from…to) found at `text[at…]` before `end` starts; -1 if none. Its key is there already. */
  const firstFound = (text: string, at: number, end: number, from: number, to: number, third: number): number => {
    for (let r = from, length = 0; r < to; r += HEAD + length - width) {
      length = lengthAt(r);
      if (length === 0) return -1;
      // Most forms differ from the text by their third unit: compared first.
      if (at + length > end || (length > 2 && forms.charCodeAt(r + thirdAt) !== third)) continue;
      const form = r + HEAD - width;
      let k = width;
      while (k < length && text.charCodeAt(at + k) === forms.charCodeAt(form + k)) k++;
      if (k === length) return r;
    }
    return -1;
  };

  const scan = (text: string, from = 0, to = text.length): Match[] => {
    const matches: Match[] = [];
    const end = Math.min(to, text.length);
    // Keyed by pairs, a match starts before the last unit.
    const last = byPair ? end - 1 : end;
    let i = Math.max(0, from);
    let unit = text.charCodeAt(i);
    while (i < last) {
      const next = text.charCodeAt(i + 1);
      // The slot's buckets, until one has this key (a damaged table reads as no bucket).
      let b = numberAt(slots, (byPair ? pairHash(unit, next) : unit) & low);
      while (b > 0 && (keys.charCodeAt((b - 1) * width) !== unit || (byPair && keys.charCodeAt(b * 2 - 1) !== next))) {
        const up = numberAt(chain, b);
        b = up > b ? up : 0;
      }
      if (b > 0) {
        const start = b > 1 ? numberAt(ends, b - 2) : 0;
        const stop = Math.min(numberAt(ends, b - 1), size);
        const third = text.charCodeAt(i + 2);
        let found: number;
        // Eight records of four-unit forms, about.
        if (stop - start <= 40) found = firstFound(text, i, end, start, stop, third);
        else {
          let spans = groups[b];
          if (!spans) {
            spans = groups[b] = new Map();
            for (let r = start, length = 0; r < stop; r += HEAD + length - width) {
              length = lengthAt(r);
              if (length === 0) break;
              const group = length > 2 ? forms.charCodeAt(r + thirdAt) : -1;
              const span = spans.get(group);
              if (span) span[1] = r + HEAD + length - width;
              else spans.set(group, [r, r + HEAD + length - width]);
            }
          }
          // This third unit's group, then the last one (the short forms).
          const own = spans.get(third);
          found = own ? firstFound(text, i, end, own[0], own[1], third) : -1;
          if (found < 0) {
            const short = spans.get(-1);
            if (short) found = firstFound(text, i, end, short[0], short[1], third);
          }
        }
        if (found >= 0) {
          const start = i;
          i += lengthAt(found);
          matches.push({ start, end: i, tag: tagAt(forms, found) });
          unit = text.charCodeAt(i);
          continue;
        }
      }
      unit = next;
      i++;
    }
    return matches;
  };

  return { scan };
}

/** Builds and loads at once (tests, tools); matches report the index of the pattern in `patterns`. */
export function compileMatcher(patterns: readonly MatcherPattern[]): Matcher {
  return loadMatcher(buildTables(patterns));
}
