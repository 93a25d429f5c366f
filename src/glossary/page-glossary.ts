// What every page and frame gets of the glossary: only what finding, painting and counting terms
// need (surface forms, which entry each belongs to, its term, category and salience, whether
// segmentation must confirm it). The whole glossary (~490 KB for the shipped one) used to be sent to every frame; this
// is about 20 KB, and an entry's explanation is fetched only when its tooltip opens.
//
// The background writes it to storage.local as one JSON string (src/background/page-glossary.ts),
// so a page reads it together with the settings in one storage call and never has to wake the
// service worker, which MV3 stops after 30 s idle; one string crosses into the page as a string and
// is parsed natively, far faster than an object tree converted field by field. It carries the
// matcher's tables ready to use (src/matcher/matcher.ts), built here once per glossary, so a page
// does no compiling.
// Pure module: no DOM, no browser APIs.
import { CATEGORIES, type Category } from './categories';
import { DEFAULT_SALIENCE, SALIENCES } from './salience';
import type { Entry } from './schema';
import type { Pattern } from '@/src/messages';
import { buildTables, type MatcherTables } from '@/src/matcher/matcher';

export const PAGE_GLOSSARY_KEY = 'page-glossary';
/**
 * 4: categories stored as indices into CATEGORIES (3: with the matcher's tables; 2: with salience).
 * A page that finds an older format stored asks the background, which rewrites it.
 */
const FORMAT = 4;

export interface PageGlossary extends MatcherTables {
  /** Entry ids, terms and categories by entry index (enabled entries only). */
  ids: string[];
  terms: string[];
  categories: Category[];
  /** Salience by entry index, as an index into SALIENCES (0 core, 1 context, 2 everyday): compact. */
  salience: number[];
  /** The surface forms are the matcher's (MatcherTables: in its buckets); each form's entry index. */
  entryOf: number[];
  /** Indices into `forms` of the forms segmentation must confirm. */
  ambiguous: number[];
}

/** The page glossary of `entries`, whose enabled entries `patterns` were compiled from. */
export function buildPageGlossary(entries: readonly Entry[], patterns: readonly Pattern[]): PageGlossary {
  const enabled = entries.filter((e) => e.enabled);
  const indexOf = new Map(enabled.map((e, i) => [e.id, i]));
  const kept = patterns.filter((p) => indexOf.has(p.id));
  // A form given twice keeps its first pattern: the earlier entry wins, as the matcher reports the lowest index.
  const { tables, order } = buildTables(kept);
  const ambiguous: number[] = [];
  order.forEach((p, i) => {
    if (kept[p]!.ambiguous) ambiguous.push(i);
  });
  return {
    ...tables,
    ids: enabled.map((e) => e.id),
    terms: enabled.map((e) => e.term),
    categories: enabled.map((e) => e.category),
    // An entry without one (stored before salience, not re-validated) counts as the default.
    salience: enabled.map((e) => Math.max(0, SALIENCES.indexOf(e.salience ?? DEFAULT_SALIENCE))),
    entryOf: order.map((p) => indexOf.get(kept[p]!.id)!),
    ambiguous,
  };
}

/**
 * The stored string. Categories go as indices into CATEGORIES: a number parses faster than a string
 * and is a third of its length (50 KB of a 5,000-entry page glossary's 327 KB were category names).
 */
export function encodePageGlossary(glossary: PageGlossary): string {
  return JSON.stringify({ format: FORMAT, ...glossary, categories: glossary.categories.map((c) => CATEGORIES.indexOf(c)) });
}

// Plain loops: a page decodes this cold, where a callback per element costs far more than the check.
function isStringArray(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (const s of v) if (typeof s !== 'string') return false;
  return true;
}

/** Integers in [0, below); `rising`: each at least the one before. */
function isIndexArray(v: unknown, below: number, rising = false): v is number[] {
  if (!Array.isArray(v)) return false;
  let last = 0;
  for (const n of v) {
    if (!Number.isInteger(n) || n < (rising ? last : 0) || n >= below) return false;
    last = n as number;
  }
  return true;
}

/** The page glossary stored as `value`, or undefined when it is missing, of another format or damaged. */
export function decodePageGlossary(value: unknown): PageGlossary | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: Partial<Omit<PageGlossary, 'categories'>> & { format?: unknown; categories?: unknown };
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch {
    return undefined;
  }
  if (!parsed || parsed.format !== FORMAT) return undefined;
  const { ids, terms, categories, salience, forms, keys, ends, byPair, entryOf, ambiguous } = parsed;
  if (!isStringArray(ids) || !isStringArray(terms) || !isStringArray(forms)) return undefined;
  if (terms.length !== ids.length || !isIndexArray(categories, CATEGORIES.length) || categories.length !== ids.length) return undefined;
  if (!isIndexArray(salience, SALIENCES.length) || salience.length !== ids.length) return undefined;
  if (!isIndexArray(entryOf, ids.length) || entryOf.length !== forms.length) return undefined;
  if (!isIndexArray(ambiguous, forms.length)) return undefined;
  // The matcher reads forms[ends[b − 1] … ends[b]) for each bucket b: nothing may point past them.
  if (!isIndexArray(keys, 65536) || !isIndexArray(ends, forms.length + 1, true) || ends.length !== keys.length) return undefined;
  if ((ends[ends.length - 1] ?? 0) !== forms.length || typeof byPair !== 'boolean') return undefined;
  return { ids, terms, categories: categories.map((c) => CATEGORIES[c] as Category), salience, forms, keys, ends, byPair, entryOf, ambiguous };
}
