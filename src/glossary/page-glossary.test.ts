import { describe, expect, it } from 'vitest';
import { defaultGlossary } from './default';
import { compilePatterns } from './patterns';
import { buildPageGlossary, buildPageNames, categoryOf, decodePageGlossary, encodePageGlossary, entryIndexOf, entryKey, isAmbiguous, salienceOf } from './page-glossary';
import { compileMatcher, loadMatcher, numberAt, numberUnits, pairHash, tableForms } from '@/src/matcher/matcher';
import { CATEGORIES } from './categories';

const { entries } = defaultGlossary();
const patterns = compilePatterns(entries);
/** A table's numbers, and back (src/matcher/matcher.ts keeps them as strings). */
const numbers = (units: string): number[] => Array.from({ length: units.length / 2 }, (_, i) => numberAt(units, i));
const units = (list: number[]): string => list.map(numberUnits).join('');

describe('page glossary', () => {
  it('holds every enabled entry and every compiled form, in the matcher\'s buckets, each with its entry', () => {
    const page = buildPageGlossary(entries, patterns);
    const { ids, terms } = buildPageNames(entries);
    expect(ids).toEqual(entries.filter((e) => e.enabled).map((e) => e.id));
    expect(page.entryCount).toBe(ids.length);
    const forms = tableForms(page);
    expect(forms).toHaveLength(patterns.length);
    expect(new Set(forms.map((f) => f.form))).toEqual(new Set(patterns.map((p) => p.text)));
    expect(page.byPair).toBe(true);
    const ends = numbers(page.ends);
    expect(page.keys).toHaveLength(ends.length * 2);
    expect(ends.at(-1)).toBe(page.forms.length);
    const seenKeys = new Set<string>();
    ends.forEach((end, b) => {
      const start = ends[b - 1] ?? 0;
      const key = page.keys.slice(b * 2, b * 2 + 2);
      const bucket = tableForms({ ...page, forms: page.forms.slice(start, end), keys: key, ends: units([end - start]) }).map((f) => f.form);
      expect(bucket.length).toBeGreaterThan(0);
      // Each bucket holds the forms starting with its key, which no other bucket has.
      expect(bucket.every((form) => form.startsWith(key))).toBe(true);
      expect(seenKeys.has(key)).toBe(false);
      seenKeys.add(key);
      // Grouped by the third unit (short forms last), each group longest first.
      const third = (form: string) => (form.length > 2 ? form.charCodeAt(2) : -1);
      for (let i = 1; i < bucket.length; i++) {
        const [before, form] = [bucket[i - 1]!, bucket[i]!];
        expect(third(before)).toBeGreaterThanOrEqual(third(form));
        if (third(before) === third(form)) expect(before.length).toBeGreaterThanOrEqual(form.length);
      }
    });
    const owner = new Map(patterns.map((p) => [p.text, p.id]));
    for (const { form, tag } of forms) expect(ids[tag]).toBe(owner.get(form));
    const ambiguous = new Set(patterns.filter((p) => p.ambiguous).map((p) => p.id));
    expect(ambiguous.size).toBeGreaterThan(0);
    expect(ids.filter((_, i) => isAmbiguous(page, i))).toEqual(ids.filter((id) => ambiguous.has(id)));
    expect(terms[ids.indexOf('liang-ge-wei-hu')]).toBe('两个维护');
    expect(ids.map((_, i) => salienceOf(page, i))).toEqual(entries.map((e) => ['core', 'context', 'everyday'].indexOf(e.salience)));
    expect(salienceOf(page, ids.indexOf('liang-ge-wei-hu'))).toBe(0);
    expect(salienceOf(page, ids.indexOf('gan-bu'))).toBe(2);
    expect(ids.map((_, i) => CATEGORIES[categoryOf(page, i)])).toEqual(entries.map((e) => e.category));
  });

  it('leaves out disabled entries and their forms', () => {
    const off = entries.map((e) => (e.id === 'dang-zu' ? { ...e, enabled: false } : e));
    const page = buildPageGlossary(off, compilePatterns(off));
    expect(buildPageNames(off).ids).not.toContain('dang-zu');
    expect(page.entryCount).toBe(entries.length - 1);
    expect(tableForms(page).map((f) => f.form)).not.toContain('党组');
  });

  it('is a fraction of the glossary it comes from', () => {
    const encoded = encodePageGlossary(buildPageGlossary(entries, patterns));
    expect(encoded.length).toBeLessThan(JSON.stringify(entries).length / 10);
  });

  it('round-trips through its encoding, and its matcher finds the same as one compiled from the patterns', () => {
    const page = buildPageGlossary(entries, patterns);
    const decoded = decodePageGlossary(encodePageGlossary(page));
    // The decoded object is the parsed one, its format number left in.
    expect(decoded).toEqual({ ...page, format: expect.any(Number), buckets: numbers(page.ends).length, slotCount: numbers(page.slots).length });
    // Every form once, back to back and inside longer ones, plus a few sentences.
    const text = [
      '坚决做到两个维护，落实三会一课，加强基层党组织建设，黨組書記，党组会议',
      patterns.map((p) => p.text).join(''),
      patterns.map((p) => `做${p.text}好`).join('，'),
    ].join('\n');
    const byPage = loadMatcher(decoded!).scan(text);
    const byPatterns = compileMatcher(patterns).scan(text);
    expect(byPage.length).toBeGreaterThan(patterns.length);
    const { ids } = buildPageNames(entries);
    expect(byPage.map((m) => [m.start, m.end, ids[m.tag]])).toEqual(
      byPatterns.map((m) => [m.start, m.end, patterns[m.tag]!.id]),
    );
  });

  it('keeps its forms outside the JSON, a line break in one included', () => {
    const [a] = entries;
    const page = buildPageGlossary([a!], [{ text: '两个\n维护', id: a!.id, ambiguous: false }]);
    const encoded = encodePageGlossary(page);
    // The JSON ends at the first line break, and the forms are not in it.
    const json = JSON.parse(encoded.slice(0, encoded.indexOf('\n'))) as object;
    for (const field of ['forms', 'traits', 'keys', 'slots', 'chain', 'ends']) expect(json).not.toHaveProperty(field);
    const decoded = decodePageGlossary(encoded);
    expect(decoded?.forms).toBe(page.forms);
    expect(loadMatcher(decoded!).scan('做到两个\n维护')).toEqual([{ start: 2, end: 7, tag: 0 }]);
  });

  it('gives a form two entries share to the first of them, as the matcher does', () => {
    const [a, b] = entries;
    const page = buildPageGlossary([a!, b!], [
      { text: '双碳', id: b!.id, ambiguous: true },
      { text: '双碳', id: a!.id, ambiguous: false },
      { text: '碳中和', id: a!.id, ambiguous: false },
    ]);
    expect(tableForms(page)).toHaveLength(2);
    const [match] = loadMatcher(page).scan('推进双碳');
    expect(buildPageNames([a!, b!]).ids[match!.tag]).toBe(b!.id);
    // Ambiguity is the entry's: b's form was given as ambiguous.
    expect([isAmbiguous(page, 0), isAmbiguous(page, 1)]).toEqual([false, true]);
  });

  it('refuses what is missing, of another format or of the wrong shape', () => {
    const good = buildPageGlossary(entries.slice(0, 3), compilePatterns(entries.slice(0, 3)));
    const encoded = encodePageGlossary(good);
    const json = JSON.parse(encoded.slice(0, encoded.indexOf('\n'))) as Record<string, unknown>;
    // Laid out as encodePageGlossary does, any field or string changed.
    const variant = ({ traits = good.traits, keys = good.keys, slots = good.slots, chain = good.chain, ends = good.ends, forms = good.forms, ...change }: Record<string, unknown>) =>
      `${JSON.stringify({ ...json, ...change })}\n${String(traits)}${String(keys)}${String(slots)}${String(chain)}${String(ends)}${String(forms)}`;
    expect(variant({})).toBe(encoded);
    expect(decodePageGlossary(undefined)).toBeUndefined();
    expect(decodePageGlossary(good)).toBeUndefined(); // an object, not the stored string
    expect(decodePageGlossary('{not json')).toBeUndefined();
    expect(decodePageGlossary(variant({ format: 2 }))).toBeUndefined(); // stored before the matcher's tables
    expect(decodePageGlossary(variant({ format: 3 }))).toBeUndefined(); // categories by name
    expect(decodePageGlossary(variant({ format: 4 }))).toBeUndefined(); // without the categories used
    expect(decodePageGlossary(variant({ format: 5 }))).toBeUndefined(); // with ids and terms
    expect(decodePageGlossary(variant({ format: 6 }))).toBeUndefined(); // forms as an array
    expect(decodePageGlossary(variant({ format: 7 }))).toBeUndefined(); // keys as slots, records with them
    expect(decodePageGlossary(variant({ format: 8 }))).toBeUndefined(); // without the hash table
    expect(decodePageGlossary(variant({ format: 9 }))).toBeUndefined(); // the forms inside the JSON
    expect(decodePageGlossary(variant({ format: 10 }))).toBeUndefined(); // the tables inside it
    expect(decodePageGlossary(JSON.stringify({ ...good, format: 11 }))).toBeUndefined(); // no line break
    expect(decodePageGlossary(variant({ format: 12 }))).toBeUndefined();
    expect(decodePageGlossary(variant({ entryCount: undefined }))).toBeUndefined();
    expect(decodePageGlossary(variant({ traits: 'AB' }))).toBeUndefined(); // one short
    expect(decodePageGlossary(variant({ traits: 'ABCD' }))).toBeUndefined(); // one too many
    expect(decodePageGlossary(variant({ entryCount: 2.5 }))).toBeUndefined();
    expect(decodePageGlossary(variant({ usedCategories: undefined }))).toBeUndefined();
    expect(decodePageGlossary(variant({ usedCategories: [99] }))).toBeUndefined();
    expect(decodePageGlossary(variant({ usedCategories: [0.5] }))).toBeUndefined();
    expect(decodePageGlossary(variant({ entryCount: 2 }))).toBeUndefined(); // traits has 3
    expect(decodePageGlossary(variant({ entryCount: '3' }))).toBeUndefined();
    expect(decodePageGlossary(variant({ version: undefined }))).toBeUndefined();
    const { keys, ends, forms, slots, chain } = good;
    const endsBut = (last: number) => units([...numbers(ends).slice(0, -1), last]);
    expect(decodePageGlossary(variant({ ends: endsBut(forms.length + 1) }))).toBeUndefined(); // past the forms
    expect(decodePageGlossary(variant({ ends: endsBut(forms.length - 1) }))).toBeUndefined(); // short of them
    expect(decodePageGlossary(variant({ keys: keys.slice(1) }))).toBeUndefined(); // half a key
    expect(decodePageGlossary(variant({ keys: keys.slice(2) }))).toBeUndefined(); // a key short
    expect(decodePageGlossary(variant({ buckets: Number(json.buckets) + 1 }))).toBeUndefined(); // a bucket more than there are
    expect(decodePageGlossary(variant({ buckets: Number(json.buckets) - 0.5 }))).toBeUndefined();
    expect(decodePageGlossary(variant({ buckets: undefined }))).toBeUndefined();
    expect(decodePageGlossary(variant({ byPair: undefined }))).toBeUndefined();
    expect(decodePageGlossary(variant({ slotCount: undefined }))).toBeUndefined();
    expect(decodePageGlossary(variant({ slotCount: 0 }))).toBeUndefined();
    expect(decodePageGlossary(variant({ slotCount: Number(json.slotCount) - 1, slots: slots.slice(2) }))).toBeUndefined(); // not a power of two
    expect(decodePageGlossary(variant({ slots: slots.slice(2) }))).toBeUndefined(); // a slot short
    expect(decodePageGlossary(variant({ chain: chain.slice(2) }))).toBeUndefined(); // a bucket short
    expect(decodePageGlossary(variant({ chain: `${chain}@@` }))).toBeUndefined(); // one too many
    expect(decodePageGlossary(variant({}))).toBeDefined();
  });

  it('with damaged records, its matcher finds only the intact forms and always ends', () => {
    const page = buildPageGlossary(entries, patterns);
    const first = tableForms(page)[0]!.form;
    // 两个维护's length unit says more than the rest of the forms: its walk stops there.
    const record = tableForms(page).find((f) => f.form === '两个维护')!.at;
    const forms = page.forms.slice(0, record) + String.fromCharCode(0x40 + page.forms.length) + page.forms.slice(record + 1);
    // A bucket end far past the forms (a later one starting before it) must not run the matcher off them.
    const ends = units(numbers(page.ends).map((end, b) => (b === 0 ? 2 ** 30 - 1 : end)));
    const keys = `${page.keys.slice(0, 2)}\uffff\uffff${page.keys.slice(4)}`;
    const decoded = decodePageGlossary(encodePageGlossary({ ...page, forms, ends, keys }));
    expect(decoded).toBeDefined();
    const text = `坚决做到两个维护，落实三会一课，${first}`;
    const { ids } = buildPageNames(entries);
    const found = loadMatcher(decoded!).scan(text).map((m) => [text.slice(m.start, m.end), ids[m.tag]]);
    expect(found).toEqual([
      ['三会一课', 'san-hui-yi-ke'],
      [first, ids[tableForms(page)[0]!.tag]],
    ]);
  });

  it('with a damaged hash table, its matcher finds only the buckets still reachable and always ends', () => {
    const page = buildPageGlossary(entries, patterns);
    const { ids } = buildPageNames(entries);
    /** The bucket + 1 of a form's first two units (0: no bucket). */
    const bucketOf = (form: string) => {
      for (let k = 0; k < page.keys.length; k += 2) if (page.keys.slice(k, k + 2) === form.slice(0, 2)) return k / 2 + 1;
      return 0;
    };
    const slotOf = (b: number) => numbers(page.slots).indexOf(b);
    const gone = bucketOf('两个维护');
    const looped = bucketOf('三会一课');
    const slots = numbers(page.slots);
    const chain = numbers(page.chain);
    slots[slotOf(gone)] = chain.length + 5; // no such bucket
    // A chain that does not climb (here, to itself): read as its end, so the scan cannot loop.
    chain[looped] = looped;
    slots[slotOf(looped)] = looped;
    // Values that are no bucket at all.
    const other = bucketOf('第一书记');
    slots[slotOf(other)] = -1;
    const decoded = decodePageGlossary(encodePageGlossary({ ...page, slots: units(slots), chain: units(chain) }));
    expect(decoded).toBeDefined();
    // Two characters that are no key but fall in the looped slot: the scan walks its chain there.
    const low = slots.length - 1;
    let probe = '';
    for (let a = 0x4e00; !probe && a < 0x9fa5; a++) {
      for (let b = 0x4e00; b < 0x4e00 + 64; b++) {
        const pair = String.fromCharCode(a, b);
        if ((pairHash(a, b) & low) === slotOf(looped) && bucketOf(pair) === 0) probe = pair;
      }
    }
    expect(probe).not.toBe('');
    const text = `坚决做到两个维护，落实三会一课，选派第一书记，${probe}，增强四个意识`;
    const found = loadMatcher(decoded!).scan(text).map((m) => [text.slice(m.start, m.end), ids[m.tag]]);
    expect(found).toEqual([
      ['三会一课', 'san-hui-yi-ke'],
      ['四个意识', 'si-ge-yi-shi'],
    ]);
  });

  it('leaves its entries\' ids and terms out, under a version that changes with any of them', () => {
    const page = buildPageGlossary(entries, patterns);
    const names = buildPageNames(entries);
    expect(names.version).toBe(page.version);
    // Names are not in the page glossary a page reads on every load.
    expect(encodePageGlossary(page)).not.toContain('liang-ge-wei-hu');
    const renamed = entries.map((e, i) => (i === 3 ? { ...e, term: `${e.term}甲` } : e));
    expect(buildPageNames(renamed).version).not.toBe(names.version);
    expect(buildPageGlossary(renamed, compilePatterns(renamed)).version).toBe(buildPageNames(renamed).version);
    const reordered = [entries[1]!, entries[0]!, ...entries.slice(2)];
    expect(buildPageNames(reordered).version).not.toBe(names.version);
  });

  it('gives entries keys that stand for their index in one version, and reads only such keys back', () => {
    expect(entryIndexOf(entryKey(4321, 'v1'), 'v1')).toBe(4321);
    expect(entryIndexOf(entryKey(0, 'v1'), 'v1')).toBe(0);
    // A key of another version (the glossary changed) stands for no entry of this one.
    expect(entryIndexOf(entryKey(3, 'v1'), 'v2')).toBeUndefined();
    for (const key of ['liang-ge-wei-hu', '#@v1', '#-1@v1', '#1.5@v1', '#x@v1', '3@v1', '']) expect(entryIndexOf(key, 'v1')).toBeUndefined();
  });
});
