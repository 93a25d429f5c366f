import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { MatchStore } from './match-store';
import type { PageMatch } from './types';

/** A match of entry `id` over the whole of `node`. */
function matchOver(id: string, node: Text): PageMatch {
  return { id, text: node.data, range: { startContainer: node, startOffset: 0, endContainer: node, endOffset: node.data.length } as unknown as StaticRange };
}

function textNodes(count: number): Text[] {
  const { document } = parseHTML('<p></p>');
  const p = document.querySelector('p') as unknown as HTMLElement;
  return Array.from({ length: count }, (_, i) => p.appendChild(document.createTextNode(`两个维护${i}`)) as unknown as Text);
}

describe('match store', () => {
  test('keeps occurrences per term as matches come and go', () => {
    const [a, b, c] = textNodes(3) as [Text, Text, Text];
    const store = new MatchStore((matches) => [...matches]);
    const first = matchOver('#0', a);
    const second = matchOver('#0', b);
    const other = matchOver('#1', c);
    store.add(first, [a]);
    store.add(second, [b]);
    store.add(other, [c]);
    expect(new Map(store.counts())).toEqual(new Map([['#0', 2], ['#1', 1]]));

    store.remove(first);
    expect(new Map(store.counts())).toEqual(new Map([['#0', 1], ['#1', 1]]));
    // Removing a match twice counts it once.
    store.remove(first);
    expect(store.counts().get('#0')).toBe(1);

    // A term whose last occurrence goes is no longer counted: the badge counts distinct terms.
    store.dropNode(c);
    expect(new Map(store.counts())).toEqual(new Map([['#0', 1]]));
    expect(store.counts().size).toBe(1);

    store.clear();
    expect(store.counts().size).toBe(0);
    expect(store.size).toBe(0);
  });

  test('counts a match spanning several nodes once', () => {
    const [a, b] = textNodes(2) as [Text, Text];
    const store = new MatchStore((matches) => [...matches]);
    const spanning: PageMatch = { id: '#3', text: '两个维护', range: { startContainer: a, startOffset: 2, endContainer: b, endOffset: 2 } as unknown as StaticRange };
    store.add(spanning, [a, b]);
    expect(store.counts().get('#3')).toBe(1);
    store.dropNode(b);
    expect(store.counts().size).toBe(0);
    expect(store.has(a)).toBe(false);
  });
});
