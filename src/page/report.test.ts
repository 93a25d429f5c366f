import { describe, expect, test } from 'vitest';
import { countTerms, mergeTerms } from './report';
import type { PageMatch } from './types';

const match = (id: string): PageMatch => ({ id, text: id, range: {} as StaticRange });

describe('page report', () => {
  test('counts matches per entry key in order of first appearance', () => {
    expect(countTerms([match('#1'), match('#0'), match('#1')])).toEqual([
      { key: '#1', count: 2 },
      { key: '#0', count: 1 },
    ]);
    // The badge counts the store's set of matches as it is.
    expect(countTerms(new Set([match('#2'), match('#2'), match('#0')]))).toEqual([
      { key: '#2', count: 2 },
      { key: '#0', count: 1 },
    ]);
  });

  test('adds up the counts of child frames by entry', () => {
    const top = [{ key: '#0', count: 1 }];
    const merged = mergeTerms(top, [
      { key: '#0', count: 2 },
      { key: '#2', count: 1 },
    ]);
    expect(merged).toEqual([
      { key: '#0', count: 3 },
      { key: '#2', count: 1 },
    ]);
    expect(top[0]?.count).toBe(1); // inputs untouched
    // Nothing to add: the same counts.
    expect(mergeTerms(top, [])).toEqual([{ key: '#0', count: 1 }]);
  });
});
