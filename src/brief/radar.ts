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
/** A quoted whole sentence (a quotation, not a term): it holds sentence punctuation. */
const SENTENCE_PUNCTUATION = /[，。；！？,;!?]/;
/** Amounts, counts and dates: 两万多元, 三本笔记, 六十个, 两个月, 二十三名. */
const QUANTITY = /[万亿元名本位次周月年天号点分]|[个项]$|多|以上|以下/;
/** A speech's own enumeration: 二要强化, 三要加强. */
const ORDINAL_CLAUSE = /^[一二三四五六七八九十]+要/;

/**
 * Whether an extractor find reads like a formulation on a news page. The extractor was made for
 * speeches, where nearly every numbered phrase is one; news pages are full of counts and amounts,
 * so a find that only the numeral rule made counts when it recurs on the page and is no quantity.
 */
function formulaLike(c: { text: string; kinds: readonly CandidateKind[]; count: number }, covered: (item: string) => boolean): boolean {
  if (c.kinds.includes('quoted') && SENTENCE_PUNCTUATION.test(c.text)) return false;
  if (ORDINAL_CLAUSE.test(c.text)) return false;
  const onlyNumeral = c.kinds.every((k) => k === 'numeral');
  if (onlyNumeral && (c.count < 2 || QUANTITY.test(c.text))) return false;
  if (c.kinds.includes('list')) {
    const items = c.text.split('、');
    // A 、-list whose items the glossary has is explained item by item already.
    if (items.some(covered)) return false;
    // A formula lists items of one build (一起谋划、一起部署、一起考核; 整顿一个、巩固一个、提升一个);
    // a list of bodies or groups (市卫健委、市市场监管局、市税务局) does not.
    if (!c.kinds.includes('quoted') && !parallelItems(items)) return false;
  }
  return true;
}

/** Items of one length that share their first or their last character. */
function parallelItems(items: readonly string[]): boolean {
  const [first] = items;
  if (!first) return false;
  return (
    items.every((i) => i.length === first.length) &&
    (items.every((i) => i[0] === first[0]) || items.every((i) => i.at(-1) === first.at(-1)))
  );
}
const CONTEXT = 80;

export function newFormulations(
  text: string,
  options: { segment: Segmenter; entries: readonly GlossaryForms[]; dismissed: ReadonlySet<string> },
): NewFormulation[] {
  const candidates = extractCandidates(text, { segment: options.segment, entries: options.entries, contextChars: CONTEXT, maxContexts: 1 });
  const known = new Set(options.entries.flatMap((e) => [e.term, ...e.variants].map(normaliseForm)));
  const covered = (item: string) => known.has(normaliseForm(item));
  const found: NewFormulation[] = [];
  for (const c of candidates) {
    if (c.covered || options.dismissed.has(normaliseForm(c.text)) || !formulaLike(c, covered)) continue;
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
