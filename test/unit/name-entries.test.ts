import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getGlossary, invalidateGlossary, watchGlossary } from '@/src/background/glossary-service';
import { nameEntries, publishPageGlossary } from '@/src/background/page-glossary';
import { decodePageGlossary, entryKey } from '@/src/glossary/page-glossary';
import { replaceGlossary } from '@/src/glossary/storage/store';

beforeEach(() => {
  fakeBrowser.reset();
  invalidateGlossary();
});

test('names the entries a page\'s keys stand for, those of the few glossaries before too, and none for other keys', async () => {
  const unwatch = watchGlossary();
  const page = decodePageGlossary(await publishPageGlossary())!;
  const enabled = (await getGlossary()).entries.filter((e) => e.enabled);
  const at = enabled.findIndex((e) => e.id === 'di-yi-shu-ji');
  const key = entryKey(at, page.version);
  expect(await nameEntries([key, entryKey(page.entryCount + 3, page.version), 'di-yi-shu-ji', entryKey(at, 'other')])).toEqual([
    { id: 'di-yi-shu-ji', term: '第一书记' },
    null,
    null,
    null,
  ]);
  expect((await nameEntries([key], true))[0]?.entry).toEqual(enabled[at]);

  // The glossary changes (the entry is gone). A page not yet told still holds the old key: it is
  // named as what that page shows, and the new glossary's key at that index names another entry.
  await replaceGlossary(enabled.filter((e) => e.id !== 'di-yi-shu-ji'));
  expect(await nameEntries([key])).toEqual([{ id: 'di-yi-shu-ji', term: '第一书记' }]);
  // With entries: the entry if the glossary still holds it, none for the one gone.
  const other = entryKey(at === 0 ? 1 : 0, page.version);
  const [gone, kept] = await nameEntries([key, other], true);
  expect(gone).toEqual({ id: 'di-yi-shu-ji', term: '第一书记', entry: undefined });
  expect(kept?.entry).toEqual(enabled[at === 0 ? 1 : 0]);
  const next = decodePageGlossary(await publishPageGlossary())!;
  expect(next.version).not.toBe(page.version);
  expect((await nameEntries([entryKey(at, next.version)]))[0]?.id).not.toBe('di-yi-shu-ji');

  // Eight changes later the first glossary's keys are no longer named.
  for (let n = 1; n <= 8; n++) {
    await replaceGlossary(enabled.filter((e) => e.id !== 'di-yi-shu-ji').slice(n));
    await publishPageGlossary();
  }
  expect(await nameEntries([key])).toEqual([null]);
  unwatch();
});
