import { describe, expect, test } from 'vitest';
import { parseCsv } from './csv';

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
