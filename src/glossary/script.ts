// Which script a page's Chinese is written in, and the glossary's (simplified) Chinese in that
// script: on a Hong Kong or Taiwanese page the tooltip explains 兩個維護 in the characters the
// reader is reading. Pure module; it pulls in opencc's dictionaries, so only the background imports it.
import type { PageScript } from '@/src/messages';
import { traditionalConverters } from './patterns';
import { toSimplified } from './simplify';

/**
 * The script of `sample`: simplified when it holds no traditional character; else the traditional
 * convention (Taiwan's or Hong Kong's) that gives back more of it from its simplified form.
 */
export function scriptOf(sample: string): PageScript {
  const simplified = toSimplified(sample);
  if (simplified === sample) return 'simplified';
  const [tw, hk] = traditionalConverters();
  return agreement(hk(simplified), sample) > agreement(tw(simplified), sample) ? 'hk' : 'tw';
}

/** How many characters two texts share at the same positions. */
function agreement(a: string, b: string): number {
  let same = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) same++;
  return same;
}

/** `texts` (the glossary's simplified Chinese) in the script of `sample`; unchanged when that is simplified. */
export function inScriptOf(sample: string, texts: readonly string[]): { script: PageScript; texts: string[] } {
  const script = scriptOf(sample);
  if (script === 'simplified') return { script, texts: [] };
  const [tw, hk] = traditionalConverters();
  const convert = script === 'tw' ? tw : hk;
  return { script, texts: texts.map((text) => convert(text)) };
}
