import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonical, sameEntry } from './compare';
import type { Entry } from './schema';
import { SHIPPED } from './test-helpers';

/** The entry with its keys (and its nested objects' keys) in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
  return value;
}

describe('sameEntry', () => {
  test('agrees with comparing canonical JSON: key order ignored, undefined as absent, any change seen', () => {
    const variant = fc.record({
      a: fc.nat(SHIPPED.length - 1),
      b: fc.nat(SHIPPED.length - 1),
      change: fc.constantFrom('none', 'reorder', 'undefined-field', 'english', 'source-quote', 'drop-sources', 'component'),
    });
    fc.assert(
      fc.property(variant, ({ a, b, change }) => {
        const x = SHIPPED[a]!;
        let y: Entry = SHIPPED[change === 'none' || change === 'reorder' || change === 'undefined-field' ? a : b]!;
        if (change === 'reorder') y = reordered(y) as Entry;
        if (change === 'undefined-field') y = { ...y, origin: undefined, since: undefined };
        if (change === 'english') y = { ...y, english: [...y.english, 'one more'] };
        if (change === 'source-quote' && y.source) y = { ...y, source: { ...y.source, quote: `${y.source.quote}。` } };
        if (change === 'drop-sources') y = { ...y, sources: undefined };
        if (change === 'component') y = { ...y, components: [...y.components, { zh: '一', en: 'one' }] };
        expect(sameEntry(x, y)).toBe(canonical(x) === canonical(y));
      }),
    );
  });
});
