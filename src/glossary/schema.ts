// The glossary format: one schema for the shipped default, storage, import and export.
// Pure module: no DOM, no browser APIs.
import { z } from 'zod';
import { CATEGORIES } from './categories';
import { DEFAULT_SALIENCE, SALIENCES } from './salience';

export const GLOSSARY_FORMAT = 'tifa-glossary';
export const GLOSSARY_VERSION = 1;

export { CATEGORIES, CATEGORY_LABELS, type Category } from './categories';
export { DEFAULT_SALIENCE, SALIENCES, SALIENCE_LABELS, type Salience } from './salience';

const text = (max: number) => z.string().trim().min(1).max(max);
const bilingual = (max: number) => z.object({ zh: text(max), en: text(max) }).strict();

/** Tone-marked pinyin: letters (with tone marks and ü), spaces, apostrophes, hyphens. */
const PINYIN = /^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ' ·\-,]+$/;
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
    source: z
      .object({
        quote: text(2000),
        section: text(200),
      })
      .strict()
      .optional(),
    since: z.string().trim().max(100).optional(),
    related: z.array(z.string().regex(ID)).max(30).default([]),
    ambiguous: z.boolean().default(false),
    enabled: z.boolean().default(true),
    /** Where a user-added entry came from (a page address), if anywhere. */
    origin: z.string().max(2000).optional(),
  })
  .strict();

export type Entry = z.infer<typeof entrySchema>;
export type EntryInput = z.input<typeof entrySchema>;

export const glossarySchema = z
  .object({
    format: z.literal(GLOSSARY_FORMAT),
    version: z.literal(GLOSSARY_VERSION),
    entries: z.array(entrySchema).max(50_000),
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
