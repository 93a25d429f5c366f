import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Entry } from '@/src/glossary/schema';
import { defaultGlossary } from '@/src/glossary/default';
import {
  ENTRY_KEY_PREFIX,
  GLOSSARY_INDEX_KEY,
  LEGACY_GLOSSARY_KEY,
  LEGACY_GLOSSARY_META_KEY,
  parseIndex,
  planCommit,
  type GlossaryIndex,
} from './layout';
import { loadGlossary, migrateGlossary, replaceGlossary, watchGlossaryRevision } from './store';

const entry = (id: string, term = id): Entry => ({ ...defaultGlossary().entries[0]!, id, term, variants: [], related: [] });
const many = (n: number, tag = '') => Array.from({ length: n }, (_, i) => entry(`e${i}`, `词${tag}${i}`));

async function everything(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}
async function storedIndex(): Promise<GlossaryIndex | undefined> {
  return parseIndex((await fakeBrowser.storage.local.get(GLOSSARY_INDEX_KEY))[GLOSSARY_INDEX_KEY]);
}
/** Keys of entry slots present in storage. */
async function slotKeys(): Promise<string[]> {
  return Object.keys(await everything()).filter((k) => k.startsWith(ENTRY_KEY_PREFIX)).sort();
}
/** Records the keys of every storage.local.set call from now on. */
function recordSets(): string[][] {
  const calls: string[][] = [];
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    calls.push(Object.keys(items));
    return set(items);
  });
  return calls;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('planCommit (pure)', () => {
  test('keeps slots of entries that are the same object or have the same content; new slots for the rest', () => {
    const first = planCommit(undefined, [], [entry('a'), entry('b')]);
    expect(first.index).toMatchObject({ rev: 1, shipped: false, slots: ['0', '1'], next: 2 });
    expect(Object.keys(first.writes)).toEqual(['glossary:e:0', 'glossary:e:1']);
    const [a, b] = [first.writes['glossary:e:0']!, first.writes['glossary:e:1']!];
    const second = planCommit(first.index, [a, b], [{ ...b }, { ...a, term: '改' }, entry('c')]);
    expect(second.index).toMatchObject({ id: first.index.id, rev: 2, slots: ['1', '2', '3'], next: 4 });
    expect(Object.keys(second.writes)).toEqual(['glossary:e:2', 'glossary:e:3']);
    expect(second.orphans).toEqual(['glossary:e:0']);
  });

  test('the same entry object twice gets two slots; the shipped default names none', () => {
    const first = planCommit(undefined, [], [entry('a')]);
    const a = first.writes['glossary:e:0']!;
    expect(planCommit(first.index, [a], [a, a]).index.slots).toEqual(['0', '1']);
    const shipped = planCommit(first.index, [a], null);
    expect(shipped.index).toMatchObject({ shipped: true, slots: [], next: 1, rev: 2 });
    expect(shipped.orphans).toEqual(['glossary:e:0']);
  });
});

describe('glossary store', () => {
  test('entries stored before salience read with the shipped entry\'s salience, or the default', async () => {
    const gan = defaultGlossary().entries.find((e) => e.id === 'gan-bu')!;
    const { salience: _a, ...older } = { ...gan };
    const { salience: _b, ...own } = entry('mine', '自己的词');
    await replaceGlossary([older as Entry, own as Entry]);
    // Another page (a fresh module, nothing cached) reads what is stored.
    vi.resetModules();
    const fresh = await import('./store');
    const { entries } = await fresh.loadGlossary();
    expect(entries?.map((e) => [e.id, e.salience])).toEqual([
      ['gan-bu', 'everyday'],
      ['mine', 'context'],
    ]);
  });

  test('nothing stored: the shipped default at revision 0', async () => {
    expect(await loadGlossary()).toEqual({ rev: 0, entries: null });
  });

  test('an entry per key plus an index; an edit writes one entry and the index, and drops the old slot', async () => {
    await replaceGlossary(many(50));
    expect(await slotKeys()).toHaveLength(50);
    const loaded = (await loadGlossary()).entries!;
    expect(loaded.map((e) => e.id)).toEqual(many(50).map((e) => e.id));

    const sets = recordSets();
    const next = [...loaded];
    next[7] = { ...loaded[7]!, english: ['changed'] };
    const saved = await replaceGlossary(next);
    expect(sets).toEqual([['glossary:e:1e'], [GLOSSARY_INDEX_KEY]]);
    expect(saved.rev).toBe(2);
    expect(await slotKeys()).toHaveLength(50);
    expect((await loadGlossary()).entries![7]!.english).toEqual(['changed']);
  });

  test('deleting and reordering write only the index; back to shipped removes every slot', async () => {
    await replaceGlossary(many(5));
    const loaded = (await loadGlossary()).entries!;
    const sets = recordSets();
    await replaceGlossary([loaded[4]!, loaded[0]!, loaded[2]!]);
    expect(sets).toEqual([[GLOSSARY_INDEX_KEY]]);
    expect((await loadGlossary()).entries!.map((e) => e.id)).toEqual(['e4', 'e0', 'e2']);
    expect(await slotKeys()).toHaveLength(3);
    await replaceGlossary(null);
    expect(await loadGlossary()).toEqual({ rev: 3, entries: null });
    expect(await slotKeys()).toEqual([]);
  });

  test('a large glossary is written and read in batches, so no single storage call moves all of it', async () => {
    // Short entries: 500 a set.
    const brief = { zh: '短。', en: 'Short.' };
    const short = (n: number) =>
      Array.from({ length: n }, (_, i): Entry => {
        const { sources: _sources, source: _source, speechRole: _role, englishOfficialBy: _by, ...rest } = entry(`s${i}`);
        return { ...rest, english: ['short'], summary: brief, explanation: brief, components: [] };
      });
    const shortSets = recordSets();
    await replaceGlossary(short(1200));
    expect(shortSets.map((keys) => keys.length)).toEqual([500, 500, 200, 1]);
    vi.restoreAllMocks();
    await replaceGlossary(null);
    // Entries as long as the shipped ones (~5 KB): about 0.5 MB a set, so fewer entries each.
    const sets: Array<{ keys: string[]; chars: number }> = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      sets.push({ keys: Object.keys(items), chars: JSON.stringify(items).length });
      return set(items);
    });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await replaceGlossary(many(1200));
    const entrySets = sets.slice(0, -1);
    expect(entrySets.flatMap((s) => s.keys)).toHaveLength(1200);
    expect(entrySets.length).toBeGreaterThan(3);
    expect(Math.max(...entrySets.map((s) => s.keys.length))).toBeLessThan(500);
    expect(Math.max(...entrySets.map((s) => s.chars))).toBeLessThan(600 * 1024);
    expect(sets.at(-1)?.keys).toEqual([GLOSSARY_INDEX_KEY]);
    // Another page (an empty cache) reads it.
    vi.resetModules();
    const other = await import('./store');
    get.mockClear();
    expect((await other.loadGlossary()).entries).toHaveLength(1200);
    const sizes = get.mock.calls.map(([keys]) => (Array.isArray(keys) ? keys.length : 1));
    expect(Math.max(...sizes)).toBe(500);
  });

  test('reading the revision just written gives the very same frozen array and entries', async () => {
    const saved = await replaceGlossary(many(3));
    const read = await loadGlossary();
    expect(read.entries).toBe(saved.entries);
    expect(Object.isFrozen(read.entries)).toBe(true);
    expect(Object.isFrozen(read.entries![0])).toBe(true);
    // Another page reads it from storage: equal, and stable across its own reads.
    vi.resetModules();
    const other = await import('./store');
    const first = await other.loadGlossary();
    expect(first.entries).toEqual(saved.entries);
    expect((await other.loadGlossary()).entries).toBe(first.entries);
  });

  test('watchers hear of committed changes only, with the revision', async () => {
    const revisions: number[] = [];
    const stop = watchGlossaryRevision((rev) => revisions.push(rev));
    await replaceGlossary(many(3));
    await replaceGlossary(null);
    stop();
    await replaceGlossary(many(1));
    expect(revisions).toEqual([1, 2]);
  });

  test('a storage error while writing entries leaves the previous glossary stored, readable and tidy', async () => {
    await replaceGlossary(many(3));
    const before = await everything();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(replaceGlossary([...many(3), entry('new')])).rejects.toThrow(/quota/);
    expect(await everything()).toEqual(before);
    expect((await loadGlossary()).entries!.map((e) => e.id)).toEqual(['e0', 'e1', 'e2']);
  });

  test('a storage error on the index (entries already written) leaves the previous glossary and no orphans', async () => {
    await replaceGlossary(many(600));
    const before = await everything();
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    // The first batch of new entries lands; the second batch fails, as when the quota runs out midway.
    let calls = 0;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (++calls === 2) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    await expect(replaceGlossary(many(600, '新'))).rejects.toThrow(/quota/);
    expect(await everything()).toEqual(before);
    vi.restoreAllMocks();
    // And when the index write itself fails:
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (GLOSSARY_INDEX_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    await expect(replaceGlossary(many(2, '新'))).rejects.toThrow(/quota/);
    expect(await everything()).toEqual(before);
    vi.resetModules();
    const other = await import('./store');
    expect((await other.loadGlossary()).entries!.map((e) => e.term)).toEqual(many(600).map((e) => e.term));
  });

  test('a reader racing a writer never sees a half-applied change: it reads again by the new index', async () => {
    await replaceGlossary(many(4, '旧'));
    vi.resetModules();
    const reader = await import('./store');
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let raced = false;
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      // Between the reader's index and its entries, the writer commits a new glossary and removes the old slots.
      if (!raced && Array.isArray(keys) && keys.some((k) => k.startsWith(ENTRY_KEY_PREFIX))) {
        raced = true;
        await replaceGlossary(many(4, '新'));
      }
      return get(keys as string[]);
    });
    const seen = await reader.loadGlossary();
    expect(raced).toBe(true);
    expect(seen.rev).toBe(2);
    expect(seen.entries!.map((e) => e.term)).toEqual(many(4, '新').map((e) => e.term));
  });

  test('clearing storage does not serve entries cached before', async () => {
    await replaceGlossary([entry('a', '甲')]);
    expect((await loadGlossary()).entries![0]!.term).toBe('甲');
    await fakeBrowser.storage.local.clear();
    vi.resetModules();
    const other = await import('./store');
    await other.replaceGlossary([entry('a', '乙')]);
    // Same slot number ('0') under a new index id: this page's cache must not answer with 甲.
    expect((await loadGlossary()).entries![0]!.term).toBe('乙');
  });
});

describe('migration from version 1 (one value)', () => {
  const legacy = { format: 'tifa-glossary', version: 1, entries: many(30) };

  test('reads the old value until migrated; migration moves it to one key per entry and removes it', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_GLOSSARY_KEY]: legacy, [LEGACY_GLOSSARY_META_KEY]: { v: 1 } });
    expect(await loadGlossary()).toEqual({ rev: 0, entries: legacy.entries });
    expect(await migrateGlossary()).toBe(true);
    const stored = await everything();
    expect(stored[LEGACY_GLOSSARY_KEY]).toBeUndefined();
    expect(stored[LEGACY_GLOSSARY_META_KEY]).toBeUndefined();
    expect(await slotKeys()).toHaveLength(30);
    expect(await storedIndex()).toMatchObject({ rev: 1, shipped: false });
    vi.resetModules();
    const other = await import('./store');
    expect(await other.loadGlossary()).toEqual({ rev: 1, entries: legacy.entries });
    expect(await migrateGlossary()).toBe(false);
  });

  test('an old null value (shipped default) becomes a shipped index; nothing stored needs no migration', async () => {
    expect(await migrateGlossary()).toBe(false);
    expect(await everything()).toEqual({});
    await fakeBrowser.storage.local.set({ [LEGACY_GLOSSARY_META_KEY]: { v: 1 } });
    expect(await migrateGlossary()).toBe(true);
    expect(await storedIndex()).toMatchObject({ shipped: true, slots: [] });
    expect(await loadGlossary()).toEqual({ rev: 1, entries: null });
  });

  test('a storage error midway through the migration leaves the old value in place and readable; a retry succeeds', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_GLOSSARY_KEY]: legacy });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(migrateGlossary()).rejects.toThrow(/quota/);
    expect(await everything()).toEqual({ [LEGACY_GLOSSARY_KEY]: legacy });
    expect((await loadGlossary()).entries).toEqual(legacy.entries);
    expect(await migrateGlossary()).toBe(true);
    expect((await loadGlossary()).entries).toEqual(legacy.entries);
  });

  test('the first write on an unmigrated glossary migrates it', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_GLOSSARY_KEY]: legacy });
    const entries = (await loadGlossary()).entries!;
    await replaceGlossary([...entries, entry('new')]);
    expect((await everything())[LEGACY_GLOSSARY_KEY]).toBeUndefined();
    expect((await loadGlossary()).entries!.map((e) => e.id)).toEqual([...legacy.entries.map((e) => e.id), 'new']);
  });

  test('after migration, slots no index names are swept where storage can list its keys', async () => {
    await replaceGlossary(many(2));
    await fakeBrowser.storage.local.set({ 'glossary:e:zz': entry('orphan'), [LEGACY_GLOSSARY_KEY]: legacy, other: 1 });
    const local = fakeBrowser.storage.local as unknown as { getKeys?: () => Promise<string[]> };
    local.getKeys = async () => Object.keys(await everything());
    try {
      expect(await migrateGlossary()).toBe(false);
    } finally {
      delete local.getKeys;
    }
    expect(Object.keys(await everything()).sort()).toEqual(['glossary:e:0', 'glossary:e:1', GLOSSARY_INDEX_KEY, 'other']);
  });
});
