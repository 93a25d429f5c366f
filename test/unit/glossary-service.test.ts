import { afterEach, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compiledPatternsItem, getGlossary, glossaryGeneration, invalidateGlossary, watchGlossary } from '@/src/background/glossary-service';
import { defaultGlossary } from '@/src/glossary/default';
import { glossarySchema, type Glossary } from '@/src/glossary/schema';
import { GLOSSARY_INDEX_KEY, LEGACY_GLOSSARY_KEY } from '@/src/glossary/storage/layout';
import { replaceGlossary } from '@/src/glossary/storage/store';

const userGlossary: Glossary = glossarySchema.parse({
  format: 'tifa-glossary',
  version: 1,
  entries: [
    {
      id: 'dian-xiao-er',
      term: '店小二',
      pinyin: 'diàn xiǎo èr',
      english: ['shop assistant'],
      category: 'jargon',
      summary: { zh: '服务者', en: 'servant' },
      explanation: { zh: '比喻', en: 'figure' },
    },
    {
      id: 'off',
      term: '击鼓传花',
      pinyin: 'jī gǔ chuán huā',
      english: ['pass the parcel'],
      category: 'jargon',
      summary: { zh: '推诿', en: 'passing the buck' },
      explanation: { zh: '比喻', en: 'figure' },
      enabled: false,
    },
  ],
});

let unwatch: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  invalidateGlossary();
  unwatch = watchGlossary();
});
afterEach(() => unwatch());

test('without a user glossary, the shipped default and its patterns', async () => {
  const { entries, patterns } = await getGlossary();
  expect(entries).toEqual(defaultGlossary().entries);
  expect(patterns.length).toBeGreaterThanOrEqual(entries.length);
  expect(new Set(patterns.map((p) => p.id))).toEqual(new Set(entries.filter((e) => e.enabled).map((e) => e.id)));
});

test('the compiled glossary is cached until the user glossary changes', async () => {
  const first = await getGlossary();
  expect(await getGlossary()).toBe(first);
  const generation = glossaryGeneration();
  await replaceGlossary(userGlossary.entries);
  await expect.poll(() => glossaryGeneration()).toBeGreaterThan(generation);
  const mine = await getGlossary();
  expect(mine.entries.map((e) => e.id)).toEqual(['dian-xiao-er', 'off']);
  // Disabled entries stay in the glossary (the options page lists them) but are never matched.
  expect(mine.patterns).toEqual([{ text: '店小二', id: 'dian-xiao-er', ambiguous: false }]);
  await replaceGlossary(null);
  await expect.poll(async () => (await getGlossary()).entries.length).toBe(defaultGlossary().entries.length);
});

test('a restarted worker reuses the patterns compiled for the same glossary, and only for it', async () => {
  await replaceGlossary(userGlossary.entries);
  await getGlossary();
  const stored = await compiledPatternsItem.getValue();
  expect(stored?.patterns).toEqual([{ text: '店小二', id: 'dian-xiao-er', ambiguous: false }]);
  // Mark the stored patterns so a reuse shows, then drop the in-memory cache as a restart would.
  await compiledPatternsItem.setValue({ key: stored!.key, patterns: [{ text: '店小二', id: 'from-session', ambiguous: false }] });
  invalidateGlossary();
  expect((await getGlossary()).patterns[0]?.id).toBe('from-session');
  // An edited glossary has another key, so the stored patterns are not used.
  const edited = structuredClone(userGlossary);
  edited.entries[0]!.variants = ['店小二式'];
  await replaceGlossary(edited.entries);
  await expect.poll(async () => (await getGlossary()).patterns.map((p) => p.text)).toEqual(['店小二', '店小二式']);
});

test('a glossary stored by version 1 (one value) is served, and moved to the new layout on start', async () => {
  unwatch();
  await fakeBrowser.storage.local.set({ [LEGACY_GLOSSARY_KEY]: userGlossary });
  invalidateGlossary();
  unwatch = watchGlossary();
  expect((await getGlossary()).entries.map((e) => e.id)).toEqual(['dian-xiao-er', 'off']);
  const stored = await fakeBrowser.storage.local.get(null);
  expect(stored[LEGACY_GLOSSARY_KEY]).toBeUndefined();
  expect(stored[GLOSSARY_INDEX_KEY]).toMatchObject({ rev: 1, shipped: false });
});

test('a collection switched off leaves the glossary pages get; switched on again it is back', async () => {
  const national = { ...userGlossary.entries[0]!, id: 'san-nong', term: '三农', collection: 'national' as const };
  await replaceGlossary([...userGlossary.entries, national]);
  await expect.poll(async () => (await getGlossary()).entries.map((e) => e.id)).toEqual(['dian-xiao-er', 'off', 'san-nong']);
  let generation = glossaryGeneration();
  await fakeBrowser.storage.local.set({ settings: { collections: { national: false } } });
  await expect.poll(() => glossaryGeneration()).toBeGreaterThan(generation);
  const off = await getGlossary();
  expect(off.entries.map((e) => e.id)).toEqual(['dian-xiao-er', 'off']);
  expect(off.patterns.map((p) => p.text)).toEqual(['店小二']);
  // Another setting changes nothing here: the compiled glossary stays cached.
  generation = glossaryGeneration();
  await fakeBrowser.storage.local.set({ settings: { collections: { national: false }, hoverDelayMs: 300 } });
  expect(await getGlossary()).toBe(off);
  expect(glossaryGeneration()).toBe(generation);
  await fakeBrowser.storage.local.set({ settings: { collections: { national: true } } });
  await expect.poll(async () => (await getGlossary()).patterns.map((p) => p.text)).toContain('三农');
});
