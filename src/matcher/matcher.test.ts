import { describe, expect, it } from 'vitest';
import type { Pattern } from '../messages';
import { compileMatcher } from './matcher';

/** Matched substrings, which read more clearly in assertions than offsets. */
function found(patterns: string[], text: string, from?: number, to?: number): string[] {
  const matcher = compileMatcher(patterns.map((pattern) => ({ text: pattern })));
  return matcher.scan(text, from, to).map(({ start, end, tag }) => {
    const matched = text.slice(start, end);
    expect(matched).toBe(patterns[tag]);
    return matched;
  });
}

describe('compileMatcher', () => {
  it('finds every occurrence with UTF-16 offsets and pattern indices', () => {
    const matcher = compileMatcher([{ text: '两个维护' }, { text: '四个意识' }]);
    expect(matcher.scan('要做到两个维护，增强四个意识和两个维护')).toEqual([
      { start: 3, end: 7, tag: 0 },
      { start: 10, end: 14, tag: 1 },
      { start: 15, end: 19, tag: 0 },
    ]);
  });

  it('prefers the longest pattern when several start at the same place', () => {
    expect(found(['党组', '党组织', '基层党组织'], '加强基层党组织和党组织建设，党组会议')).toEqual([
      '基层党组织',
      '党组织',
      '党组',
    ]);
  });

  it('prefers the leftmost match over a longer one starting later', () => {
    // 对表 starts first, so 表格填写 (longer, overlapping) loses; leftmost wins, then longest.
    expect(found(['对表', '表格填写'], '对表格填写')).toEqual(['对表']);
    expect(found(['abc', 'bcdefg'], 'abcdefg')).toEqual(['abc']);
  });

  it('never reports overlapping matches and resumes right after a match', () => {
    expect(found(['aa'], 'aaaaa')).toEqual(['aa', 'aa']);
    expect(found(['abc', 'cdef', 'ef'], 'abcdef')).toEqual(['abc', 'ef']);
    expect(found(['abc', 'abcdefg', 'de'], 'abcdeq')).toEqual(['abc', 'de']);
  });

  it('handles patterns that are suffixes or infixes of each other', () => {
    expect(found(['自信', '文化自信', '化自'], '文化自信与制度自信，化自')).toEqual(['文化自信', '自信', '化自']);
    expect(found(['b', 'abcd'], 'abcx abcd')).toEqual(['b', 'abcd']);
  });

  it('reports the lowest index among duplicates', () => {
    const patterns: Pattern[] = [
      { text: '双碳', id: 'a', ambiguous: false },
      { text: '碳中和', id: 'b', ambiguous: false },
      { text: '双碳', id: 'c', ambiguous: true },
      { text: '双碳', id: 'd', ambiguous: false },
    ];
    const matcher = compileMatcher(patterns);
    expect(matcher.scan('推进双碳')).toEqual([{ start: 2, end: 4, tag: 0 }]);
  });

  it('copes with empty input, empty patterns and no patterns', () => {
    expect(found(['两个'], '')).toEqual([]);
    expect(found([], '两个维护')).toEqual([]);
    expect(found(['', '维护'], '两个维护')).toEqual(['维护']);
    expect(compileMatcher([{ text: '' }]).scan('两个')).toEqual([]);
  });

  it('matches emoji and other surrogate pairs only as whole patterns', () => {
    // 😀 is \uD83D\uDE00 and 😁 is \uD83D\uDE01: they share a high surrogate.
    expect(found(['😀', '😀👍', '𠮷野'], 'x😁😀👍😀𠮷野家')).toEqual(['😀👍', '😀', '𠮷野']);
    const matcher = compileMatcher([{ text: '😀' }]);
    expect(matcher.scan('a😀')).toEqual([{ start: 1, end: 3, tag: 0 }]);
  });

  it('scans only inside the given range and keeps offsets absolute', () => {
    const text = '两个维护两个维护两个维护';
    expect(compileMatcher([{ text: '两个维护' }]).scan(text, 2, 12)).toEqual([
      { start: 4, end: 8, tag: 0 },
      { start: 8, end: 12, tag: 0 },
    ]);
    expect(found(['两个维护'], text, 2, 11)).toEqual(['两个维护']);
    expect(found(['两个维护'], text, -5, 99)).toEqual(['两个维护', '两个维护', '两个维护']);
    expect(found(['两个维护'], text, 9, 3)).toEqual([]);
  });

  it('handles a glossary that uses every code unit', () => {
    // Past 65,535 distinct units the alphabet table needs wider entries.
    const everyUnit = Array.from({ length: 65536 }, (_, unit) => ({ text: String.fromCharCode(unit) }));
    const matcher = compileMatcher([...everyUnit, { text: '\uffff\u0000' }]);
    expect(matcher.scan('a\uffff\u0000')).toEqual([
      { start: 0, end: 1, tag: 97 },
      { start: 1, end: 3, tag: 65536 },
    ]);
  });

  it('tells apart pairs that share a table slot', () => {
    // \u0000@ and \u0001\u0000 share a slot (the first unit shifted by 6, xor the second).
    expect(found(['\u0000@x', '\u0001\u0000y'], '\u0000@y\u0001\u0000x\u0001\u0000y\u0000@x')).toEqual(['\u0001\u0000y', '\u0000@x']);
    expect(found(['\u0000@', '\u0001\u0000'], '\u0001\u0000\u0000@')).toEqual(['\u0001\u0000', '\u0000@']);
  });

  it('can be reused for many scans', () => {
    const matcher = compileMatcher([{ text: '新质生产力' }, { text: '生产力' }]);
    expect(matcher.scan('发展新质生产力')).toHaveLength(1);
    expect(matcher.scan('解放生产力')).toEqual([{ start: 2, end: 5, tag: 1 }]);
  });
});
