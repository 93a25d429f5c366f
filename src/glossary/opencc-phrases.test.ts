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
    const speechDir = path.resolve(import.meta.dirname, '../../../shared/speech');
    const speech = fs.existsSync(speechDir) ? fs.readdirSync(speechDir).map((file) => fs.readFileSync(path.join(speechDir, file), 'utf8')) : [];
    const forms = defaultGlossary().entries.flatMap((entry) => surfaceForms(entry));
    for (const text of [...speech, ...forms]) {
      expect(tw(text)).toBe(presetTw(text));
      expect(hk(text)).toBe(presetHk(text));
    }
    expect(tw('两个维护')).toBe('兩個維護');
  });
});

// The background's loader, fetching the dictionary the build packages (wxt.config.ts PACKAGED_FILES)
// from the extension's own address. Here `fetch` answers with opencc-js's dictionary, which the build
// writes out; the built extension's background uses the real thing in the end-to-end tests.
async function freshLoader() {
  vi.resetModules();
  return import('./opencc-phrases.fetched');
}

afterEach(() => vi.unstubAllGlobals());

describe("opencc's phrase dictionary in the background (fetched, not bundled)", () => {
  const packaged = (url: string): Response =>
    url.endsWith('/shipped/opencc-st-phrases.txt') ? new Response(bundled()) : new Response('', { status: 404 });

  it('fetches the packaged file once and gives what the bundled module gives', async () => {
    const fetched = vi.fn<(url: string) => Promise<Response>>((url) => Promise.resolve(packaged(url)));
    vi.stubGlobal('fetch', fetched);
    const loader = await freshLoader();
    await Promise.all([loader.loadOpenccPhrases(), loader.loadOpenccPhrases()]);
    await loader.loadOpenccPhrases();
    expect(fetched).toHaveBeenCalledTimes(1);
    expect(loader.openccPhrases()).toBe(bundled());
  });

  it('says so when read before it loaded', async () => {
    const loader = await freshLoader();
    expect(() => loader.openccPhrases()).toThrow(/before it loaded/);
  });

  it('rejects with the file named when it does not load, and loads on the next call', async () => {
    let broken = true;
    vi.stubGlobal('fetch', (url: string) => Promise.resolve(broken ? new Response('', { status: 500 }) : packaged(url)));
    const loader = await freshLoader();
    await expect(loader.loadOpenccPhrases()).rejects.toThrow(/opencc-st-phrases\.txt did not load \(500\)/);
    expect(() => loader.openccPhrases()).toThrow();
    broken = false;
    await loader.loadOpenccPhrases();
    expect(loader.openccPhrases()).toBe(bundled());
  });
});
