import { describe, expect, test } from 'vitest';
import { cut_all, tokenize } from 'jieba-wasm';
import { confirmCandidates } from './segment';
import { toSimplifiedSameLength } from './simplify';

describe('toSimplifiedSameLength', () => {
  test('converts traditional characters and keeps offsets', () => {
    expect(toSimplifiedSameLength('黨組織生活會')).toBe('党组织生活会');
    expect(toSimplifiedSameLength('兩個維護')).toBe('两个维护');
    const text = '𠮷黨委（黨組）會議';
    expect(toSimplifiedSameLength(text)).toHaveLength(text.length);
  });

  test('lets jieba reject 黨組 inside 黨組織 and confirm it on its own', () => {
    const text = '黨組織生活會；黨委（黨組）會議';
    const seg = (t: string) => tokenize(t, 'default', false);
    const spans = [
      { start: 0, end: 2 },
      { start: 10, end: 12 },
    ];
    const isWord = (word: string) => cut_all(word).includes(word);
    expect(confirmCandidates(toSimplifiedSameLength(text), spans, seg, isWord)).toEqual([false, true]);
  });
});
