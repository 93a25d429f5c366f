// Large glossaries of realistic entries for the tests of the glossary's limits: copies of the shipped
// entries (full explanations, sources, quotes: 2.8–6.7 KB each when exported), each with an id and a
// term of its own. Shared by the unit tests of the limits (src/glossary/import/limits.test.ts) and
// the options page's end-to-end test of backups (test/e2e/backups.e2e.ts).
import fs from 'node:fs';
import path from 'node:path';
import { glossarySchema, type Entry } from '../../src/glossary/schema';

let shipped: Entry[] | undefined;

/** The shipped glossary as the data files hold it, validated (defaults filled in). */
function shippedEntries(): Entry[] {
  if (shipped) return shipped;
  const root = path.resolve(import.meta.dirname, '../..');
  const read = (file: string) => (JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { entries: unknown[] }).entries;
  shipped = glossarySchema.parse({ format: 'tifa-glossary', version: 1, entries: [...read('data/glossary.json'), ...read('data/national.json')] }).entries;
  return shipped;
}

/**
 * `count` entries numbered from `from`: entry n copies shipped entry n (mod their number) under the id
 * `<shipped id>-n<n>` and the term `<shipped term><n>`, so no two share an id or a term, and none
 * is a shipped entry (a merge adds every one). `related` is emptied: copies point nowhere.
 */
export function generatedEntries(count: number, from = 0): Entry[] {
  const base = shippedEntries();
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const e = base[n % base.length]!;
    // Terms are at most 60 characters; the shipped ones are far shorter. Expressions the term is not
    // marked within must still contain it (the schema checks), so they are renumbered with it.
    const term = `${e.term}${n}`;
    const notWithin = e.notWithin?.map((phrase) => phrase.replace(e.term, term));
    return { ...e, id: `${e.id}-n${n}`, term, related: [], ...(notWithin ? { notWithin } : {}) };
  });
}

/**
 * `count` short entries (about 400 bytes exported, like the issue's 50,000-entry file), for tests
 * where the number of entries matters and their length does not: the shipped entries' required
 * fields, shortened.
 */
export function shortEntries(count: number, from = 0): Entry[] {
  return generatedEntries(count, from).map(({ id, term, pinyin, english, category, salience }) => ({
    id,
    term,
    variants: [],
    pinyin,
    english: english.slice(0, 1),
    category,
    salience,
    summary: { zh: `${term}的摘要。`, en: 'A short summary.' },
    explanation: { zh: `${term}的解释。`, en: 'A short explanation.' },
    components: [],
    related: [],
    ambiguous: false,
    enabled: true,
  }));
}
