import { describe, expect, test } from 'vitest';
import { childTerms, connectFrames, countTerms, mergeTerms, type ReportTerms } from './report';
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

/**
 * A parent document with one frame, shaped as connectFrames reads them: a child window's
 * frameElement, that element's ownerDocument, a document's defaultView (null once it left its frame).
 */
function framedPair() {
  const parentWin = { length: 1 } as Record<PropertyKey, unknown>;
  const frame = {} as Record<PropertyKey, unknown>;
  const parentDoc = { defaultView: parentWin as unknown, querySelectorAll: () => [frame] };
  frame.ownerDocument = parentDoc;
  const childWin = { length: 0, frameElement: frame } as Record<PropertyKey, unknown>;
  const childDoc = { defaultView: childWin as unknown, querySelectorAll: () => [] };
  return { parentDoc: parentDoc as unknown as Document, childDoc: childDoc as unknown as Document, leave: () => (childDoc.defaultView = null) };
}

describe('frames', () => {
  const own = (terms: ReportTerms) => () => terms;

  test('a parent adds up the counts its child left on its frame element, and drops them when the child goes', () => {
    const { parentDoc, childDoc, leave } = framedPair();
    let told = 0;
    const parent = connectFrames(parentDoc, own([{ key: '#0', count: 1 }]), () => told++);
    const child = connectFrames(childDoc, own([{ key: '#0', count: 2 }, { key: '#1', count: 1 }]), () => undefined);
    expect(parent.terms()).toEqual([{ key: '#0', count: 3 }, { key: '#1', count: 1 }]);
    child.changed();
    expect(told).toBe(1);
    leave(); // navigated away: its document has no window
    expect(childTerms(parentDoc)).toEqual([]);
    child.disconnect();
    expect(told).toBe(2);
  });

  test('a child that fails while read is left out of the report; a parent that fails does not fail the child', () => {
    const { parentDoc, childDoc } = framedPair();
    const parent = connectFrames(parentDoc, own([{ key: '#0', count: 1 }]), () => {
      throw new Error('the parent broke');
    });
    const child = connectFrames(childDoc, () => {
      throw new Error('the child broke');
    }, () => undefined);
    expect(parent.terms()).toEqual([{ key: '#0', count: 1 }]);
    expect(() => child.changed()).not.toThrow();
    expect(() => child.disconnect()).not.toThrow();
  });
});
