import { describe, expect, test } from 'vitest';
import { entryLines } from './from-json';

describe('pieces', () => {
  test('entry lines in pretty and compact JSON', () => {
    expect(entryLines('{"format":"x","entries":[\n{"a":[1,2]},\n {"b":"]"}\n]}')).toEqual([2, 3]);
    expect(entryLines('[{"a":1},\n"x"]')).toEqual([1, 2]);
    expect(entryLines('{"other":[1,2],"entries":[]}')).toEqual([]);
  });
});
