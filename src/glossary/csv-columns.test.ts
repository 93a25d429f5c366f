import { describe, expect, test } from 'vitest';
import { sourceFromLine, sourceToLine } from './csv-columns';
import type { SOURCE_SUPPORTS } from './schema';

describe('sources, official English, speech role, no public definition', () => {
  test('source lines: escapes, empty date and url, supports separated by spaces or commas', () => {
    expect(sourceFromLine(' 甲 \\| 乙 | 出版者 |  |  | meaning, english ')).toEqual({ title: '甲 | 乙', publisher: '出版者', supports: ['meaning', 'english'] });
    expect(sourceFromLine('a\\\\ | b | 2020 | https://x.org/ | date')).toEqual({ title: 'a\\', publisher: 'b', date: '2020', url: 'https://x.org/', supports: ['date'] });
    const s = { title: 'a|b\\c', publisher: 'p', supports: [] as Array<(typeof SOURCE_SUPPORTS)[number]> };
    expect(sourceFromLine(sourceToLine(s))).toEqual(s);
  });
});
