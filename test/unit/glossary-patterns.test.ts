import { describe, expect, test } from 'vitest';
import { compilePatterns, traditionalForms } from '@/src/glossary/patterns';
import { entrySchema, type Entry, type EntryInput } from '@/src/glossary/schema';

const entry = (input: Partial<EntryInput> & Pick<EntryInput, 'id' | 'term'>): Entry =>
  entrySchema.parse({
    pinyin: 'a',
    english: ['x'],
    category: 'slogan',
    summary: { zh: '简', en: 'short' },
    explanation: { zh: '长', en: 'long' },
    ...input,
  });

describe('traditionalForms', () => {
  test('converts to Taiwan and Hong Kong characters', () => {
    expect(traditionalForms('两个维护')).toEqual(['兩個維護']);
    expect(traditionalForms('党组')).toEqual(['黨組']);
  });
  test('returns nothing for a form already the same in traditional characters', () => {
    expect(traditionalForms('十三五')).toEqual([]);
  });
});

describe('compilePatterns', () => {
  test('term, variants and their traditional forms, each once, tagged with the entry', () => {
    const patterns = compilePatterns([
      entry({ id: 'liang-ge-wei-hu', term: '两个维护', variants: ['“两个维护”', '两个维护'] }),
      entry({ id: 'dang-zu', term: '党组', ambiguous: true }),
    ]);
    expect(patterns).toEqual([
      { text: '两个维护', id: 'liang-ge-wei-hu', ambiguous: false },
      { text: '“两个维护”', id: 'liang-ge-wei-hu', ambiguous: false },
      { text: '兩個維護', id: 'liang-ge-wei-hu', ambiguous: false },
      { text: '“兩個維護”', id: 'liang-ge-wei-hu', ambiguous: false },
      { text: '党组', id: 'dang-zu', ambiguous: true },
      { text: '黨組', id: 'dang-zu', ambiguous: true },
    ]);
  });

  test('disabled entries give no patterns', () => {
    const patterns = compilePatterns([entry({ id: 'a', term: '六稳', enabled: false }), entry({ id: 'b', term: '六保' })]);
    expect(patterns.map((p) => p.id)).toEqual(['b']);
  });

  test('a written form beats another entry’s derived traditional form', () => {
    // 幹部 is written by the second entry and also derived from 干部 by the first.
    const patterns = compilePatterns([entry({ id: 'a', term: '干部' }), entry({ id: 'b', term: '幹部' })]);
    expect(patterns).toEqual([
      { text: '干部', id: 'a', ambiguous: false },
      { text: '幹部', id: 'b', ambiguous: false },
    ]);
  });

  test('no surface form is claimed by two entries', () => {
    const patterns = compilePatterns([
      entry({ id: 'a', term: '发展', variants: ['發展'] }),
      entry({ id: 'b', term: '发展', variants: ['发展理念'] }),
    ]);
    const texts = patterns.map((p) => p.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(patterns.filter((p) => p.id === 'b').map((p) => p.text)).toEqual(['发展理念', '發展理念']);
  });
});
