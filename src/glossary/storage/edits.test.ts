import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_GLOSSARY_ENTRIES, type Entry } from '@/src/glossary/schema';
import { entry } from '@/src/glossary/test-helpers';
import { loadGlossary, replaceGlossary } from './store';
import {
  GlossaryFullError,
  readEntries,
  removeEntry,
  resetToShipped,
  restoreShipped,
  saveEntry,
  setEnabled,
  shippedDifferences,
  shippedEntries,
  undoRemove,
  updateEntries,
  watchEntries,
  migrateGlossaryStorage,
  withNewShipped,
} from './edits';
import { SHIPPED_SEEN_KEY } from './layout';
import shippedV1 from '@/data/shipped-v1-ids.json';

const mine = (id: string, term: string): Entry => ({
  ...shippedEntries()[0]!,
  id,
  term,
  variants: [],
  related: [],
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('glossary edits', () => {
  test('nothing stored means the shipped glossary', async () => {
    expect(await loadGlossary()).toEqual({ rev: 0, entries: null });
    expect(await readEntries()).toEqual(shippedEntries());
  });

  test('adding stores the user glossary; removing it again stores null (shipped, unedited)', async () => {
    await saveEntry(mine('new-one', '新提法'));
    const stored = await loadGlossary();
    expect(stored.entries?.map((e) => e.id)).toEqual([...shippedEntries().map((e) => e.id), 'new-one']);
    await removeEntry('new-one');
    expect((await loadGlossary()).entries).toBeNull();
  });

  test('saving under a new id replaces the old entry; taking another entry’s id is refused', async () => {
    const first = shippedEntries()[0]!;
    await saveEntry({ ...first, id: 'renamed' }, first.id);
    const ids = (await readEntries()).map((e) => e.id);
    expect(ids[0]).toBe('renamed');
    expect(ids).not.toContain(first.id);
    const second = shippedEntries()[1]!;
    await expect(saveEntry({ ...second, id: 'renamed' }, second.id)).rejects.toThrow(/duplicate id/);
  });

  test('concurrent edits are applied one after another on the latest value, none lost', async () => {
    await Promise.all([
      saveEntry(mine('a', '甲')),
      saveEntry(mine('b', '乙')),
      setEnabled(shippedEntries()[0]!.id, false),
      saveEntry(mine('c', '丙')),
    ]);
    const entries = await readEntries();
    expect(entries.slice(-3).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(entries[0]?.enabled).toBe(false);
  });

  test('an edit made elsewhere (another tab) between two of ours is kept', async () => {
    await saveEntry(mine('a', '甲'));
    // Another options tab writes directly to storage.
    const current = (await loadGlossary()).entries!;
    await replaceGlossary([...current, mine('other-tab', '他')]);
    await saveEntry(mine('b', '乙'));
    expect((await readEntries()).map((e) => e.id)).toEqual(expect.arrayContaining(['a', 'other-tab', 'b']));
  });

  test('delete then undo puts the entry back in its place', async () => {
    const target = shippedEntries()[1]!;
    const removed = await removeEntry(target.id);
    expect(removed?.index).toBe(1);
    expect((await readEntries()).some((e) => e.id === target.id)).toBe(false);
    await undoRemove(removed!);
    expect(await readEntries()).toEqual(shippedEntries());
    expect((await loadGlossary()).entries).toBeNull();
  });

  test('shipped entries edited or deleted are listed and restored one by one, in place', async () => {
    const [a, b] = shippedEntries();
    await setEnabled(a!.id, !a!.enabled);
    await removeEntry(b!.id);
    await saveEntry(mine('x', '新'));
    expect(shippedDifferences(await readEntries()).map((d) => [d.entry.id, d.state])).toEqual([
      [a!.id, 'edited'],
      [b!.id, 'deleted'],
    ]);
    await restoreShipped(b!.id);
    expect((await readEntries()).map((e) => e.id).slice(0, 2)).toEqual([a!.id, b!.id]);
    await restoreShipped(a!.id);
    expect(shippedDifferences(await readEntries())).toEqual([]);
    await resetToShipped();
    expect((await loadGlossary()).entries).toBeNull();
  });

  test('a storage error (quota) rejects and leaves the stored glossary as it was', async () => {
    await saveEntry(mine('a', '甲'));
    const before = await loadGlossary();
    const spy = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(saveEntry(mine('b', '乙'))).rejects.toThrow(/quota/i);
    spy.mockRestore();
    expect(await loadGlossary()).toEqual(before);
    // The queue is not stuck after a failure.
    await saveEntry(mine('c', '丙'));
    expect((await readEntries()).map((e) => e.id)).toContain('c');
  });

  test('watchers see every change with the glossary in effect', async () => {
    const seen: string[][] = [];
    const stop = watchEntries((entries) => seen.push(entries.slice(-1).map((e) => e.id)));
    await saveEntry(mine('a', '甲'));
    await expect.poll(() => seen).toEqual([['a']]);
    await resetToShipped();
    await expect.poll(() => seen).toEqual([['a'], [shippedEntries().at(-1)!.id]]);
    stop();
    await saveEntry(mine('b', '乙'));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(2);
  });
});

describe("shipped updates reach a glossary of the user's own", () => {
  const v1 = new Set(shippedV1.ids);
  const ids = (entries: readonly Entry[]) => entries.map((e) => e.id);
  const seenKey = async () => (await browser.storage.local.get(SHIPPED_SEEN_KEY))[SHIPPED_SEEN_KEY];

  test('a glossary stored by the first release gets the entries shipped since, each beside its shipped neighbour; deletions and edits stay', async () => {
    const fresh = shippedEntries().filter((e) => !v1.has(e.id));
    expect(fresh.length).toBeGreaterThan(0);
    // As the first release stored it: its shipped entries, one deleted, one edited, one of the user's own.
    const old = shippedEntries()
      .filter((e) => v1.has(e.id) && e.id !== 'dang-zu')
      .map((e) => (e.id === 'hui-tou-kan' ? { ...e, english: ['my own rendering'] } : e));
    await replaceGlossary([...old, mine('my-term', '自己的')]);
    expect(await seenKey()).toBeUndefined();

    expect(await migrateGlossaryStorage()).toBe(fresh.length);
    const after = await readEntries();
    expect(ids(after)).toEqual(expect.arrayContaining(ids(fresh)));
    expect(ids(after)).not.toContain('dang-zu');
    expect(after.find((e) => e.id === 'hui-tou-kan')?.english).toEqual(['my own rendering']);
    expect(after.at(-1)?.id).toBe('my-term');
    // Shipped entries keep the shipped order among themselves.
    const shippedOrder = ids(shippedEntries()).filter((id) => id !== 'dang-zu');
    expect(ids(after).filter((id) => id !== 'my-term')).toEqual(shippedOrder);
    expect(await seenKey()).toEqual(ids(shippedEntries()));

    // Once seen, never added again: the next start changes nothing, and a deletion holds.
    expect(await migrateGlossaryStorage()).toBe(0);
    await removeEntry(fresh[0]!.id);
    expect(await migrateGlossaryStorage()).toBe(0);
    expect(ids(await readEntries())).not.toContain(fresh[0]!.id);
  });

  test("a glossary written by this version has seen today's shipped entries: a deleted one is not put back", async () => {
    await removeEntry('dang-zu');
    expect(await seenKey()).toEqual(ids(shippedEntries()));
    expect(await migrateGlossaryStorage()).toBe(0);
    expect(ids(await readEntries())).not.toContain('dang-zu');
  });

  test('a user on the shipped glossary needs nothing stored: updates reach them as they are', async () => {
    expect(await migrateGlossaryStorage()).toBe(0);
    expect(await loadGlossary()).toMatchObject({ entries: null });
    // The worker starts often: once the record is current, a start writes nothing at all.
    const writes = vi.spyOn(browser.storage.local, 'set');
    expect(await migrateGlossaryStorage()).toBe(0);
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();
  });

  test('withNewShipped puts an entry with no earlier shipped neighbour first, and skips ids the user holds', () => {
    const [a, b, c] = shippedEntries() as [Entry, Entry, Entry];
    const own = { ...c, term: '改过的' };
    const merged = withNewShipped([own, mine('x', '甲')], new Set(), [a, b, c]);
    expect(ids(merged.entries)).toEqual([a.id, b.id, c.id, 'x']);
    expect(merged.entries[2]).toBe(own);
    expect(ids(merged.added)).toEqual([a.id, b.id]);
  });
});

describe('the entry limit holds for every change, and a change may decline', () => {
  /** The shipped entries followed by small ones of the user's, `count` in all. */
  const glossaryOf = (count: number): Entry[] => [
    ...shippedEntries(),
    ...Array.from({ length: count - shippedEntries().length }, (_, i) => entry({ id: `own-${i}`, term: `自己的${i}` })),
  ];

  test('a glossary at the limit takes edits but no new entry: the save is refused and nothing is stored', async () => {
    await replaceGlossary(glossaryOf(MAX_GLOSSARY_ENTRIES));
    const before = await loadGlossary();
    await expect(saveEntry(mine('one-more', '又一条'))).rejects.toBeInstanceOf(GlossaryFullError);
    expect((await loadGlossary()).rev).toBe(before.rev);
    await saveEntry({ ...shippedEntries()[0]!, english: ['edited at the limit'] });
    const after = await readEntries();
    expect(after).toHaveLength(MAX_GLOSSARY_ENTRIES);
    expect(after[0]?.english).toEqual(['edited at the limit']);
  });

  test('a shipped update is not added to a glossary it would take past the limit', async () => {
    const v1 = new Set(shippedV1.ids);
    // As the first release stored it (nothing seen recorded), with room for fewer entries than were shipped since.
    const old = shippedEntries().filter((e) => v1.has(e.id));
    const fresh = shippedEntries().length - old.length;
    expect(fresh).toBeGreaterThan(1);
    const own = Array.from({ length: MAX_GLOSSARY_ENTRIES - old.length - 1 }, (_, i) => entry({ id: `own-${i}`, term: `自己的${i}` }));
    await replaceGlossary([...old, ...own]);
    expect(await migrateGlossaryStorage()).toBe(0);
    expect(await readEntries()).toHaveLength(MAX_GLOSSARY_ENTRIES - 1);
  });

  test('a change that declines (null) stores nothing and gives the glossary as it was', async () => {
    await saveEntry(mine('a', '甲'));
    const before = await loadGlossary();
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const result = await updateEntries(async () => null);
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();
    expect(result).toEqual(before.entries);
    expect((await loadGlossary()).rev).toBe(before.rev);
  });

  test('the entries written are reported batch by batch', async () => {
    const progress: Array<[number, number]> = [];
    await updateEntries(
      (entries) => [...entries, ...Array.from({ length: 1200 }, (_, i) => entry({ id: `own-${i}`, term: `自己的${i}` }))],
      (written, total) => progress.push([written, total]),
    );
    // Every entry is new to storage (the shipped glossary was stored as nothing), written in several batches.
    const total = 1200 + shippedEntries().length;
    const written = progress.map(([n]) => n);
    expect(written.length).toBeGreaterThan(2);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(written.at(-1)).toBe(total);
    expect(progress.every(([, all]) => all === total)).toBe(true);
  });
});
