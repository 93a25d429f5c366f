// Sense cues: what word segmentation cannot see. jieba tells whether the characters of an ambiguous
// term form a word in the text (src/glossary/segment.ts), not which word it is: 留置 is also a lien in
// civil law and holding someone for questioning in police law, 大湾区 is also the San Francisco Bay
// Area, and 四史 sits inside 前四史 (the first four dynastic histories), which jieba does not know. An
// entry can name such cases (schema fields `notWithin` and `otherSenseWords`), and a candidate that
// segmentation confirmed is then rejected when:
// - it lies inside one of the entry's `notWithin` expressions (前四史, 两重性, 旧金山大湾区): longer
//   expressions that contain the term and mean something else;
// - one of its `otherSenseWords` (债权人, 盘问, 旧金山) stands in the same sentence, as far as the
//   text around the candidate reaches (the page sends a short window on each side), and none of its
//   `ownSenseWords` (粤港澳, 深圳, 香港) does, the candidate included: news sets the Greater Bay Area
//   beside the San Francisco one in a sentence (纽约湾区、旧金山湾区、东京湾区、粤港澳大湾区), and
//   a word of its own sense there keeps the mark.
// Both are written in simplified characters and compared with the simplified spelling of the page,
// like segmentation. Pure module: no DOM, no browser APIs.
import type { Span } from '@/src/messages';
import { surfaceForms, type Entry } from './schema';
import { confirmCandidates, type IsWord, type Tokenize } from './segment';
import { toSimplifiedSameLength } from './simplify';

export interface SenseCues {
  notWithin: readonly string[];
  otherSenseWords: readonly string[];
  ownSenseWords: readonly string[];
}

type CuedEntry = Pick<Entry, 'term' | 'variants' | 'ambiguous' | 'enabled' | 'notWithin' | 'otherSenseWords' | 'ownSenseWords'>;
type CueField = keyof SenseCues;
const CUE_FIELDS: readonly CueField[] = ['notWithin', 'otherSenseWords', 'ownSenseWords'];

/**
 * The cues of each ambiguous form (term and variants), keyed by its simplified spelling, which is
 * also how traditional matches reach segmentation. A form shared by several entries carries all
 * their cues; written forms are unique in a glossary, so that only happens between spellings.
 */
export function senseCuesByForm(entries: readonly CuedEntry[]): Map<string, SenseCues> {
  const byForm = new Map<string, Record<CueField, Set<string>>>();
  for (const e of entries) {
    // Own-sense words alone rule nothing out.
    if (!e.enabled || !e.ambiguous || (!e.notWithin?.length && !e.otherSenseWords?.length)) continue;
    for (const written of surfaceForms(e)) {
      const form = toSimplifiedSameLength(written.trim());
      let cues = byForm.get(form);
      if (!cues) byForm.set(form, (cues = { notWithin: new Set(), otherSenseWords: new Set(), ownSenseWords: new Set() }));
      for (const field of CUE_FIELDS) for (const w of e[field] ?? []) cues[field].add(toSimplifiedSameLength(w));
    }
  }
  return new Map(
    [...byForm].map(([form, c]) => [form, { notWithin: [...c.notWithin], otherSenseWords: [...c.otherSenseWords], ownSenseWords: [...c.ownSenseWords] }]),
  );
}

// Where a sentence ends: the full stop, question and exclamation marks and the semicolon (Chinese
// and Western), and line breaks. Commas and colons do not end one: 旧金山湾：科技力量云集的大湾区
// is one statement.
const SENTENCE_END = /[。！？；!?;\n]/;

/** The sentence of `text` around [start, end): from after the last sentence end before it to the next one. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1] as string)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to] as string)) to++;
  return [from, to];
}

/** Whether `phrase` occurs in `text` so that it covers [start, end) (the term is part of it there). */
function coveredBy(text: string, start: number, end: number, phrase: string, form: string): boolean {
  for (let at = phrase.indexOf(form); at >= 0; at = phrase.indexOf(form, at + 1)) {
    const from = start - at;
    if (from >= 0 && from + phrase.length >= end && text.startsWith(phrase, from)) return true;
  }
  return false;
}

/** Whether the cues rule out the candidate [start, end) of `text` (simplified spelling). */
export function ruledOutBySenseCues(text: string, span: Span, cues: SenseCues): boolean {
  const form = text.slice(span.start, span.end);
  if (cues.notWithin.some((phrase) => coveredBy(text, span.start, span.end, phrase, form))) return true;
  if (cues.otherSenseWords.length === 0) return false;
  const [from, to] = sentenceAround(text, span.start, span.end);
  const around = text.slice(from, span.start) + '\u0000' + text.slice(span.end, to);
  if (!cues.otherSenseWords.some((w) => around.includes(w))) return false;
  const sentence = text.slice(from, to);
  return !cues.ownSenseWords.some((w) => sentence.includes(w));
}

/**
 * The verdicts of segmentation with the sense cues applied: a confirmed candidate whose form has
 * cues that rule it out is rejected. `text` is in simplified spelling.
 */
export function applySenseCues(text: string, candidates: readonly Span[], confirmed: readonly boolean[], byForm: ReadonlyMap<string, SenseCues>): boolean[] {
  return candidates.map((c, i) => {
    if (!confirmed[i]) return false;
    const cues = byForm.get(text.slice(c.start, c.end));
    return !cues || !ruledOutBySenseCues(text, c, cues);
  });
}

/**
 * How the background judges candidates of ambiguous terms: segmentation of the simplified spelling
 * (offsets are the same, and jieba knows the words), then the sense cues.
 */
export function judgeAmbiguous(text: string, candidates: readonly Span[], tokenize: Tokenize, isWord: IsWord, byForm: ReadonlyMap<string, SenseCues>): boolean[] {
  const simplified = toSimplifiedSameLength(text);
  return applySenseCues(simplified, candidates, confirmCandidates(simplified, candidates, tokenize, isWord), byForm);
}
