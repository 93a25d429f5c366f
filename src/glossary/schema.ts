// The glossary format: one schema for the shipped default, storage, import and export.
// Pure module: no DOM, no browser APIs.
import { z } from 'zod';
import { CATEGORIES } from './categories';
import { COLLECTIONS } from './collections';
import { isHttpsUrl } from './https-url';

export { isHttpsUrl };
import { DEFAULT_SALIENCE, SALIENCES } from './salience';

export const GLOSSARY_FORMAT = 'tifa-glossary';
export const GLOSSARY_VERSION = 1;

export { CATEGORIES, CATEGORY_LABELS, type Category } from './categories';
export { COLLECTIONS, type Collection } from './collections';
export { DEFAULT_SALIENCE, SALIENCES, SALIENCE_LABELS, type Salience } from './salience';

const text = (max: number) => z.string().trim().min(1).max(max);
const bilingual = (max: number) => z.object({ zh: text(max), en: text(max) }).strict();

/** Tone-marked pinyin: letters (with tone marks and ü), spaces, apostrophes, hyphens. */
const PINYIN = /^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ' ·\-,]+$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a source backs up: the meaning, the first (official) English, the date, the enumerated items. */
export const SOURCE_SUPPORTS = ['meaning', 'english', 'date', 'items'] as const;
export type SourceSupport = (typeof SOURCE_SUPPORTS)[number];

/** A year, a month or a day: 2018, 2018-07, 2018-07-31. */
const SOURCE_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** A public text that backs an entry up: a document, an article, a reference work. */
const referenceSchema = z
  .object({
    title: text(300),
    /** The publisher or issuing body. */
    publisher: text(200),
    date: z.string().trim().regex(SOURCE_DATE, 'date: YYYY, YYYY-MM or YYYY-MM-DD').optional(),
    url: z.string().trim().max(2000).refine(isHttpsUrl, 'url: a full https:// address').optional(),
    supports: z
      .array(z.enum(SOURCE_SUPPORTS))
      .max(SOURCE_SUPPORTS.length)
      .refine((list) => new Set(list).size === list.length, 'supports: each at most once')
      .default([]),
  })
  .strict();

export type Reference = z.infer<typeof referenceSchema>;


export const entrySchema = z
  .object({
    id: z.string().regex(ID, 'id: lower-case letters, digits and hyphens'),
    term: text(60),
    variants: z.array(text(60)).max(30).default([]),
    pinyin: z.string().trim().min(1).max(200).regex(PINYIN, 'pinyin: letters with tone marks only'),
    english: z.array(text(200)).min(1, 'at least one English rendering').max(10),
    category: z.enum(CATEGORIES),
    /** How prominent the entry is on a page (src/glossary/salience.ts); older files have none. */
    salience: z.enum(SALIENCES).default(DEFAULT_SALIENCE),
    summary: bilingual(300),
    explanation: bilingual(4000),
    components: z.array(bilingual(300)).max(30).default([]),
    /**
     * The sentence the entry is drawn from: for the speech's entries a sentence of the speech and
     * the section holding it; for a collection's entries a sentence of a public text, cited.
     */
    source: z
      .object({
        quote: text(2000),
        section: text(200),
        /** The public text the quote comes from (absent: the quote is from the speech). */
        citation: referenceSchema.optional(),
      })
      .strict()
      .optional(),
    /** The shipped collection the entry belongs to beyond the speech's glossary (absent: the speech's, or the user's own). */
    collection: z.enum(COLLECTIONS).optional(),
    /**
     * Public texts that back the entry up. The shipped glossary gives 1–3 for every entry (a data
     * test checks it); users' own entries and files from older versions may have none.
     */
    sources: z.array(referenceSchema).max(3).optional(),
    /** Who uses the first English rendering (present: it is official; absent: it is descriptive). */
    englishOfficialBy: text(300).optional(),
    /** What the source speech does with the term, shown under the source quote. */
    speechRole: bilingual(1000).optional(),
    /** No public source defines the term (a local coinage): the explanation says so. */
    noPublicDefinition: z.boolean().optional(),
    since: z.string().trim().max(100).optional(),
    related: z.array(z.string().regex(ID)).max(30).default([]),
    ambiguous: z.boolean().default(false),
    /**
     * For an ambiguous term: longer expressions that contain it and mean something else (前四史 for
     * 四史, 两重性 for 两重). An occurrence inside one is not marked (src/glossary/sense-cues.ts).
     */
    notWithin: z.array(text(60)).max(30).optional(),
    /**
     * For an ambiguous term: words that, in the same sentence, show the characters are used in
     * another sense (债权人 for 留置 as a lien, 旧金山 for 大湾区). Such an occurrence is not marked.
     */
    otherSenseWords: z.array(text(30)).max(30).optional(),
    /**
     * For an ambiguous term with other-sense words: words that, in the same sentence (the occurrence
     * included), show its own sense after all (粤港澳, 深圳 for 大湾区 set beside 旧金山湾区).
     */
    ownSenseWords: z.array(text(30)).max(30).optional(),
    enabled: z.boolean().default(true),
    /** Where a user-added entry came from (a page address), if anywhere. */
    origin: z.string().max(2000).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    // An expression that does not contain the term can never cover an occurrence of it.
    const forms = surfaceForms(e).map((f) => f.trim());
    e.notWithin?.forEach((phrase, i) => {
      if (!forms.some((f) => phrase.includes(f) && phrase !== f)) {
        ctx.addIssue({ code: 'custom', path: ['notWithin', i], message: `notWithin: "${phrase}" must contain the term or a variant and be longer` });
      }
    });
  });

export type Entry = z.infer<typeof entrySchema>;
export type EntryInput = z.input<typeof entrySchema>;

/**
 * The most entries a glossary holds. Every way in keeps to it (an import, a save: src/glossary/import/
 * preview.ts overLimit, src/glossary/storage/edits.ts updateEntries), so every glossary Tifa
 * exports holds at most this many and imports again; the file size an import accepts follows from
 * it (src/glossary/import/result.ts MAX_IMPORT_BYTES).
 */
export const MAX_GLOSSARY_ENTRIES = 50_000;

export const glossarySchema = z
  .object({
    format: z.literal(GLOSSARY_FORMAT),
    version: z.literal(GLOSSARY_VERSION),
    entries: z.array(entrySchema).max(MAX_GLOSSARY_ENTRIES),
  })
  .strict()
  .superRefine((g, ctx) => {
    const ids = new Set<string>();
    g.entries.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `duplicate id "${e.id}"` });
      ids.add(e.id);
    });
  });

export type Glossary = z.infer<typeof glossarySchema>;

/** Every surface form an entry is written as in the glossary (term first). */
export function surfaceForms(entry: Pick<Entry, 'term' | 'variants'>): string[] {
  return [...new Set([entry.term, ...entry.variants])];
}
