// Runs the boundary logic against real jieba (its nodejs build resolves under Vitest).
import { add_word, cut_all, tokenize } from 'jieba-wasm';
import { beforeAll, describe, expect, test } from 'vitest';
import { confirmCandidates, wordBoundaries } from '@/src/glossary/segment';
import { defaultGlossary } from '@/src/glossary/default';

const jieba = (text: string) => tokenize(text, 'default', false);
const isWord = (word: string) => cut_all(word).includes(word);

/** Confirms every occurrence of `term` in `text`. */
function check(text: string, term: string): boolean[] {
  const spans = [];
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) spans.push({ start: i, end: i + term.length });
  expect(spans.length).toBeGreaterThan(0);
  return confirmCandidates(text, spans, jieba, isWord);
}

beforeAll(() => {
  for (const word of ['党组', '对表', '对标']) add_word(word);
  // The shipped glossary's ambiguous terms and variants, as the background adds them (it also adds
  // their traditional spellings, which segmentation of simplified text never meets).
  for (const e of defaultGlossary().entries) if (e.ambiguous) for (const form of [e.term, ...e.variants]) add_word(form);
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
    expect(confirmCandidates('党组会议', [{ start: 2, end: 9 }, { start: 2, end: 2 }, { start: -1, end: 1 }], jieba, isWord)).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('a term inside a longer word jieba returns', () => {
  // 【】 marks the candidate.
  const verdict = (marked: string): boolean => {
    const start = marked.indexOf('【');
    const end = marked.indexOf('】') - 1;
    const text = marked.replace(/[【】]/g, '');
    return confirmCandidates(text, [{ start, end }], jieba, isWord)[0] as boolean;
  };

  test('a longer word ending with the term is modifier + term: confirmed', () => {
    // jieba: 驻|村干部, 广大干部|群众, 乡镇干部, 机关党委 (cut_all), 双江|镇党委.
    for (const text of ['驻村【干部】到村里', '广大【干部】群众积极参与', '乡镇【干部】下村', '双江镇【党委】书记', '北京【市委】书记'])
      expect(verdict(text), text).toBe(true);
  });

  test('a longer word beginning with the term counts when the rest is a word of its own', () => {
    // jieba: 市政府|党组书记, 干部职工, 党委书记, 县委书记.
    for (const text of ['市政府【党组】书记', '全体【干部】职工', '机关【党委】书记', '【县委】书记']) expect(verdict(text), text).toBe(true);
  });

  test('but not when the rest is a fragment of a word across the term (党组织 is 党 + 组织)', () => {
    for (const text of ['加强【党组】织建设', '【党委】会议']) expect(verdict(text), text).toBe(text === '【党委】会议');
  });

  test('what comes before the term in the token is taken as a modifier, even where a word runs across', () => {
    // 乡党 (fellow villagers) is a word, but 乡党委 is 乡 + 党委.
    expect(verdict('上云乡【党委】副书记')).toBe(true);
    expect(verdict('乡【党委】政府')).toBe(true);
    // The price: 核对表 (a checklist) is 核对 + 表, and 对表 is confirmed in it. Rare in news.
    expect(verdict('请核【对表】中数据')).toBe(true);
  });

  test('a word running from the term into a one-character rest rejects it', () => {
    expect(verdict('【党委】会研究决定')).toBe(false); // 党委会 has 委会: lost
    expect(verdict('【党建】网')).toBe(false); // 党建网 has 建网: lost
    expect(verdict('市委常委、【组织部】长')).toBe(true); // 部长 leaves 组织, a word: 组织|部长 or 组织部|长
    expect(verdict('实行【问责】制')).toBe(true); // 问责制: none
  });

  test('a token crossing the term from outside rejects it', () => {
    for (const text of [
      '请【对表】格进行核对',
      '要【对标】准进行修订',
      '【回头看】看',
      '【组织力】量',
      '城【市委】托',
      '政【党章】程',
      '骨【干部】队',
      '追【问责】任',
      '服务【中心工作】人员',
      '居委会【组织工作】人员',
      '社区【党建】服务中心',
    ])
      expect(verdict(text), text).toBe(text === '社区【党建】服务中心');
  });

  test('a place name that took the first character of 市委 does not reject it (吴忠市|委)', () => {
    expect(verdict('吴忠【市委】巡察办')).toBe(true);
    expect(verdict('巩义【市委】书记')).toBe(true);
    expect(verdict('柞水【县委】召开会议')).toBe(true);
  });
});

describe('wordBoundaries', () => {
  test('maps code-point token offsets to UTF-16 offsets', () => {
    // 𠮷 is two UTF-16 units but one code point.
    expect([...wordBoundaries('𠮷ab', [{ start: 0, end: 1 }, { start: 1, end: 3 }])].sort((a, b) => a - b)).toEqual([0, 2, 4]);
  });
});
