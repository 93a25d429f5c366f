// The glossary list's search: results for the (deferred) query, over an index built in idle slices.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Entry } from '@/src/glossary/schema';
import { needsIndex, search, unindexedCount, warmIndex, type Query } from './search';

/** Entries the index may build on a keystroke (~50 µs each, pinyin included): about 10 ms at most. */
const INDEX_ON_THE_SPOT = 200;

/** The entries matching `query`; `searchable` is false while the results shown are those of an earlier query. */
export function useGlossarySearch(entries: Entry[] | null, query: Query) {
  // The search index is built in idle slices once the list is shown, ready for the first keystroke.
  const [indexedFor, setIndexedFor] = useState<readonly Entry[] | null>(null);
  useEffect(() => {
    if (!entries) return;
    const building = new AbortController();
    void warmIndex(entries, building.signal).then(() => !building.signal.aborted && setIndexedFor(entries));
    return () => building.abort();
  }, [entries]);
  // A search that would build much of the index at once (typing before warmIndex is done with a large
  // glossary) waits for it, showing the list as it was, rather than freezing the page; a few new
  // entries (a save, an import of some) are indexed on the spot.
  const searchable = useMemo(
    () => !entries || !needsIndex(query) || indexedFor === entries || unindexedCount(entries) <= INDEX_ON_THE_SPOT,
    [entries, query, indexedFor],
  );
  const lastResults = useRef<Entry[]>([]);
  const results = useMemo(() => (!entries ? [] : searchable ? search(entries, query) : lastResults.current), [entries, query, searchable]);
  useEffect(() => {
    lastResults.current = results;
  }, [results]);
  return { results, searchable };
}
