import { describe, expect, test } from 'vitest';
import { MAX_SENTENCE, sentenceAround, sentenceOf } from './selection-context';

const around = (text: string, selected: string) => {
  const start = text.indexOf(selected);
  return sentenceAround(text, start, start + selected.length);
};

describe('sentenceAround', () => {
  const para = '会议强调，要增强“四个意识”。全党必须做到“两个维护”，坚决维护党中央权威！其他内容';

  test('takes the Chinese sentence holding the selection, with its end mark', () => {
    expect(around(para, '两个维护')).toBe('全党必须做到“两个维护”，坚决维护党中央权威！');
    expect(around(para, '四个意识')).toBe('会议强调，要增强“四个意识”。');
  });

  test('a sentence without an end mark runs to the end of the text', () => {
    expect(around(para, '其他')).toBe('其他内容');
  });

  test('keeps closing quotes after the end mark', () => {
    expect(around('他说：“落实三会一课。”随后散会。', '三会一课')).toBe('他说：“落实三会一课。”');
  });

  test('a selection that is itself a whole sentence stays one sentence', () => {
    const text = '第一句。第二句。第三句。';
    expect(around(text, '第二句。')).toBe('第二句。');
  });

  test('Western sentences end at a full stop before a space, not inside 3.5', () => {
    const text = 'Growth was 3.5 percent. Villages met the first secretary today. Then more.';
    expect(around(text, 'first secretary')).toBe('Villages met the first secretary today.');
    expect(around(text, 'Growth')).toBe('Growth was 3.5 percent.');
  });

  test('line breaks end sentences and whitespace is collapsed', () => {
    expect(around('标题：回头看\n  正文   说  明', '说')).toBe('正文 说 明');
  });

  test('a very long unpunctuated block is cut around the selection', () => {
    const text = '甲'.repeat(1000) + '第一书记' + '乙'.repeat(1000);
    const sentence = around(text, '第一书记');
    expect(sentence.length).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(sentence).toContain('第一书记');
  });

  test('out-of-range offsets are clamped', () => {
    expect(sentenceAround('短句。', -5, 99)).toBe('短句。');
    expect(sentenceAround('', 0, 0)).toBe('');
  });
});

describe('sentenceOf', () => {
  test('joins the pieces the content script sends and cuts the sentence', () => {
    expect(sentenceOf({ before: '会议强调。全党必须做到“', text: '两个维护', after: '”！其他' })).toBe('全党必须做到“两个维护”！');
  });

  test('with no surroundings the selection is the sentence', () => {
    expect(sentenceOf({ before: '', text: ' 第一书记 ', after: '' })).toBe('第一书记');
  });
});
