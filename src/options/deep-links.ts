// Where the options page's address points: #entry=<id> (the tooltip's edit link), #draft=<json> (the
// context menu's "add to the glossary", src/options/form.ts parseDraft), or #<tab>. The page follows
// the hash when it opens and on every change.
import { useCallback, useEffect, useRef } from 'react';
import type { Entry } from '@/src/glossary/schema';
import { readEntries } from '@/src/glossary/storage/edits';
import { parseDraft, type Draft } from './form';
import type { StringKey } from './i18n';

export type Tab = 'glossary' | 'import' | 'extract' | 'settings';
export const TABS: Array<[Tab, StringKey]> = [
  ['glossary', 'tabGlossary'],
  ['import', 'tabImport'],
  ['extract', 'tabExtract'],
  ['settings', 'tabSettings'],
];

export function tabFromHash(hash: string): Tab | undefined {
  const name = hash.replace(/^#/, '');
  return TABS.some(([k]) => k === name) ? (name as Tab) : undefined;
}

export type DeepLink =
  | { kind: 'entry'; entry: Entry }
  | { kind: 'missing-entry'; id: string }
  | { kind: 'bad-draft' }
  /** A draft of a term the glossary has (as a term or a variant): that entry. */
  | { kind: 'draft-exists'; entry: Entry; term: string }
  | { kind: 'draft'; draft: Draft }
  | { kind: 'tab'; tab: Tab };

/** What `hash` asks for, given the glossary `entries`; undefined for no link. Pure. */
export function deepLink(hash: string, entries: readonly Entry[]): DeepLink | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('entry');
  const draftJson = params.get('draft');
  if (id !== null) {
    const entry = entries.find((e) => e.id === id);
    return entry ? { kind: 'entry', entry } : { kind: 'missing-entry', id };
  }
  if (draftJson !== null) {
    const draft = parseDraft(draftJson);
    if (!draft) return { kind: 'bad-draft' };
    const existing = entries.find((e) => e.term === draft.term || e.variants.includes(draft.term));
    return existing ? { kind: 'draft-exists', entry: existing, term: draft.term } : { kind: 'draft', draft };
  }
  const tab = tabFromHash(hash);
  return tab ? { kind: 'tab', tab } : undefined;
}

/**
 * Calls `follow` with the link of the address once the glossary is loaded (`entries`), and again
 * whenever the hash changes (with the glossary read afresh). A hash is followed once. Returns how the
 * page itself changes its address (an entry opened or saved, a tab chosen): that address counts as
 * followed, so a later change of the glossary (a save, a switch flipped in the list) never follows it
 * again, which would reopen the entry and drop what is being typed in the editor.
 */
export function useDeepLinks(entries: Entry[] | null, follow: (link: DeepLink) => void): (address: string) => void {
  const handledHash = useRef<string | null>(null);
  const latest = useRef(follow);
  latest.current = follow;
  useEffect(() => {
    if (!entries) return;
    const open = (hash: string, all: readonly Entry[]) => {
      const link = deepLink(hash, all);
      if (link) latest.current(link);
    };
    if (handledHash.current !== location.hash) {
      handledHash.current = location.hash;
      open(location.hash, entries);
    }
    const onHash = () => {
      handledHash.current = location.hash;
      void readEntries().then((all) => open(location.hash, all));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [entries]);
  return useCallback((address: string) => {
    history.replaceState(null, '', address);
    handledHash.current = location.hash;
  }, []);
}
