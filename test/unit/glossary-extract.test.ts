import { cut } from 'jieba-wasm';
import { describe, expect, test } from 'vitest';
import { extractCandidates, normaliseForm, summarise, type Candidate } from '@/src/glossary/extract';

const segment = (text: string) => cut(text, false);
const extract = (text: string, options: Partial<Parameters<typeof extractCandidates>[1]> = {}) =>
  extractCandidates(text, { segment, ...options });
const find = (candidates: Candidate[], text: string) => candidates.find((c) => c.text === text);
const texts = (candidates: Candidate[]) => candidates.map((c) => c.text).sort();

describe('extractCandidates', () => {
  test('quoted terms, with counts over the whole text and context', () => {
    const cs = extract('要防止“击鼓传花”。有的单位击鼓传花，层层推诿。', { contextChars: 4 });
    const c = find(cs, '击鼓传花');
    expect(c?.kinds).toEqual(['quoted']);
    expect(c?.count).toBe(2);
    expect(c?.contexts[0]).toBe('要防止“【击鼓传花】”。有的');
  });

  test('long quotations are cited sentences, not terms', () => {
    expect(extract('他说“要健全工作机制，增强服务意识，加强教育引导，搭建创新平台，善于发现人才”。')).toEqual([]);
  });

  test('《…》 titles keep their marks', () => {
    expect(texts(extract('认真执行《关于新形势下党内政治生活的若干准则》。'))).toEqual(['《关于新形势下党内政治生活的若干准则》']);
  });

  test('numbered slogans, quoted or not, ending where jieba ends the word', () => {
    const cs = extract('增强四个意识，打好三大攻坚战，做好“六稳”工作，落实“三会一课”，实现“十三五”规划，十四五开局。');
    const numeral = cs.filter((c) => c.kinds.includes('numeral'));
    expect(texts(numeral)).toEqual(['三会一课', '三大攻坚战', '六稳', '十三五', '十四五', '四个意识'].sort());
  });

  test('points of the speech (二是, 三、) and plain 一个 are not slogans', () => {
    const cs = extract('二是要坚持学用结合。\n三、突出实效性\n一个干部要有担当。');
    expect(cs.filter((c) => c.kinds.includes('numeral'))).toEqual([]);
  });

  test('parallel forms: A B 尽 B, and 双X、双Y', () => {
    const cs = extract('做到应建尽建、应管尽管，推行双报到、双报告制度。');
    expect(texts(cs.filter((c) => c.kinds.includes('parallel')))).toEqual(['双报到、双报告', '应建尽建', '应管尽管'].sort());
  });

  test('、-lists of parallel items are cut to the list at word boundaries', () => {
    const cs = extract('充分发挥各级党委把方向、谋大局、定政策、促改革的作用，推动力量下沉、管理下沉、服务下沉。');
    expect(texts(cs)).toEqual(['把方向、谋大局、定政策、促改革', '力量下沉、管理下沉、服务下沉'].sort());
  });

  test('everyday two-character lists are not candidates', () => {
    expect(extract('在一线发现、培养、考察、使用干部。')).toEqual([]);
  });

  test('marks glossary terms, variants, longer forms and deliberate omissions', () => {
    const cs = extract('增强“四个意识”，坚持“两手抓、两手硬”，当好“店小二”，照照“镜子”，打好三大攻坚战。', {
      entries: [
        { id: 'si-ge-yi-shi', term: '四个意识', variants: [] },
        { id: 'lszlsy', term: '两手抓，两手硬', variants: [] },
        { id: 'dian-xiao-er', term: '当好店小二', variants: ['“店小二”'] },
        { id: 'sdgjz', term: '三大攻坚战役', variants: [] },
      ],
      leftOut: [{ term: '镜子', reason: 'an ordinary word' }],
    });
    expect(find(cs, '四个意识')?.covered).toEqual({ id: 'si-ge-yi-shi', how: 'exact' });
    expect(find(cs, '两手抓、两手硬')?.covered).toEqual({ id: 'lszlsy', how: 'exact' });
    expect(find(cs, '店小二')?.covered).toEqual({ id: 'dian-xiao-er', how: 'exact' });
    expect(find(cs, '三大攻坚战')?.covered).toEqual({ id: 'sdgjz', how: 'part' });
    expect(find(cs, '镜子')).toMatchObject({ leftOut: 'an ordinary word' });
    expect(find(cs, '镜子')?.covered).toBeUndefined();
    const s = summarise(cs);
    expect(s.covered + s.leftOut + s.uncovered).toBe(s.candidates);
    expect(s.leftOut).toBe(1);
  });

  test('offsets and contexts hold across lines and astral characters', () => {
    const cs = extract('𠮷𠮷第一行\n𠮷要落实“四包一”机制');
    expect(find(cs, '四包一')?.contexts[0]).toBe('𠮷𠮷第一行 𠮷要落实“【四包一】”机制');
  });
});

test('normaliseForm ignores quotes and title marks and treats list commas alike', () => {
  expect(normaliseForm('“要求严，对人严”')).toBe(normaliseForm('要求严、对人严'));
  expect(normaliseForm('《农村基层组织工作条例》')).toBe('农村基层组织工作条例');
});
