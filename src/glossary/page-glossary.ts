// What every page and frame gets of the glossary: only what finding, painting and counting terms
// need (surface forms, which entry each belongs to, its category and salience, whether segmentation
// must confirm it). The whole glossary (~490 KB for the shipped one) used to be sent to every frame;
// this is about 17,000 characters; the entries' ids and terms (9 KB more) and an entry's explanation are fetched
// from the background only when the page names what it found (the popup's list, a tooltip).
//
// The background writes it to storage.local as one string (src/background/page-glossary.ts), so a
// page reads it together with the settings in one storage call and never has to wake the service
// worker, which MV3 stops after 30 s idle; one string crosses into the page as a string, its small
// part JSON parsed natively and the rest (forms, traits, tables) taken as slices (encodePageGlossary), far faster than an
// object tree converted field by field. It carries the
// matcher's tables ready to use (src/matcher/matcher.ts), built here once per glossary, so a page
// does no compiling.
// Pure module: no DOM, no browser APIs.
import { CATEGORIES } from './categories';
import { DEFAULT_SALIENCE, SALIENCES } from './salience';
import type { Entry } from './schema';
import type { Pattern } from '@/src/messages';
import { buildTables, numberAt, type MatcherTables } from '@/src/matcher/matcher';

export const PAGE_GLOSSARY_KEY = 'page-glossary';
/**
 * 11: the traits, and the matcher's keys and tables of numbers as strings, after the JSON too (their
 * counts in it): 3,079 numbers parsed as arrays were ~16 KB of young objects each load. 10: the forms after the rest, outside its JSON (see encodePageGlossary). 9: with the matcher's hash
 * table of the buckets' keys, which each page used to fill itself (~0.4 ms of its script). 8: buckets keyed by their forms' first two code units, which the records leave out (a fifth of
 * the bytes with 5,000 entries). 7: the forms as one string of records carrying their entry
 * (src/matcher/matcher.ts), and each entry's category, salience and ambiguity as one code unit: a
 * page parses a few strings instead of ~30,000 values with 5,000 entries, and allocates as many
 * (every such load collected garbage). (6: without the entries' ids and terms, which pages ask the
 * background for by entry key when they name what they found: 44% of a 5,000-entry page glossary;
 * 5: categories stay indices in the page, with the list of those used; elements no longer checked
 * one by one; 4: categories stored as indices; 3: with the matcher's tables; 2: with salience.) A
 * page that finds an older format stored asks the background, which rewrites it.
 */
const FORMAT = 11;

/** An entry's traits, one code unit: its category (4 bits), salience (2 bits) and whether segmentation must confirm it, from 0x40 (see src/matcher/matcher.ts). */
const TRAIT_BASE = 0x40;
/** The traits' bit saying segmentation must confirm the entry's forms. */
const AMBIGUOUS = 64;

export interface PageGlossary extends MatcherTables {
  /** The version of the entry indexing: entry keys (entryKey) name entries of this version only. */
  version: string;
  /** How many entries there are (enabled ones only); entry indices run below it. Each form's tag is its entry's index. */
  entryCount: number;
  /**
   * Each entry's traits, by entry index (read with categoryOf, salienceOf, isAmbiguous): category as
   * an index into CATEGORIES, salience as one into SALIENCES (0 core, 1 context, 2 everyday).
   */
  traits: string;
  /** The categories some entry has, as indices into CATEGORIES: the painter prepares a highlight for each. */
  usedCategories: number[];
}

// The readers take an entry index below entryCount (callers check it): past the traits they read 0
// (a core concept), not nothing. A damaged trait reads as an index past CATEGORIES or SALIENCES.
const traitOf = (glossary: PageGlossary, entryIndex: number): number => glossary.traits.charCodeAt(entryIndex) - TRAIT_BASE;
/** The entry's category as an index into CATEGORIES. */
export const categoryOf = (glossary: PageGlossary, entryIndex: number): number => traitOf(glossary, entryIndex) & 15;
/** The entry's salience as an index into SALIENCES. */
export const salienceOf = (glossary: PageGlossary, entryIndex: number): number => (traitOf(glossary, entryIndex) >> 4) & 3;
/** Whether segmentation must confirm the entry's forms. */
export const isAmbiguous = (glossary: PageGlossary, entryIndex: number): boolean => (traitOf(glossary, entryIndex) & AMBIGUOUS) !== 0;

/** Entry ids and terms by entry index, for the page glossary of the same version (kept by the background). */
export interface PageNames {
  version: string;
  ids: string[];
  terms: string[];
}

/** A short hash (FNV-1a, 32 bits) naming a version: it changes when any id or term, or their order, does. */
function versionOf(ids: readonly string[], terms: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = `${ids.join('\n')}\u0000${terms.join('\n')}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${ids.length}-${(hash >>> 0).toString(36)}`;
}

/** The page names of `entries`: ids and terms of the enabled ones, in the page glossary's entry order. */
export function buildPageNames(entries: readonly Entry[]): PageNames {
  const enabled = entries.filter((e) => e.enabled);
  const ids = enabled.map((e) => e.id);
  const terms = enabled.map((e) => e.term);
  return { version: versionOf(ids, terms), ids, terms };
}

/** The page glossary of `entries`, whose enabled entries `patterns` were compiled from. */
export function buildPageGlossary(entries: readonly Entry[], patterns: readonly Pattern[]): PageGlossary {
  const enabled = entries.filter((e) => e.enabled);
  const indexOf = new Map(enabled.map((e, i) => [e.id, i]));
  const kept = patterns.filter((p) => indexOf.has(p.id));
  // A form given twice keeps its first pattern: the earlier entry wins, as the matcher reports the lowest index.
  const tables = buildTables(kept, (p) => indexOf.get(kept[p]!.id)!);
  // An entry is ambiguous if its patterns are (they all are or none: src/glossary/patterns.ts).
  const ambiguous = new Set(kept.filter((p) => p.ambiguous).map((p) => p.id));
  const categories = enabled.map((e) => CATEGORIES.indexOf(e.category));
  const traits = enabled.map((e, i) => {
    // An entry without one (stored before salience, not re-validated) counts as the default.
    const salience = Math.max(0, SALIENCES.indexOf(e.salience ?? DEFAULT_SALIENCE));
    return String.fromCharCode(TRAIT_BASE + categories[i]! + (salience << 4) + (ambiguous.has(e.id) ? AMBIGUOUS : 0));
  });
  return {
    ...tables,
    version: buildPageNames(enabled).version,
    entryCount: enabled.length,
    traits: traits.join(''),
    usedCategories: [...new Set(categories)].sort((a, b) => a - b),
  };
}

/**
 * How a page names an entry before it knows the entry's id: its index in the page glossary and the
 * glossary's version (`#12@3-1x9a2f`). Matches, counts and the tooltip's cache use it; the background
 * says which entry it stands for (tifa:name-entries): a key of the glossary in effect, or of one of
 * the few before it (a page holds those until it is told of the change).
 */
export const entryKey = (index: number, version: string): string => `#${index}@${version}`;

/** An entry key's parts: the entry index, then the glossary version. */
const ENTRY_KEY = /^#(\d+)@(.*)$/;

/** The entry index and glossary version an entry key names; undefined for anything else. */
export function parseEntryKey(key: string): { index: number; version: string } | undefined {
  const parts = ENTRY_KEY.exec(key);
  return parts ? { index: Number(parts[1]), version: parts[2]! } : undefined;
}

/** The entry index `key` stands for, if it is an entry key of `version`. (Not through parseEntryKey: the content script has no bytes for it.) */
export function entryIndexOf(key: string, version: string): number | undefined {
  const parts = ENTRY_KEY.exec(key);
  return parts?.[2] === version ? Number(parts[1]) : undefined;
}

/**
 * The stored string: the small fields as JSON, a line break, then the strings as they are: the
 * entries' traits and the matcher's keys, slots, chain, ends and forms, one after another (the JSON
 * says how many entries, buckets and slots, which fixes where each ends). JSON.stringify writes no line break of its own (one in a
 * string is escaped), so the first one ends the JSON. A page then parses only the small part: the
 * rest (with 5,000 entries, three quarters of the string) is neither scanned by the JSON parser nor
 * copied out of it, but taken as slices of the string storage gave (which V8 makes without copying).
 */
export function encodePageGlossary({ forms, traits, keys, slots, chain, ends, ...rest }: PageGlossary): string {
  return `${JSON.stringify({ format: FORMAT, ...rest, buckets: ends.length / 2, slotCount: slots.length / 2 })}\n${traits}${keys}${slots}${chain}${ends}${forms}`;
}

/** Integers in [0, below). A plain loop: a page decodes this cold, where a callback per element costs far more. */
function isIndexArray(v: unknown, below: number): v is number[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const n: unknown = v[i];
    if (typeof n !== 'number' || n < 0 || n >= below || Math.floor(n) !== n) return false;
  }
  return true;
}

/**
 * The page glossary stored as `value`, or undefined when it is missing, of another format or of the
 * wrong shape (a field missing, or the strings not ending where the forms' last bucket says). The
 * forms' records and the tables' numbers are not checked one by one: only the background writes
 * this string (pages cannot reach storage.local) and its format number says how, while checking
 * them cost a page more than parsing them (~8 ms of a cold start with 5,000 entries, in a busy
 * two-core run). The matcher takes a record that is not what it should be, a bucket that is none,
 * or a chain that does not climb, as no match (src/matcher/matcher.ts), and the scanner a tag that
 * is not an entry index (src/page/scanner.ts).
 */
export function decodePageGlossary(value: unknown): PageGlossary | undefined {
  if (typeof value !== 'string') return undefined;
  // No line break (an older format): the JSON parsed is cut short by one unit, and throws.
  let at = value.indexOf('\n');
  let parsed: { [K in keyof PageGlossary]?: unknown } & { format?: unknown; buckets?: unknown; slotCount?: unknown };
  try {
    parsed = JSON.parse(value.slice(0, at++)) as typeof parsed;
  } catch {
    return undefined;
  }
  if (!parsed || parsed.format !== FORMAT) return undefined;
  const { version, entryCount, usedCategories, byPair, buckets, slotCount } = parsed;
  if (typeof version !== 'string' || typeof byPair !== 'boolean' || !isIndexArray(usedCategories, CATEGORIES.length)) return undefined;
  // Counts as a table's numbers can be (matcher.ts numberUnits); slots a power of two.
  const counts: unknown = [entryCount, buckets, slotCount];
  if (!isIndexArray(counts, 2 ** 30)) return undefined;
  const [entries = 0, bucketCount = 0, slots = 0] = counts;
  if (!slots || slots & (slots - 1)) return undefined;
  const take = (units: number): string => value.slice(at, (at += units));
  parsed.traits = take(entries);
  parsed.keys = take(bucketCount * (byPair ? 2 : 1));
  parsed.slots = take(slots * 2);
  parsed.chain = take(bucketCount * 2 + 2);
  const ends = (parsed.ends = take(bucketCount * 2));
  // The matcher reads forms[end of b − 1 … end of b) for each bucket b, and no record past the forms:
  // the last bucket's end is where the string ends, so each string before had its length.
  const forms = (parsed.forms = value.slice(at));
  if ((bucketCount ? numberAt(ends, bucketCount - 1) : 0) !== forms.length) return undefined;
  // Checked field by field above; its `format` and counts too are left in (a copy costs the content script bytes).
  return parsed as PageGlossary;
}
