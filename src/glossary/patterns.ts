// From glossary entries to the surface forms the matcher looks for: each enabled entry's term and
// variants, plus their traditional-character forms (Taiwan and Hong Kong conventions), because
// readers meet these terms in Taiwanese and Hong Kong media too.
// Pure module: no DOM, no browser APIs. It pulls in opencc's dictionaries, so only the background
// (which fetches the largest of them, ./opencc-phrases.fetched.ts) and the tests import it.
import { ConverterBuilder } from 'opencc-js/core';
import CJKCompatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HKVariants from 'opencc-js/dict/HKVariants';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrasesFromRegions from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import type { Pattern } from '@/src/messages';
import { loadOpenccPhrases, openccPhrases } from './opencc-phrases';
import { surfaceForms, type Entry } from './schema';

type Convert = (text: string) => string;

/**
 * Readies what traditionalConverters needs: in the background, opencc's phrase dictionary is fetched
 * on first use (./opencc-phrases.fetched.ts); elsewhere this resolves at once.
 */
export const loadTraditionalConverters = loadOpenccPhrases;

/**
 * opencc-js's `cn2t` preset (`opencc-js/preset/cn2t`), for the two conversions Tifa makes, with its
 * phrase dictionary given rather than imported. src/glossary/patterns.test.ts checks that the
 * converters agree with the preset's own on every phrase of that dictionary.
 */
function simplifiedToTraditional(STPhrases: string) {
  const normalizationChain = [[CJKCompatibilityIdeographs]];
  const segmentation = [STPhrases, STPhrasesFromRegions];
  const phrasesThenCharacters = [STPhrases, STPhrasesFromRegions, STCharacters];
  const preset = {
    from: { cn: [[STPhrases, STCharacters]] },
    to: { tw: [[TWVariantsPhrases, TWVariants]], hk: [[HKVariantsPhrases, HKVariants]] },
    configs: {
      s2tw: { normalizationChain, segmentation, conversionChain: [phrasesThenCharacters, [TWVariantsPhrases, TWVariants]] },
      s2hk: { normalizationChain, segmentation, conversionChain: [phrasesThenCharacters, [HKVariantsPhrases, HKVariants]] },
    },
  };
  return ConverterBuilder(preset);
}

let converters: [Convert, Convert] | undefined;

// Built on first use: building the converters' tries costs tens of milliseconds.
/**
 * Simplified → traditional by Taiwan's conventions, then by Hong Kong's. In the background, only once
 * loadTraditionalConverters has resolved (before, it throws).
 */
export function traditionalConverters(): [Convert, Convert] {
  if (!converters) {
    const converter = simplifiedToTraditional(openccPhrases());
    converters = [converter({ from: 'cn', to: 'tw' }), converter({ from: 'cn', to: 'hk' })];
  }
  return converters;
}

/** The distinct traditional-character spellings of `text` (cn→tw, cn→hk), excluding `text` itself. */
export function traditionalForms(text: string): string[] {
  const forms = new Set<string>();
  for (const convert of traditionalConverters()) {
    const form = convert(text);
    if (form !== text) forms.add(form);
  }
  return [...forms];
}

/**
 * The patterns for the enabled entries, in glossary order.
 *
 * A surface form belongs to one entry only, so a match always explains one thing. Forms written in
 * the glossary win over derived traditional forms; between two entries, the earlier one keeps a
 * form (schema checks and the glossary tests keep written forms unique, so that only decides
 * between derived forms, e.g. two simplified terms that fold into one traditional spelling).
 */
export function compilePatterns(entries: readonly Entry[]): Pattern[] {
  const enabled = entries.filter((e) => e.enabled);
  const owner = new Map<string, Entry>();
  const claim = (text: string, entry: Entry): void => {
    const form = text.trim();
    if (form && !owner.has(form)) owner.set(form, entry);
  };
  for (const entry of enabled) for (const form of surfaceForms(entry)) claim(form, entry);
  for (const entry of enabled) {
    for (const form of surfaceForms(entry)) for (const t of traditionalForms(form.trim())) claim(t, entry);
  }

  // Emit grouped by entry (glossary order), written forms before derived ones.
  const byEntry = new Map<Entry, string[]>();
  for (const [form, entry] of owner) {
    const list = byEntry.get(entry) ?? [];
    list.push(form);
    byEntry.set(entry, list);
  }
  const patterns: Pattern[] = [];
  for (const entry of enabled) {
    for (const text of byEntry.get(entry) ?? []) patterns.push({ text, id: entry.id, ambiguous: entry.ambiguous });
  }
  return patterns;
}
