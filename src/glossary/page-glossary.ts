// What every page and frame gets of the glossary: only what finding, painting and counting terms
// need (surface forms, which entry each belongs to, its term, category and salience, whether
// segmentation must confirm it). The whole glossary (~490 KB for the shipped one) used to be sent to every frame; this
// is about 20 KB, and an entry's explanation is fetched only when its tooltip opens.
//
// The background writes it to storage.local as one JSON string (src/background/page-glossary.ts),
// so a page reads it together with the settings in one storage call and never has to wake the
// service worker, which MV3 stops after 30 s idle; one string crosses into the page as a string and
// is parsed natively, far faster than an object tree converted field by field.
// Pure module: no DOM, no browser APIs.
import { CATEGORIES, type Category } from './categories';
import { DEFAULT_SALIENCE, SALIENCES } from './salience';
import type { Entry } from './schema';
import type { Pattern } from '@/src/messages';

export const PAGE_GLOSSARY_KEY = 'page-glossary';
/** 2: with salience. A page that finds format 1 stored asks the background, which rewrites it. */
const FORMAT = 2;

export interface PageGlossary {
  /** Entry ids, terms and categories by entry index (enabled entries only). */
  ids: string[];
  terms: string[];
  categories: Category[];
  /** Salience by entry index, as an index into SALIENCES (0 core, 1 context, 2 everyday): compact. */
  salience: number[];
  /** Surface forms, longest first (the order the matcher wants), each with its entry index. */
  forms: string[];
  entryOf: number[];
  /** Indices into `forms` of the forms segmentation must confirm. */
  ambiguous: number[];
}

/** The page glossary of `entries`, whose enabled entries `patterns` were compiled from. */
export function buildPageGlossary(entries: readonly Entry[], patterns: readonly Pattern[]): PageGlossary {
  const enabled = entries.filter((e) => e.enabled);
  const indexOf = new Map(enabled.map((e, i) => [e.id, i]));
  const kept = patterns.filter((p) => indexOf.has(p.id));
  // Stable: forms of equal length keep glossary order, so the earlier entry still wins a tie.
  const sorted = kept.map((p, order) => ({ p, order })).sort((a, b) => b.p.text.length - a.p.text.length || a.order - b.order);
  const ambiguous: number[] = [];
  sorted.forEach(({ p }, i) => {
    if (p.ambiguous) ambiguous.push(i);
  });
  return {
    ids: enabled.map((e) => e.id),
    terms: enabled.map((e) => e.term),
    categories: enabled.map((e) => e.category),
    // An entry without one (stored before salience, not re-validated) counts as the default.
    salience: enabled.map((e) => Math.max(0, SALIENCES.indexOf(e.salience ?? DEFAULT_SALIENCE))),
    forms: sorted.map(({ p }) => p.text),
    entryOf: sorted.map(({ p }) => indexOf.get(p.id)!),
    ambiguous,
  };
}

export function encodePageGlossary(glossary: PageGlossary): string {
  return JSON.stringify({ format: FORMAT, ...glossary });
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isIndexArray = (v: unknown, below: number): v is number[] =>
  Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0 && n < below);

/** The page glossary stored as `value`, or undefined when it is missing, of another format or damaged. */
export function decodePageGlossary(value: unknown): PageGlossary | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: Partial<PageGlossary> & { format?: unknown };
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch {
    return undefined;
  }
  if (!parsed || parsed.format !== FORMAT) return undefined;
  const { ids, terms, categories, salience, forms, entryOf, ambiguous } = parsed;
  if (!isStringArray(ids) || !isStringArray(terms) || !isStringArray(forms) || !Array.isArray(categories)) return undefined;
  if (terms.length !== ids.length || categories.length !== ids.length) return undefined;
  if (!categories.every((c) => (CATEGORIES as readonly string[]).includes(c))) return undefined;
  if (!isIndexArray(salience, SALIENCES.length) || salience.length !== ids.length) return undefined;
  if (!isIndexArray(entryOf, ids.length) || entryOf.length !== forms.length) return undefined;
  if (!isIndexArray(ambiguous, forms.length)) return undefined;
  return { ids, terms, categories: categories as Category[], salience, forms, entryOf, ambiguous };
}
