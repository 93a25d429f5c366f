import { describe, expect, test } from 'vitest';
import { countTerms, mergeTerms } from './report';
import type { PageMatch } from './types';

const match = (id: string): PageMatch => ({ id, text: id, range: {} as StaticRange });

describe('page report', () => {
  test('counts matches per entry in order of first appearance, with the entry term', () => {
    const terms = countTerms([match('b'), match('a'), match('b')], (id) => ({ a: '甲', b: '乙' })[id]);
    expect(terms).toEqual([
      { id: 'b', term: '乙', count: 2 },
      { id: 'a', term: '甲', count: 1 },
    ]);
  });

  test('adds up the counts of child frames by entry', () => {
    const top = [{ id: 'a', term: '甲', count: 1 }];
    const merged = mergeTerms(top, [
      { id: 'a', term: '甲', count: 2 },
      { id: 'c', term: '丙', count: 1 },
    ]);
    expect(merged).toEqual([
      { id: 'a', term: '甲', count: 3 },
      { id: 'c', term: '丙', count: 1 },
    ]);
    expect(top[0]?.count).toBe(1); // inputs untouched
  });
});
