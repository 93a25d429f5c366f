// Confirms candidate matches of ambiguous terms by word segmentation (党组 in 党委（党组）会议, not in
// 党组织). Pure module: the segmenter comes in as functions, so Node tests use jieba's nodejs build and
// the background its web build.
//
// jieba's precise segmentation alone is not enough: it often returns a real occurrence inside a longer
// dictionary word (村干部, 广大干部, 机关党委, 党组书记, 干部职工), and a rule that wants a word
// boundary at both ends of the term missed about one real occurrence in eleven on news pages. So a
// candidate is judged by how the tokens meet it:
// - tokens start and end exactly at its edges (党组|会议, 中心|工作): a whole word, confirmed;
// - a token crosses one of its edges from outside (骨干|部队, 对|表格, 追问|责任): the term's
//   characters belong to other words, rejected; except a place name that took the term's first
//   character (吴忠市|委, see headOnName), a gap in jieba's dictionary;
// - one token holds it together with more characters (党组织, 村干部, 党组书记). What comes before the
//   term in that token is taken as a modifier (村干部, 广大干部, 机关党委, 乡党委): jieba's words that
//   end with a term are nearly all "modifier + term". What comes after it must be a word of its own
//   (党组|书记, 干部|职工), or, when it is not (a single character, like 织 in 党组织), no dictionary
//   word may run from the term into it: 党组织 has 组织 across 党组's end (党 + 组织, not 党组 + 织),
//   while 问责制 and 县委会 have none (a word that leaves a word of the term behind, 部长 in 组织部长,
//   does not count: see noWordAcrossEnd). A single character never counts as "a word of its own":
//   jieba's dictionary lists nearly every character on its own.
//   A few words are lost that way (党委会 has 委会, 党建网 has 建网), and a few words ending with a
//   term are no modifier + term (核对表 is 核对 + 表; 若干部 is 若干 + 部): in news, tokens like
//   乡党委 (乡党 is a word too) far outnumber those, so the start is not checked.
// This reads jieba's dictionary (which words exist), not its statistics, so the verdicts are as good as
// that dictionary; a candidate that jieba itself leaves whole is confirmed as before (楼栋长|期 in
// 楼栋长期 is jieba's mistake, not caught here).
import type { Span } from '@/src/messages';

/** A token as jieba's `tokenize` gives it: offsets in code points, not UTF-16 units. */
export interface CodePointToken {
  start: number;
  end: number;
}

/** jieba's precise segmentation of `text` (tokenize in 'default' mode). */
export type Tokenize = (text: string) => readonly CodePointToken[];

/** Whether `word` is in jieba's dictionary (including words added with add_word). */
export type IsWord = (word: string) => boolean;

/** Code point index → UTF-16 offset; the identity unless the text holds astral characters (𠮷). */
function codePointToUtf16(text: string): (codePoint: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (cp) => cp;
  const offsets: number[] = [];
  let unit = 0;
  for (const ch of text) {
    offsets.push(unit);
    unit += ch.length;
  }
  offsets.push(unit);
  return (cp) => offsets[cp] ?? text.length;
}

/** The tokens with UTF-16 offsets, in text order. */
function utf16Tokens(text: string, tokens: readonly CodePointToken[]): CodePointToken[] {
  const toUtf16 = codePointToUtf16(text);
  return tokens.map((t) => ({ start: toUtf16(t.start), end: toUtf16(t.end) })).sort((a, b) => a.start - b.start);
}

/** The UTF-16 offsets at which the tokens start or end (0 and text.length included). */
export function wordBoundaries(text: string, tokens: readonly CodePointToken[]): Set<number> {
  const boundaries = new Set<number>([0, text.length]);
  for (const token of utf16Tokens(text, tokens)) {
    boundaries.add(token.start);
    boundaries.add(token.end);
  }
  return boundaries;
}

/** Index of the last token starting at or before `offset`, or -1. */
function lastTokenStartingBy(tokens: readonly CodePointToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as CodePointToken).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The part after the candidate is a word of its own: two characters or more, and in the dictionary. */
function isOwnWord(part: string, isWord: IsWord): boolean {
  return [...part].length >= 2 && isWord(part);
}

/**
 * Whether no dictionary word within the token `word` starts inside the candidate [start, end) and
 * ends after it, leaving a fragment of the term before it (组织 in 党组织 leaves 党 of 党组). A word
 * that leaves a word (部长 in 组织部长 leaves 组织) does not count: the token is then two words either
 * way, 组织|部长 or 组织部|长, and in news it is the term. Offsets are relative to the token's start.
 */
function noWordAcrossEnd(word: string, start: number, end: number, isWord: IsWord): boolean {
  for (let i = start + 1; i < end; i++) {
    if (isOwnWord(word.slice(start, i), isWord)) continue;
    for (let j = end + 1; j <= word.length; j++) if (isWord(word.slice(i, j))) return false;
  }
  return true;
}

/**
 * Whether the candidate [start, end) is a word of the token `word` that holds it (offsets in `word`).
 * Whatever comes before it in the token is a modifier (村干部, 机关党委, 乡党委); what comes after
 * must be a word of its own (党组书记) or, if not, no word may run from the term into it (党组织).
 */
function wordWithinToken(word: string, start: number, end: number, isWord: IsWord): boolean {
  const after = word.slice(end);
  return after === '' || isOwnWord(after, isWord) || noWordAcrossEnd(word, start, end, isWord);
}

/**
 * Whether `token`, crossing the candidate's start, is a name of two characters or more that took only
 * the candidate's first character: jieba's dictionary has many places only with their suffix
 * (吴忠市, 巩义市, 柞水县, but not 吴忠, 巩义, 柞水), so it cuts 吴忠市|委 where the text says
 * 吴忠|市委. Any other crossing token (骨干|部队, 追问|责任) takes the term's characters into
 * another word.
 */
function headOnName(text: string, token: CodePointToken, c: Span): boolean {
  const head = String.fromCodePoint(text.codePointAt(c.start) ?? 0).length;
  return token.end === c.start + head && [...text.slice(token.start, c.start)].length >= 2;
}

/**
 * For each candidate span (UTF-16 offsets into `text`), whether it is a word in the text: see the
 * top of this file for the rule.
 */
export function confirmCandidates(text: string, candidates: readonly Span[], tokenize: Tokenize, isWord: IsWord): boolean[] {
  if (candidates.length === 0) return [];
  const tokens = utf16Tokens(text, tokenize(text));
  return candidates.map((c) => {
    if (!(c.start >= 0 && c.end <= text.length && c.start < c.end)) return false;
    // The token holding the candidate's first character, and the one holding its last.
    const first = tokens[lastTokenStartingBy(tokens, c.start)];
    const last = tokens[lastTokenStartingBy(tokens, c.end - 1)];
    if (!first || !last || first.end <= c.start || last.end < c.end) return false; // not covered (no token there)
    if (first === last && (first.start < c.start || first.end > c.end)) {
      // One token holds the candidate and more.
      return wordWithinToken(text.slice(first.start, first.end), c.start - first.start, c.end - first.start, isWord);
    }
    // Tokens meet the candidate's edges exactly, or one crosses an edge from outside.
    return (first.start === c.start || headOnName(text, first, c)) && last.end === c.end;
  });
}
