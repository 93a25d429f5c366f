import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Entry } from '@/src/glossary/schema';
import { loadGlossary, replaceGlossary } from './glossary-store';
import {
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
  updateSettings,
  watchEntries,
} from './glossary-edits';
import { DEFAULT_SETTINGS, loadSettings, settingsItem } from './settings';

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

describe('settings', () => {
  test('updates are validated and stored', async () => {
    await updateSettings((s) => ({ ...s, hoverDelayMs: 400, categoryColors: { slogan: '#aa0000' } }));
    expect(await loadSettings()).toMatchObject({ hoverDelayMs: 400, categoryColors: { slogan: '#aa0000' } });
    await expect(updateSettings((s) => ({ ...s, hoverDelayMs: -5 }))).rejects.toThrow();
    expect((await loadSettings()).hoverDelayMs).toBe(400);
  });

  test('an older stored value lacking newer fields is completed from the defaults', async () => {
    await settingsItem.setValue({ language: 'en', hoverDelayMs: 300 } as never);
    const loaded = await loadSettings();
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, language: 'en', hoverDelayMs: 300 });
    await updateSettings((s) => ({ ...s, siteMode: 'listed' }));
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', hoverDelayMs: 300, siteMode: 'listed' });
  });
});
