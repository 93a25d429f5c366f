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
import { CATEGORIES } from './categories';
import { DEFAULT_SALIENCE, SALIENCES } from './salience';
import type { Entry } from './schema';
import type { Pattern } from '@/src/messages';
import { buildTables, type MatcherTables } from '@/src/matcher/matcher';

export const PAGE_GLOSSARY_KEY = 'page-glossary';
/**
 * 5: categories stay indices in the page, with the list of those used; elements are no longer
 * checked one by one (4: categories stored as indices; 3: with the matcher's tables; 2: with salience).
 * A page that finds an older format stored asks the background, which rewrites it.
 */
const FORMAT = 5;

export interface PageGlossary extends MatcherTables {
  /** Entry ids and terms by entry index (enabled entries only). */
  ids: string[];
  terms: string[];
  /**
   * Category by entry index, as an index into CATEGORIES: a number parses faster than a name and is a
   * third of its length (50 KB of a 5,000-entry page glossary were category names).
   */
  categories: number[];
  /** The categories some entry has, as indices into CATEGORIES: the painter prepares a highlight for each. */
  usedCategories: number[];
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
  const categories = enabled.map((e) => CATEGORIES.indexOf(e.category));
  return {
    ...tables,
    ids: enabled.map((e) => e.id),
    terms: enabled.map((e) => e.term),
    categories,
    usedCategories: [...new Set(categories)].sort((a, b) => a - b),
    // An entry without one (stored before salience, not re-validated) counts as the default.
    salience: enabled.map((e) => Math.max(0, SALIENCES.indexOf(e.salience ?? DEFAULT_SALIENCE))),
    entryOf: order.map((p) => indexOf.get(kept[p]!.id)!),
    ambiguous,
  };
}

/** The stored string. */
export function encodePageGlossary(glossary: PageGlossary): string {
  return JSON.stringify({ format: FORMAT, ...glossary });
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

const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

/**
 * The page glossary stored as `value`, or undefined when it is missing, of another format or of the
 * wrong shape (a list missing or of the wrong length). The elements of the long lists are not checked
 * one by one: only the background writes this string (pages cannot reach storage.local) and its
 * format number says how, while checking them cost a page more than parsing them (~8 ms of a cold
 * start with 5,000 entries, in a busy two-core run). Their readers take an element that is not what
 * it should be as no match (src/page/scanner.ts, src/matcher/matcher.ts); the short lists they index
 * with are checked.
 */
export function decodePageGlossary(value: unknown): PageGlossary | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: { [K in keyof PageGlossary]?: unknown } & { format?: unknown };
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch {
    return undefined;
  }
  if (!parsed || parsed.format !== FORMAT) return undefined;
  const { ids, terms, categories, usedCategories, salience, forms, keys, ends, byPair, entryOf, ambiguous } = parsed;
  if (!isArray(ids) || !isArray(terms) || !isArray(categories) || !isArray(salience) || !isArray(forms) || !isArray(entryOf)) return undefined;
  const n = ids.length;
  if (terms.length !== n || categories.length !== n || salience.length !== n || entryOf.length !== forms.length) return undefined;
  if (!isIndexArray(usedCategories, CATEGORIES.length) || !isIndexArray(ambiguous, forms.length)) return undefined;
  // The matcher reads forms[ends[b − 1] … ends[b]) for each bucket b, and reads a missing form as none.
  if (!isArray(keys) || !isArray(ends) || ends.length !== keys.length || (ends[ends.length - 1] ?? 0) !== forms.length) return undefined;
  if (typeof byPair !== 'boolean') return undefined;
  return { ids, terms, categories, usedCategories, salience, forms, keys, ends, byPair, entryOf, ambiguous } as PageGlossary;
}
