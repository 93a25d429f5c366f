// The page brief from a report and the page's first occurrences: order, counts, sentences, and
// output that stays inert (Markdown parsed back with a CommonMark reader, CSV read back).
import { describe, expect, test } from 'vitest';
import { defaultGlossary } from '@/src/glossary/default';
import { parseCsv } from '@/src/glossary/csv';
import type { Entry } from '@/src/glossary/schema';
import { briefCsv, briefFileName, briefMarkdown, buildBrief, markdownText, BRIEF_CSV_COLUMNS } from './brief';

const shipped = new Map(defaultGlossary().entries.map((e) => [e.id, e]));
const entry = (id: string): Entry => shipped.get(id)!;
const entries = new Map(['liang-ge-wei-hu', 'si-ge-yi-shi', 'san-hui-yi-ke'].map((id) => [id, entry(id)]));

const HOSTILE = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) =HYPERLINK("https://evil.example") **b** https://evil.example www.evil.example';

const brief = buildBrief(
  {
    enabled: true,
    // The report's own order differs from the page's: the brief follows the page.
    terms: [
      { id: 'san-hui-yi-ke', term: '三会一课', count: 1 },
      { id: 'liang-ge-wei-hu', term: '两个维护', count: 3 },
      { id: 'deleted-meanwhile', term: '没了', count: 2 },
      { id: 'si-ge-yi-shi', term: '四个意识', count: 2 },
    ],
  },
  {
    title: `新闻 ${HOSTILE}`,
    url: 'https://news.example.cn/a.html?x=1',
    firsts: [
      { id: 'liang-ge-wei-hu', text: '兩個維護', before: '第一段。各级党组织要做到“', after: '”。第二句。' },
      { id: 'si-ge-yi-shi', text: '四个意识', before: `他说：${HOSTILE}，增强“`, after: '”。' },
      { id: 'san-hui-yi-ke', text: '三会一课', before: '落实“', after: '”制度' },
    ],
  },
  entries,
  new Date(2026, 11, 2),
);

describe('buildBrief', () => {
  test('terms in order of first appearance, with counts; the sentence where each first occurs', () => {
    expect(brief.rows.map((r) => [r.term, r.count])).toEqual([
      ['两个维护', 3],
      ['四个意识', 2],
      ['三会一课', 1],
    ]);
    expect(brief.rows[0]!.sentence).toBe('各级党组织要做到“兩個維護”。');
    expect(brief.rows[0]!.written).toBe('兩個維護');
    expect(brief.rows[2]!.sentence).toBe('落实“三会一课”制度');
    expect(brief.date).toBe('2026-12-02');
    expect(brief.rows[0]!.english).toBe(entry('liang-ge-wei-hu').english[0]);
    expect(brief.rows[0]!.sources).toEqual(entry('liang-ge-wei-hu').sources);
  });
});

describe('Markdown', () => {
  const md = briefMarkdown(brief, 'en');

  test('heads with title, address and date, then one section per term', () => {
    expect(md).toMatch(/^# Brief of this page: /);
    expect(md).toContain('- Date: 2026-12-02');
    expect(md).toContain('- Terms: 3 (6 occurrences)');
    expect(md).toContain('## 1\\. 两个维护');
    expect(md).toContain('  > 各级党组织要做到“兩個維護”。');
  });

  test('page text is escaped so no tag, link, autolink, image or emphasis can form', () => {
    // The page's text in the title line and the quoted sentence: once escaped pairs are taken out,
    // no ASCII punctuation is left to form syntax.
    const title = md.split('\n')[0]!.slice('# Brief of this page: '.length);
    const sentence = md.split('\n').find((l) => l.startsWith('  > ') && l.includes('alert'))!.slice('  > '.length);
    for (const text of [title, sentence]) {
      expect(text).toContain('onerror');
      expect(text.replace(/\\[!-/:-@[-`{-~]/g, '').match(/[!-/:-@[-`{-~]/g)).toBeNull();
    }
    // Unescaping gives the page's text back exactly.
    expect(markdownText(HOSTILE).replace(/\\(.)/g, '$1')).toBe(HOSTILE);
  });

  test('only https sources become links, in angle brackets', () => {
    const links = [...md.matchAll(/<(https:[^>]+)>/g)].map((m) => m[1]);
    expect(links.every((l) => l!.startsWith('https://'))).toBe(true);
  });

  test('follows the explanation language', () => {
    expect(briefMarkdown(brief, 'zh')).toMatch(/^# 页面提法简报：|^# 页面提法简报: /);
    expect(briefMarkdown(brief, 'zh')).toContain(entry('liang-ge-wei-hu').summary.zh.replace(/[!-/:-@[-`{-~]/g, '\\$&'));
  });
});

describe('CSV', () => {
  test('reads back cell for cell, with a BOM, and formula-like cells made inert', () => {
    const csv = briefCsv(brief, 'en');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]!.cells).toEqual([...BRIEF_CSV_COLUMNS]);
    const at = (row: number, column: string) => rows[row]!.cells[BRIEF_CSV_COLUMNS.indexOf(column as never)];
    expect(at(1, 'term')).toBe('两个维护');
    expect(at(1, 'count')).toBe('3');
    expect(at(2, 'first_sentence')).toContain('=HYPERLINK(');
    expect(at(1, 'page_title')).toBe(`新闻 ${HOSTILE}`);
    // A cell that starts like a formula gets the apostrophe spreadsheets show as text.
    const formula = briefCsv({ ...brief, title: '=HYPERLINK("x")' }, 'en');
    expect(parseCsv(formula.slice(1))[1]!.cells[BRIEF_CSV_COLUMNS.indexOf('page_title')]).toBe('\'=HYPERLINK("x")');
  });

  test('file names carry the site and the day', () => {
    expect(briefFileName(brief, 'csv')).toBe('tifa-brief-news.example.cn-2026-12-02.csv');
  });
});
