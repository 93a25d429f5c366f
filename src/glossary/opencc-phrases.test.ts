import fs from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import CJKCompatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import STPhrasesFromRegions from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultGlossary } from './default';
import { openccPhrases as bundled } from './opencc-phrases';
import { traditionalConverters } from './patterns';
import { surfaceForms } from './schema';

/** The sources of a dictionary's entries ("a alpha|b beta" → a, b). */
const sourcesOf = (dictionary: string): string[] => dictionary.split('|').map((line) => line.split(' ')[0] as string);

describe("the traditional converters, built from opencc's dictionaries with the phrases given", () => {
  // The converters Tifa built before its phrase dictionary was fetched: opencc-js's own preset.
  const presetTw = Converter({ from: 'cn', to: 'tw' });
  const presetHk = Converter({ from: 'cn', to: 'hk' });
  const [tw, hk] = traditionalConverters();

  it("agree with opencc-js's cn2t preset on every phrase of its dictionaries, each alone and run together", () => {
    const phrases = [bundled(), STPhrasesFromRegions, TWVariantsPhrases, HKVariantsPhrases, CJKCompatibilityIdeographs].flatMap(sourcesOf);
    expect(phrases.length).toBeGreaterThan(40_000);
    const differing = phrases.filter((text) => tw(text) !== presetTw(text) || hk(text) !== presetHk(text));
    expect(differing).toEqual([]);
    // Run together, phrases meet at their edges, as in a sentence (the segmentation's choices).
    for (let i = 0; i < phrases.length; i += 500) {
      const text = phrases.slice(i, i + 500).join('');
      expect(tw(text)).toBe(presetTw(text));
      expect(hk(text)).toBe(presetHk(text));
    }
  });

  it('agree with it on the speech and on every form of the shipped glossary', () => {
    const speech = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/speech.txt'), 'utf8');
    const forms = defaultGlossary().entries.flatMap((entry) => surfaceForms(entry));
    for (const text of [speech, ...forms]) {
      expect(tw(text)).toBe(presetTw(text));
      expect(hk(text)).toBe(presetHk(text));
    }
    expect(tw('两个维护')).toBe('兩個維護');
  });
});

afterEach(() => vi.unstubAllGlobals());

// The background's loader (./packaged-file.test.ts tests the loading itself), given what the build
// packages (wxt.config.ts PACKAGED_FILES: opencc-js's dictionary, written out); the built extension's
// background uses the real file in the end-to-end tests.
it("the background's phrase dictionary, fetched from the package, is the bundled module's", async () => {
  vi.stubGlobal('fetch', (url: string) => Promise.resolve(url.endsWith('/shipped/opencc-st-phrases.txt') ? new Response(bundled()) : new Response('', { status: 404 })));
  vi.resetModules();
  const fetched = await import('./opencc-phrases.fetched');
  expect(() => fetched.openccPhrases()).toThrow(/before it loaded/);
  await fetched.loadOpenccPhrases();
  expect(fetched.openccPhrases()).toBe(bundled());
});
