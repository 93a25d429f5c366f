// The synthetic 5,000-entry glossary of the benchmark, shared by run.ts and the working tools.
import type { Entry } from '@/src/glossary/schema';
import { CATEGORIES } from '@/src/glossary/schema';
import type { Pattern } from '@/src/messages';
import { generateGlossaryTerms } from './generate';

/** `count` synthetic entries shaped like real terms (numbered slogans, compounds), most absent from the page. */
export function syntheticGlossary(count: number): { entries: Entry[]; patterns: Pattern[] } {
  const entries = generateGlossaryTerms(count).map(
    (term, i): Entry => ({
      id: `synthetic-${i}`,
      term,
      variants: [],
      pinyin: 'ti fa',
      english: ['synthetic'],
      category: CATEGORIES[i % CATEGORIES.length] ?? 'concept',
      salience: 'context',
      summary: { zh: term, en: 'synthetic' },
      explanation: { zh: term, en: 'synthetic' },
      components: [],
      related: [],
      ambiguous: false,
      enabled: true,
    }),
  );
  return { entries, patterns: entries.map((e) => ({ text: e.term, id: e.id, ambiguous: false })) };
}
