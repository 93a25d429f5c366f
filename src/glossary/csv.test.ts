import { describe, expect, test } from 'vitest';
import { detectDelimiter, parseCsv } from './csv';

describe('pieces', () => {
  test('CSV parser: quotes, escaped quotes, newlines in cells, CRLF, blank lines', () => {
    const records = parseCsv('a,"b ""q""",c\r\n"multi\nline",x,\n\n"last"');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b "q"', 'c'] },
      { line: 2, cells: ['multi\nline', 'x', ''] },
      { line: 5, cells: ['last'] },
    ]);
  });
});

describe('delimiters', () => {
  test('the header line decides: tab, semicolon or comma, whichever it holds most outside quotes', () => {
    expect(detectDelimiter('term\tpinyin\tenglish\n')).toBe('\t');
    expect(detectDelimiter('term;pinyin;english\r\na,b;c')).toBe(';');
    expect(detectDelimiter('term,pinyin,english\n\t\t\t\t')).toBe(',');
    expect(detectDelimiter('"a;b;c",term,pinyin\n')).toBe(',');
    expect(detectDelimiter('term\n')).toBe(',');
  });

  test('a preferred delimiter (a .tsv file) wins when the header holds it at all', () => {
    expect(detectDelimiter('term\tpinyin,english,category\n', '\t')).toBe('\t');
    expect(detectDelimiter('term,pinyin,english\n', '\t')).toBe(',');
  });

  test('cells are split at the delimiter given, and only there', () => {
    expect(parseCsv('a\tb,c\t"d\te"\n1\t2', '\t')).toEqual([
      { line: 1, cells: ['a', 'b,c', 'd\te'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    expect(parseCsv('a;b,c\n', ';')).toEqual([{ line: 1, cells: ['a', 'b,c'] }]);
  });
});
