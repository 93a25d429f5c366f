// "Not in your glossary": formulations on a page that the glossary lacks, found by the extractor the
// options page uses for speeches (src/glossary/extract.ts), minus everything the glossary covers and
// what the reader dismissed on this site, ranked by how formula-like and how frequent they are. Pure:
// the background runs it with jieba, off the page's main thread, only when the popup asks.
import { extractCandidates, normaliseForm, type CandidateKind, type GlossaryForms, type Segmenter } from '@/src/glossary/extract';
import { sentenceAround } from '@/src/page/selection-context';

export interface NewFormulation {
  text: string;
  kinds: CandidateKind[];
  count: number;
  /** The sentence of the page it first occurs in. */
  sentence: string;
  score: number;
}

/**
 * How formula-like each rule's finds are. Numbered slogans (四下基层) and parallel forms (应X尽X,
 * 双X) are formulas by construction; quoted phrases often are; 、-lists and 《》 titles are more often
 * plain enumerations and names of articles.
 */
const KIND_WEIGHT: Record<CandidateKind, number> = { numeral: 3, parallel: 3, quoted: 2, list: 1, title: 0.5 };

/** At most this many are shown: the popup is a glance, the options page's extractor is for more. */
const MAX_NEW_FORMULATIONS = 15;

const HAN = /\p{Script=Han}/gu;
const CONTEXT = 80;

export function newFormulations(
  text: string,
  options: { segment: Segmenter; entries: readonly GlossaryForms[]; dismissed: ReadonlySet<string> },
): NewFormulation[] {
  const candidates = extractCandidates(text, { segment: options.segment, entries: options.entries, contextChars: CONTEXT, maxContexts: 1 });
  const found: NewFormulation[] = [];
  for (const c of candidates) {
    if (c.covered || options.dismissed.has(normaliseForm(c.text))) continue;
    const han = c.text.match(HAN)?.length ?? 0;
    // One character is no formulation; a long quote is a quotation, not a term.
    if (han < 2 || han > 16) continue;
    const score = Math.max(...c.kinds.map((k) => KIND_WEIGHT[k])) + (c.kinds.length - 1) * 0.5 + Math.log2(c.count);
        // The sentence from the text itself, where line breaks still end sentences (contexts fold them).
    const at = text.indexOf(c.text);
    const sentence = at >= 0 ? sentenceAround(text, at, at + c.text.length) : sentenceOfContext(c.contexts[0] ?? '');
    found.push({ text: c.text, kinds: c.kinds, count: c.count, sentence, score });
  }
  return found.sort((a, b) => b.score - a.score || b.count - a.count || a.text.localeCompare(b.text, 'zh')).slice(0, MAX_NEW_FORMULATIONS);
}

/** The sentence around the 【candidate】 in an extractor context. */
function sentenceOfContext(context: string): string {
  const start = context.indexOf('【');
  const end = context.indexOf('】', start);
  if (start < 0 || end < 0) return context;
  const plain = context.slice(0, start) + context.slice(start + 1, end) + context.slice(end + 1);
  return sentenceAround(plain, start, end - 1);
}
