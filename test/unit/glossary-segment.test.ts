// Runs the boundary logic against real jieba (its nodejs build resolves under Vitest).
import { add_word, tokenize } from 'jieba-wasm';
import { beforeAll, describe, expect, test } from 'vitest';
import { confirmCandidates, wordBoundaries } from '@/src/glossary/segment';

const jieba = (text: string) => tokenize(text, 'default', false);

/** Confirms every occurrence of `term` in `text`. */
function check(text: string, term: string): boolean[] {
  const spans = [];
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) spans.push({ start: i, end: i + term.length });
  expect(spans.length).toBeGreaterThan(0);
  return confirmCandidates(text, spans, jieba);
}

beforeAll(() => {
  for (const word of ['党组', '对表', '对标']) add_word(word);
});

describe('confirmCandidates with jieba', () => {
  test('党组 inside 党组织 is not a word; in 党委（党组）会议 and 党组会议 it is', () => {
    expect(check('加强基层党组织建设', '党组')).toEqual([false]);
    expect(check('通过党委（党组）会议“首个议题”制度', '党组')).toEqual([true]);
    expect(check('党组会议', '党组')).toEqual([true]);
  });
  test('对表 inside 对表格 is not a word', () => {
    expect(check('请对表格进行核对', '对表')).toEqual([false]);
  });
  test('对标 inside 对标准 is not; 经常对标对表 holds both as words', () => {
    expect(check('要对标准进行修订', '对标')).toEqual([false]);
    expect(check('经常对标对表', '对标')).toEqual([true]);
    expect(check('经常对标对表', '对表')).toEqual([true]);
  });
  test('each occurrence is judged on its own', () => {
    expect(check('党组织和党组', '党组')).toEqual([false, true]);
  });
  test('offsets stay right after astral characters (jieba counts code points)', () => {
    const text = '𠮷𠮷党组织，𠮷党组会议';
    expect(check(text, '党组')).toEqual([false, true]);
  });
  test('a span outside the text or empty is never confirmed', () => {
    expect(confirmCandidates('党组会议', [{ start: 2, end: 9 }, { start: 2, end: 2 }, { start: -1, end: 1 }], jieba)).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('wordBoundaries', () => {
  test('maps code-point token offsets to UTF-16 offsets', () => {
    // 𠮷 is two UTF-16 units but one code point.
    expect([...wordBoundaries('𠮷ab', [{ start: 0, end: 1 }, { start: 1, end: 3 }])].sort((a, b) => a - b)).toEqual([0, 2, 4]);
  });
});
