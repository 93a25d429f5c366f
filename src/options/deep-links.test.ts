import { describe, expect, test } from 'vitest';
import { defaultGlossary } from '@/src/glossary/default';
import { deepLink, tabFromHash } from './deep-links';

const entries = defaultGlossary().entries;
const first = entries[0]!;
const draftHash = (draft: unknown) => `#draft=${encodeURIComponent(JSON.stringify(draft))}`;

describe('deep links into the options page', () => {
  test('#entry=<id> opens that entry, or says it is missing', () => {
    expect(deepLink(`#entry=${encodeURIComponent(first.id)}`, entries)).toEqual({ kind: 'entry', entry: first });
    expect(deepLink('#entry=nope', entries)).toEqual({ kind: 'missing-entry', id: 'nope' });
  });

  test('#draft=<json> opens a new entry, the entry that has the term, or says the draft is damaged', () => {
    expect(deepLink(draftHash({ term: '新提法' }), entries)).toEqual({ kind: 'draft', draft: { term: '新提法' } });
    expect(deepLink(draftHash({ term: first.term }), entries)).toEqual({ kind: 'draft-exists', entry: first, term: first.term });
    expect(deepLink('#draft=%7Bnot%20json', entries)).toEqual({ kind: 'bad-draft' });
  });

  test('#<tab> selects a tab; anything else is no link', () => {
    expect(deepLink('#settings', entries)).toEqual({ kind: 'tab', tab: 'settings' });
    expect(deepLink('#elsewhere', entries)).toBeUndefined();
    expect(deepLink('', entries)).toBeUndefined();
    expect(tabFromHash('#import')).toBe('import');
  });
});
