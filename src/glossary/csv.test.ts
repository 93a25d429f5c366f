import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvCell, detectDelimiter, parseCsv, unescapeFormula } from './csv';

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

describe('round trip', () => {
  test('any cells written with csvCell are read back as written (formula guards removed), each record on the line it starts on', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', ' ', ',', '"', '\n', '\r', '\t', ';', '=', "'") });
    // A record of one empty cell is a blank line, which is skipped: every record here has some text.
    const record = fc.array(text, { minLength: 1, maxLength: 5 }).filter((cells) => cells.join('') !== '');
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (records, eol) => {
        const lines = records.map((cells) => cells.map(csvCell).join(','));
        const starts = lines.map((_, i) => 1 + lines.slice(0, i).reduce((n, l) => n + (l.match(/\n/g)?.length ?? 0) + 1, 0));
        const parsed = parseCsv(lines.join(eol) + eol);
        expect(parsed.map((r) => r.cells.map(unescapeFormula))).toEqual(records);
        expect(parsed.map((r) => r.line)).toEqual(starts);
      }),
    );
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
