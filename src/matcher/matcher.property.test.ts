import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTables, compileMatcher, loadMatcher, type Match, type MatcherTables } from './matcher';

/**
 * The specification, written as plainly as possible: at each position take the longest pattern
 * starting there (lowest index on ties); report it and continue after it, else move on one unit.
 */
function naiveMatches(patterns: readonly string[], text: string, from = 0, to = text.length): Match[] {
  const matches: Match[] = [];
  const end = Math.min(to, text.length);
  let position = Math.max(0, from);
  while (position < end) {
    let best: Match | undefined;
    patterns.forEach((pattern, patternIndex) => {
      if (pattern.length === 0 || position + pattern.length > end) return;
      if (!text.startsWith(pattern, position)) return;
      if (best === undefined || pattern.length > best.end - best.start) {
        best = { start: position, end: position + pattern.length, tag: patternIndex };
      }
    });
    if (best === undefined) position++;
    else {
      matches.push(best);
      position = best.end;
    }
  }
  return matches;
}

// A small alphabet makes overlaps, shared prefixes and near misses frequent. It mixes CJK, ASCII,
// emoji sharing a high surrogate (😀 😁), another astral character (𠮷) and a lone surrogate.
const units = ['两', '个', '维', '护', '党', '组', '织', 'a', 'b', ' ', '😀', '😁', '𠮷', '\uD83D'];
const piece = fc.constantFrom(...units);
const patternText = fc.array(piece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(''));
const glossary = fc.array(patternText, { minLength: 0, maxLength: 12 });
const textOf = (maxLength: number) => fc.array(piece, { maxLength }).map((pieces) => pieces.join(''));

describe('compileMatcher against the naive reference', () => {
  it('agrees on random glossaries and texts', () => {
    fc.assert(
      fc.property(glossary, textOf(60), (patterns, text) => {
        const matcher = compileMatcher(patterns.map((pattern) => ({ text: pattern })));
        expect(matcher.scan(text)).toEqual(naiveMatches(patterns, text));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees when texts are built from the patterns themselves', () => {
    // Random texts rarely contain long patterns; gluing patterns together exercises those paths.
    const case_ = glossary
      .filter((patterns) => patterns.length > 0)
      .chain((patterns) =>
        fc.tuple(
          fc.constant(patterns),
          fc.array(fc.oneof(fc.constantFrom(...patterns), piece), { maxLength: 20 }).map((parts) => parts.join('')),
        ),
      );
    fc.assert(
      fc.property(case_, ([patterns, text]) => {
        const matcher = compileMatcher(patterns.map((pattern) => ({ text: pattern })));
        expect(matcher.scan(text)).toEqual(naiveMatches(patterns, text));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees when every pattern is at least two code units long (the pair filter decides where to look)', () => {
    // Real glossary terms are two characters or more; the matcher then skips ahead by code-unit pairs.
    const longPatterns = fc.array(
      patternText.filter((pattern) => pattern.length >= 2),
      { minLength: 1, maxLength: 12 },
    );
    const case_ = longPatterns.chain((patterns) =>
      fc.tuple(
        fc.constant(patterns),
        fc.array(fc.oneof(fc.constantFrom(...patterns), piece, piece), { maxLength: 24 }).map((parts) => parts.join('')),
        fc.nat(60),
        fc.nat(60),
      ),
    );
    fc.assert(
      fc.property(case_, ([patterns, text, a, b]) => {
        const matcher = compileMatcher(patterns.map((pattern) => ({ text: pattern })));
        expect(matcher.scan(text)).toEqual(naiveMatches(patterns, text));
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(matcher.scan(text, from, to)).toEqual(naiveMatches(patterns, text, from, to));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees when its tables travel as JSON, keys and records split inside surrogate pairs', () => {
    // A page gets the tables through storage as JSON (src/glossary/page-glossary.ts). A bucket's key
    // can end in a high surrogate whose low half starts a record: each alone is a lone surrogate.
    fc.assert(
      fc.property(glossary, textOf(60), (patterns, text) => {
        const tables = JSON.parse(JSON.stringify(buildTables(patterns.map((pattern) => ({ text: pattern }))))) as MatcherTables;
        expect(loadMatcher(tables).scan(text)).toEqual(naiveMatches(patterns, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on sub-ranges of a text', () => {
    fc.assert(
      fc.property(glossary, textOf(40), fc.nat(45), fc.nat(45), (patterns, text, a, b) => {
        const matcher = compileMatcher(patterns.map((pattern) => ({ text: pattern })));
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(matcher.scan(text, from, to)).toEqual(naiveMatches(patterns, text, from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on larger glossaries over a wide alphabet', () => {
    // Enough patterns that double-array placement has to skip crowded slots and grow its arrays.
    const wideUnit = fc.oneof(
      fc.integer({ min: 0x4e00, max: 0x4e00 + 400 }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('\u0000', '\uffff', 'a', '😀'),
    );
    const wideText = (maxLength: number) => fc.array(wideUnit, { maxLength }).map((pieces) => pieces.join(''));
    const patterns = fc.array(wideText(4).filter((text) => text.length > 0), { minLength: 50, maxLength: 400 });
    fc.assert(
      fc.property(patterns, fc.array(wideText(6), { maxLength: 60 }), (glossary, noise) => {
        // Interleave glossary terms with noise so that matches actually occur.
        const text = noise.map((part, n) => part + (glossary[(n * 7) % glossary.length] ?? '')).join('');
        const matcher = compileMatcher(glossary.map((pattern) => ({ text: pattern })));
        expect(matcher.scan(text)).toEqual(naiveMatches(glossary, text));
      }),
      { numRuns: 200 },
    );
  });

  it('reports non-overlapping, ordered matches of the right text', () => {
    fc.assert(
      fc.property(glossary, textOf(80), (patterns, text) => {
        const matches = compileMatcher(patterns.map((pattern) => ({ text: pattern }))).scan(text);
        let previousEnd = 0;
        for (const { start, end, tag } of matches) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(text.slice(start, end)).toBe(patterns[tag]);
          previousEnd = end;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
