import fc from 'fast-check';
import { expect, test } from 'vitest';
import { searchSorted } from './hit-test';

// Intervals [start, end) in order and not overlapping, like matches in document order.
const intervals = fc
  .uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 0, maxLength: 60 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: Array<{ start: number; end: number }> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: sorted[i]!, end: sorted[i + 1]! });
    return out;
  });

const at = (list: Array<{ start: number; end: number }>, point: number) =>
  searchSorted(list, (m) => (point < m.start ? -1 : point >= m.end ? 1 : 0));

test('finds the interval covering a point, as a linear scan does', () => {
  fc.assert(
    fc.property(intervals, fc.integer({ min: -5, max: 505 }), (list, point) => {
      expect(at(list, point)).toBe(list.find((m) => point >= m.start && point < m.end));
    }),
  );
});

test('start is inside, end is outside, gaps and the empty list find nothing', () => {
  const list = [
    { start: 2, end: 6 },
    { start: 6, end: 8 },
    { start: 20, end: 24 },
  ];
  expect(at(list, 2)).toBe(list[0]);
  expect(at(list, 5)).toBe(list[0]);
  expect(at(list, 6)).toBe(list[1]);
  expect(at(list, 8)).toBeUndefined();
  expect(at(list, 19)).toBeUndefined();
  expect(at(list, 23)).toBe(list[2]);
  expect(at([], 3)).toBeUndefined();
});

test('looks at only a logarithmic number of items', () => {
  const list = Array.from({ length: 100_000 }, (_, i) => ({ start: i * 10, end: i * 10 + 4 }));
  let calls = 0;
  const found = searchSorted(list, (m) => {
    calls++;
    return 777_772 < m.start ? -1 : 777_772 >= m.end ? 1 : 0;
  });
  expect(found).toEqual({ start: 777_770, end: 777_774 });
  expect(calls).toBeLessThanOrEqual(17);
});
