// Names what a page found for the popup: matches and counts carry entry keys
// (src/glossary/page-glossary.ts), and the background says which entries they stand for.
import { sendRequest, type EntryName, type PageReport } from '@/src/messages';
import type { ReportTerms } from './report';

/** What entry keys stand for, from the background (with the entries when `entries`); nothing when it cannot answer. */
export const nameKeys = (keys: string[], entries?: boolean): Promise<Array<EntryName | null | undefined>> =>
  keys.length > 0 ? sendRequest({ type: 'tifa:name-entries', keys, entries }).then((r) => r.names, () => []) : Promise.resolve([]);

/** The report's terms with the entries' ids and terms; keys the background does not know are left out. */
export async function nameTerms(terms: ReportTerms): Promise<PageReport['terms']> {
  const names = await nameKeys(terms.map((t) => t.key));
  const named: PageReport['terms'] = [];
  terms.forEach(({ count }, i) => {
    const name = names[i];
    if (name) named.push({ id: name.id, term: name.term, count });
  });
  return named;
}
