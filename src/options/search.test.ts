import { describe, expect, test } from 'vitest';
import { defaultGlossary } from '@/src/glossary/default';
import type { Entry } from '@/src/glossary/schema';
import { EMPTY_QUERY, needsIndex, search, stripTones, suggestPinyin, unindexedCount, warmIndex } from './search';

const base = defaultGlossary().entries[0]!;
const make = (id: string, term: string, pinyin: string, over: Partial<Entry> = {}): Entry => ({
  ...base,
  id,
  term,
  pinyin,
  variants: [],
  summary: { zh: '摘要', en: 'summary' },
  explanation: { zh: '解释', en: 'explanation' },
  components: [],
  ...over,
});
const entries = [
  make('liang-ge-wei-hu', '两个维护', 'liǎng gè wéihù', { english: ['the two upholds'] }),
  make('dang-zu', '党组', 'dǎngzǔ', { category: 'institution', english: ['Party group'], enabled: false }),
  make('san-hui-yi-ke', '三会一课', 'sān huì yī kè', { category: 'practice', english: ['three meetings and one lesson'], variants: ['三會一課'] }),
  make('hui-tou-kan', '回头看', 'huítóukàn', {
    category: 'campaign',
    english: ['look back'],
    explanation: { zh: '整改后的复查', en: 'A second round of inspection after rectification.' },
  }),
];
const ids = (q: Partial<typeof EMPTY_QUERY>) => search(entries, { ...EMPTY_QUERY, ...q }).map((e) => e.id);

describe('search', () => {
  test('pinyin initials, toneless and toned pinyin, spaced or not', () => {
    expect(ids({ text: 'lgwh' })).toEqual(['liang-ge-wei-hu']);
    expect(ids({ text: 'liangge' })).toEqual(['liang-ge-wei-hu']);
    expect(ids({ text: 'liǎng gè' })).toEqual(['liang-ge-wei-hu']);
    expect(ids({ text: 'dangzu' })).toEqual(['dang-zu']);
    expect(ids({ text: 'shyk' })).toEqual(['san-hui-yi-ke']);
  });

  test('term, variant, English, explanation, several words', () => {
    expect(ids({ text: '维护' })).toEqual(['liang-ge-wei-hu']);
    expect(ids({ text: '三會' })).toEqual(['san-hui-yi-ke']);
    expect(ids({ text: 'Party GROUP' })).toEqual(['dang-zu']);
    expect(ids({ text: 'rectification' })).toEqual(['hui-tou-kan']);
    expect(ids({ text: 'look rectification' })).toEqual(['hui-tou-kan']);
    expect(ids({ text: 'look upholds' })).toEqual([]);
  });

  test('the collection filter lists the national formulations apart, alone or with a search', () => {
    const withNational = [...entries, make('san-nong', '三农', 'sān nóng', { english: ['agriculture, rural areas and farmers'], collection: 'national' })];
    const found = (q: Partial<typeof EMPTY_QUERY>) => search(withNational, { ...EMPTY_QUERY, ...q }).map((e) => e.id);
    expect(found({ collection: 'national' })).toEqual(['san-nong']);
    expect(found({ collection: 'speech' })).toEqual(['liang-ge-wei-hu', 'dang-zu', 'san-hui-yi-ke', 'hui-tou-kan']);
    expect(found({ collection: 'national', text: 'sannong' })).toEqual(['san-nong']);
    expect(found({ collection: 'speech', text: 'sannong' })).toEqual([]);
    expect(found({})).toHaveLength(5);
  });

  test('filters and sorting', () => {
    expect(ids({ enabled: 'disabled' })).toEqual(['dang-zu']);
    expect(ids({ enabled: 'enabled', category: 'practice' })).toEqual(['san-hui-yi-ke']);
    expect(ids({ sort: 'pinyin' })).toEqual(['dang-zu', 'hui-tou-kan', 'liang-ge-wei-hu', 'san-hui-yi-ke']);
    expect(ids({ sort: 'category' })).toEqual(['hui-tou-kan', 'dang-zu', 'san-hui-yi-ke', 'liang-ge-wei-hu']);
    expect(ids({})).toEqual(entries.map((e) => e.id));
  });

  test('10,000 entries: the first search builds the index, a later one finds the entry (their speed: npm run bench)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      make(`e-${i}`, `提法${String.fromCharCode(0x4e00 + (i % 2000))}${i}`, 'tí fǎ', { english: [`rendering ${i}`] }),
    );
    search(many, { ...EMPTY_QUERY, text: 'x' });
    expect(search(many, { ...EMPTY_QUERY, text: 'rendering 9999' }).map((e) => e.id)).toEqual(['e-9999']);
  });

  test('a fresh copy of an entry (as storage hands out) is searched by its new text', () => {
    const copy = structuredClone(entries);
    expect(search(copy, { ...EMPTY_QUERY, text: 'upholds' }).map((e) => e.id)).toEqual(['liang-ge-wei-hu']);
    copy[0] = { ...copy[0]!, english: ['the two safeguards'] };
    expect(search(copy, { ...EMPTY_QUERY, text: 'upholds' })).toEqual([]);
    expect(search(copy, { ...EMPTY_QUERY, text: 'safeguards' })[0]).toBe(copy[0]);
    copy[1] = { ...copy[1]!, enabled: true };
    expect(search(copy, { ...EMPTY_QUERY, enabled: 'disabled' })).toEqual([]);
  });

  test('pinyin suggestion and tone stripping', () => {
    expect(suggestPinyin('两个维护')).toBe('liǎng gè wéi hù');
    expect(stripTones('Lǚ')).toBe('lu');
  });
});

describe('warmIndex', () => {
  const many = Array.from({ length: 300 }, (_, i) => make(`e${i}`, `回头看${i}`, 'huítóukàn'));

  test('builds the index in slices, yielding between them, and search finds the same entries after it', async () => {
    let pauses = 0;
    await warmIndex(many, new AbortController().signal, async () => void pauses++, 0);
    // A zero budget still indexes one entry per slice: one pause per entry.
    expect(pauses).toBe(300);
    expect(search(many, { ...EMPTY_QUERY, text: '回头看299' }).map((e) => e.id)).toEqual(['e299']);
  });

  test('stops when the glossary changes (its signal aborts)', async () => {
    const building = new AbortController();
    let pauses = 0;
    await warmIndex(many, building.signal, async () => {
      if (++pauses === 5) building.abort();
    }, 0);
    expect(pauses).toBe(5);
  });

  test('the unfiltered list in glossary order is the glossary as it is; filters still apply', () => {
    expect(ids({})).toEqual(['liang-ge-wei-hu', 'dang-zu', 'san-hui-yi-ke', 'hui-tou-kan']);
    expect(ids({ enabled: 'disabled' })).toEqual(['dang-zu']);
    expect(ids({ enabled: 'enabled', category: 'campaign' })).toEqual(['hui-tou-kan']);
  });
});

describe('unindexedCount and needsIndex', () => {
  test('counts entries the index has never seen by id; a re-read copy (same id) is not new', async () => {
    const fresh = Array.from({ length: 5 }, (_, i) => make(`u${i}`, `全周期管理${i}`, 'quán zhōuqī guǎnlǐ'));
    expect(unindexedCount(fresh)).toBe(5);
    await warmIndex(fresh, new AbortController().signal, async () => undefined);
    expect(unindexedCount(fresh)).toBe(0);
    expect(unindexedCount(fresh.map((e) => ({ ...e })))).toBe(0);
  });

  test('only the unfiltered text in glossary order goes without the index', () => {
    expect(needsIndex(EMPTY_QUERY)).toBe(false);
    expect(needsIndex({ ...EMPTY_QUERY, text: '  ' })).toBe(false);
    expect(needsIndex({ ...EMPTY_QUERY, category: 'slogan' })).toBe(false);
    expect(needsIndex({ ...EMPTY_QUERY, text: 'lgwh' })).toBe(true);
    expect(needsIndex({ ...EMPTY_QUERY, sort: 'pinyin' })).toBe(true);
  });
});
