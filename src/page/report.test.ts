import { describe, expect, test } from 'vitest';
import { childTerms, connectFrames, countTerms, listCounts, mergeTerms, type ReportTerms } from './report';
import type { PageMatch } from './types';

const match = (id: string): PageMatch => ({ id, text: id, range: {} as StaticRange });

describe('page report', () => {
  test('counts matches per entry key in order of first appearance', () => {
    expect(countTerms([match('#1'), match('#0'), match('#1')])).toEqual([
      { key: '#1', count: 2 },
      { key: '#0', count: 1 },
    ]);
  });

  test('lists counts kept by entry key, as the report gives them', () => {
    expect(listCounts(new Map([['#2', 2], ['#0', 1]]))).toEqual([
      { key: '#2', count: 2 },
      { key: '#0', count: 1 },
    ]);
    expect(listCounts(new Map())).toEqual([]);
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
 * A parent document with one same-origin frame, shaped as connectFrames reads them: the frame
 * element's contentWindow, a window's parent, a document's defaultView.
 */
function framedPair() {
  const parentWin = { length: 1 } as Record<PropertyKey, unknown>;
  parentWin.parent = parentWin;
  const childWin = { length: 0, parent: parentWin } as Record<PropertyKey, unknown>;
  const frame = { contentWindow: childWin as unknown };
  const parentDoc = { defaultView: parentWin, querySelectorAll: () => [frame] };
  const childDoc = { defaultView: childWin, querySelectorAll: () => [] };
  // The frame navigated away: it holds a new window, where no session runs (yet).
  const navigate = () => (frame.contentWindow = { length: 0, parent: parentWin });
  return { parentDoc: parentDoc as unknown as Document, childDoc: childDoc as unknown as Document, navigate };
}

describe('frames', () => {
  const own = (terms: ReportTerms) => () => terms;

  test("a parent adds up its same-origin child's counts, hears of its changes, and drops them when the frame holds another document", () => {
    const { parentDoc, childDoc, navigate } = framedPair();
    let told = 0;
    const parent = connectFrames(parentDoc, own([{ key: '#0', count: 1 }]), () => told++);
    const child = connectFrames(childDoc, own([{ key: '#0', count: 2 }, { key: '#1', count: 1 }]), () => undefined);
    expect(parent.terms()).toEqual([{ key: '#0', count: 3 }, { key: '#1', count: 1 }]);
    child.changed();
    expect(told).toBe(1);
    navigate();
    expect(childTerms(parentDoc)).toEqual([]);
    expect(parent.terms()).toEqual([{ key: '#0', count: 1 }]);
    child.disconnect();
    expect(told).toBe(2);
  });
});
