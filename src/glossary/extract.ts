// Proposes glossary candidates from a speech: quoted “…” terms, 《…》 titles, numbered slogans
// (两个维护, 三大攻坚战, 六稳, 十三五), parallel forms (应建尽建, 双报到、双报告) and 、-lists of
// parallel items (把方向、谋大局、定政策、促改革), each with a count and some context, and marks
// those the glossary already has or that were deliberately left out.
// Pure module: no DOM, no browser APIs. The word segmenter is passed in (jieba's nodejs build in the
// CLI and tests, its web build in the options page); it decides where a numbered slogan ends.

/** Splits text into words whose concatenation is the text (jieba's `cut`). */
export type Segmenter = (text: string) => readonly string[];

export type CandidateKind = 'quoted' | 'title' | 'numeral' | 'parallel' | 'list';

export interface Candidate {
  /** The candidate as it would be written in the glossary (titles keep their 《》). */
  text: string;
  /** Which rules found it. */
  kinds: CandidateKind[];
  /** Occurrences in the whole text (for a single character: how often a rule found it). */
  count: number;
  /** The text around its first occurrences. */
  contexts: string[];
  /** The glossary entry whose term or variant is this candidate (`exact`) or contains it (`part`). */
  covered?: { id: string; how: 'exact' | 'part' };
  /** Why it was deliberately left out of the glossary. */
  leftOut?: string;
}

export interface GlossaryForms {
  id: string;
  term: string;
  variants: readonly string[];
}

export interface LeftOut {
  term: string;
  reason: string;
}

export interface ExtractOptions {
  segment: Segmenter;
  entries?: readonly GlossaryForms[];
  leftOut?: readonly LeftOut[];
  /** Characters of context on each side (default 14). */
  contextChars?: number;
  /** How many contexts to keep per candidate (default 2). */
  maxContexts?: number;
}

export interface ExtractSummary {
  candidates: number;
  covered: number;
  leftOut: number;
  uncovered: number;
}

const HAN = /\p{Script=Han}/u;
// 一 is left out as a leading numeral: 一个/一支/一位 are just "a", and 一线/一处 slogans come quoted.
const LEADING_NUMERAL = /[两二三四五六七八九十]/;
const NUMERAL_RUN = /[两二三四五六七八九十百千]+/y;
/** Measure words that turn a numeral into a counted set: 两个, 四种, 三大, 二十字, 五级. */
const MEASURE = new Set('个种大项条类字级有不支');
/** Single characters that end a phrase rather than continue a slogan. */
const FUNCTION_CHAR = new Set('的了是和与及在等为中上下对把将被也都就又而或者之其这那');
const MAX_QUOTED = 25;
const MAX_SLOGAN = 8;

/** Compares forms without quotes, book-title marks and spaces, with any list comma as 、. */
export function normaliseForm(text: string): string {
  return text.replace(/[“”"'‘’《》〈〉「」『』\s]/g, '').replace(/[，,；;]/g, '、');
}

interface Hit {
  text: string;
  kind: CandidateKind;
  index: number;
}

/** Word boundaries (UTF-16 offsets) of `line`, from the segmenter. */
function boundariesOf(line: string, segment: Segmenter): { words: string[]; starts: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const word of segment(line)) {
    // Tolerates a segmenter that drops characters (whitespace): find each word from where we are.
    const found = line.indexOf(word, at);
    if (word.length === 0 || found < 0) continue;
    words.push(word);
    starts.push(found);
    at = found + word.length;
  }
  return { words, starts };
}

function quotedHits(line: string, offset: number): Hit[] {
  const hits: Hit[] = [];
  for (const m of line.matchAll(/“([^“”]+)”/g)) {
    const inner = m[1]!.trim();
    // Longer quotations are cited sentences, not terms.
    if (inner.length === 0 || inner.length > MAX_QUOTED || !HAN.test(inner)) continue;
    hits.push({ text: inner, kind: 'quoted', index: offset + m.index! + 1 });
    if (LEADING_NUMERAL.test(inner[0]!)) hits.push({ text: inner, kind: 'numeral', index: offset + m.index! + 1 });
  }
  return hits;
}

function titleHits(line: string, offset: number): Hit[] {
  return [...line.matchAll(/《([^《》]{1,80})》/g)].map((m) => ({ text: m[0], kind: 'title' as const, index: offset + m.index! }));
}

/**
 * Numbered slogans: a numeral starting a word, the measure word after it, then the words that
 * follow while they are single characters (六稳, 三会一课, 四包一) or until one longer word is taken
 * (四个意识, 三大攻坚战). A numeral alone counts only when it is a plan number (十三五).
 */
function numeralHits(line: string, offset: number, words: string[], starts: number[]): Hit[] {
  const hits: Hit[] = [];
  const wordAt = new Map(starts.map((s, i) => [s, i]));
  for (let w = 0; w < words.length; w++) {
    const start = starts[w]!;
    if (!LEADING_NUMERAL.test(line[start]!)) continue;
    NUMERAL_RUN.lastIndex = start;
    let end = start + (NUMERAL_RUN.exec(line)?.[0].length ?? 0);
    const next = line[end];
    // 二是… / 二、… / 三）… enumerate points of the speech; 三十… / 二十分 are quantities.
    if (next === undefined || next === '是' || next === '、' || next === '）' || next === '．' || next === '.') {
      if (end - start >= 3 && /^十[一二三四五六七八九]五$/.test(line.slice(start, end))) {
        hits.push({ text: line.slice(start, end), kind: 'numeral', index: offset + start });
      }
      continue;
    }
    if (MEASURE.has(next)) end++;
    // Snap to the end of the word the numeral (and measure) sits in: 两头, 四包.
    let i = w;
    while (i + 1 < words.length && starts[i + 1]! < end) i++;
    end = Math.max(end, starts[i]! + words[i]!.length);
    let j = wordAt.get(end);
    if (j === undefined) continue;
    const headEnd = end;
    while (j < words.length) {
      const word = words[j]!;
      if (!HAN.test(word[0]!) || (word.length === 1 && FUNCTION_CHAR.has(word))) break;
      if (end + word.length - start > MAX_SLOGAN) break;
      end += word.length;
      j++;
      if (word.length > 1) break;
    }
    if (end === headEnd && end - start < 3) continue;
    if (end - start < 2) continue;
    const text = line.slice(start, end);
    if (/^十[一二三四五六七八九]五/.test(text)) {
      hits.push({ text: text.slice(0, 3), kind: 'numeral', index: offset + start });
    } else {
      hits.push({ text, kind: 'numeral', index: offset + start });
    }
    w = j - 1;
  }
  return hits;
}

/** 应建尽建 (A B 尽 B) and 双报到、双报告 (双X、双Y with X and Y of one length). */
function parallelHits(line: string, offset: number): Hit[] {
  const hits: Hit[] = [];
  for (const m of line.matchAll(/(\p{Script=Han})(\p{Script=Han})尽\2/gu)) {
    hits.push({ text: m[0], kind: 'parallel', index: offset + m.index! });
  }
  for (const m of line.matchAll(/双(\p{Script=Han}{1,4}?)、双/gu)) {
    const x = m[1]!;
    const yStart = m.index! + m[0].length;
    const y = line.slice(yStart, yStart + x.length);
    if (y.length === x.length && [...y].every((c) => HAN.test(c))) {
      hits.push({ text: `双${x}、双${y}`, kind: 'parallel', index: offset + m.index! });
    }
  }
  return hits;
}

/** The word boundary in [from, to] closest to `ideal` (within 2), preferring the shorter item on ties. */
function nearestBoundary(boundaries: Set<number>, ideal: number, from: number, to: number, preferHigher: boolean): number | undefined {
  for (let d = 0; d <= 2; d++) {
    const order = preferHigher ? [ideal + d, ideal - d] : [ideal - d, ideal + d];
    for (const b of order) if (b >= from && b <= to && boundaries.has(b)) return b;
  }
  return undefined;
}

/**
 * 、-lists of three or more items of one length: the middle items set the length, and the first and
 * last item are cut to about that length at word boundaries, because the clause runs on around the
 * list (各级党委（党组）把方向、…、促改革的作用). Two-character items are everyday lists (发现、培养、
 * 考察、使用) unless they share a character in one place.
 */
function listHits(line: string, offset: number, words: string[], starts: number[]): Hit[] {
  const hits: Hit[] = [];
  const boundaries = new Set<number>([0, line.length]);
  starts.forEach((s, i) => boundaries.add(s).add(s + words[i]!.length));
  const clause = /[^，。；：！？“”‘’（）()《》,;:!?\s]+/g;
  for (const m of line.matchAll(clause)) {
    const items = m[0].split('、');
    if (items.length < 3) continue;
    const middle = items.slice(1, -1);
    const length = middle[0]!.length;
    if (length < 2 || length > 6 || middle.some((it) => it.length !== length)) continue;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const firstEnd = m.index! + first.length;
    const lastStart = m.index! + m[0].length - last.length;
    const from = nearestBoundary(boundaries, firstEnd - length, m.index!, firstEnd - 1, true);
    let to = nearestBoundary(boundaries, lastStart + length, lastStart + 1, lastStart + last.length, false);
    if (from === undefined || to === undefined) continue;
    while (to > lastStart + 1 && FUNCTION_CHAR.has(line[to - 1]!)) to--;
    const listed = line.slice(from, to);
    if (![...listed].every((c) => c === '、' || HAN.test(c))) continue;
    if (length === 2) {
      const trimmed = listed.split('、');
      const shared = [0, 1].some((p) => trimmed.every((it) => it.length === 2 && it[p] === trimmed[0]![p]));
      if (!shared) continue;
    }
    hits.push({ text: listed, kind: 'list', index: offset + from });
  }
  return hits;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}

function contextAt(text: string, index: number, length: number, chars: number): string {
  const before = text.slice(Math.max(0, index - chars), index);
  const after = text.slice(index + length, index + length + chars);
  return `${before}【${text.slice(index, index + length)}】${after}`.replace(/\s+/g, ' ');
}

/** Candidate terms in `text`, most frequent first. */
export function extractCandidates(text: string, options: ExtractOptions): Candidate[] {
  const contextChars = options.contextChars ?? 14;
  const maxContexts = options.maxContexts ?? 2;
  const hits: Hit[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const { words, starts } = boundariesOf(line, options.segment);
    hits.push(
      ...quotedHits(line, offset),
      ...titleHits(line, offset),
      ...numeralHits(line, offset, words, starts),
      ...parallelHits(line, offset),
      ...listHits(line, offset, words, starts),
    );
    offset += line.length + 1;
  }

  const byText = new Map<string, { kinds: Set<CandidateKind>; hits: Hit[] }>();
  for (const hit of hits) {
    const slot = byText.get(hit.text) ?? { kinds: new Set<CandidateKind>(), hits: [] };
    slot.kinds.add(hit.kind);
    if (!slot.hits.some((h) => h.index === hit.index)) slot.hits.push(hit);
    byText.set(hit.text, slot);
  }

  const exact = new Map<string, string>();
  const forms: Array<{ form: string; id: string }> = [];
  for (const entry of options.entries ?? []) {
    for (const raw of [entry.term, ...entry.variants]) {
      const form = normaliseForm(raw);
      if (!form) continue;
      if (!exact.has(form)) exact.set(form, entry.id);
      forms.push({ form, id: entry.id });
    }
  }
  const leftOut = new Map((options.leftOut ?? []).map((l) => [normaliseForm(l.term), l.reason]));

  const candidates: Candidate[] = [];
  for (const [candidateText, { kinds, hits: found }] of byText) {
    const key = normaliseForm(candidateText);
    const occurrences = key.length > 1 ? countOccurrences(text, candidateText) : 0;
    found.sort((a, b) => a.index - b.index);
    const candidate: Candidate = {
      text: candidateText,
      kinds: [...kinds],
      count: Math.max(occurrences, found.length),
      contexts: found.slice(0, maxContexts).map((h) => contextAt(text, h.index, h.text.length, contextChars)),
    };
    const exactId = exact.get(key);
    if (exactId) candidate.covered = { id: exactId, how: 'exact' };
    else {
      const containing = key.length > 1 ? forms.find((f) => f.form.includes(key)) : undefined;
      if (containing) candidate.covered = { id: containing.id, how: 'part' };
    }
    const reason = leftOut.get(key);
    if (reason !== undefined) candidate.leftOut = reason;
    candidates.push(candidate);
  }
  return candidates.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'zh'));
}

export function summarise(candidates: readonly Candidate[]): ExtractSummary {
  const covered = candidates.filter((c) => c.covered).length;
  const leftOut = candidates.filter((c) => !c.covered && c.leftOut !== undefined).length;
  return { candidates: candidates.length, covered, leftOut, uncovered: candidates.length - covered - leftOut };
}
