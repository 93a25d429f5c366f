// The sentence around the user's selection, for "Add to Tifa glossary" (context menu, issue 7): the
// background runs selectionContext in the frame the menu was opened in (scripting.executeScript, so
// it costs the content script nothing) and cuts the sentence for the draft's source (sentenceOf).
// Reads the selection only; changes nothing on the page.

/** Longest source sentence we pass on; a "sentence" longer than this is a block without punctuation. */
export const MAX_SENTENCE = 400;

// Chinese and Western sentence ends. A Western full stop ends a sentence only before a space, so that
// 3.5 stays whole (abbreviations like U.S. still split: rare in the Chinese text Tifa reads); line breaks end a sentence too (headlines, list items).
const isEnd = (text: string, i: number): boolean => {
  const c = text[i] as string;
  if ('。！？；!?;\n'.includes(c)) return true;
  return c === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1] as string));
};
// Closing quotes and brackets that belong to the sentence they follow: 他说：“两个维护。”
const CLOSERS = '”’」』）)"\'》】';

/**
 * The sentence of `text` that holds [start, end): from just after the previous sentence end up to and
 * including the next one (with closing quotes), trimmed and capped at MAX_SENTENCE around the selection.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = s;
  while (from > 0 && !isEnd(text, from - 1)) from--;
  let to = e;
  // A selection ending on a sentence end already holds it.
  if (!(to > s && isEnd(text, to - 1))) {
    while (to < text.length && !isEnd(text, to)) to++;
    if (to < text.length) to++;
  }
  while (to < text.length && CLOSERS.includes(text[to] as string)) to++;
  // Keep the selection in view when the sentence is too long: take what fits around it.
  if (to - from > MAX_SENTENCE) {
    const spare = Math.max(0, MAX_SENTENCE - (e - s));
    from = Math.max(from, s - Math.floor(spare / 2));
    to = Math.min(to, from + Math.max(MAX_SENTENCE, e - s));
  }
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

/** The selection and what its block holds around it, for the background to cut the sentence from. */
export interface SelectionContext {
  text: string;
  /** Text of the enclosing block just before and after the selection, at most MAX_SENTENCE each. */
  before: string;
  after: string;
}

/**
 * The selection in this frame with its surroundings (at most `max` characters each side), or null with
 * nothing selected. executeScript sends the page only this function's source: everything it uses is
 * defined inside it or passed in.
 */
export function selectionContext(max: number): SelectionContext | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const text = range.toString();
  const start = range.startContainer;
  const blocks = 'p, li, dd, dt, td, th, blockquote, figcaption, h1, h2, h3, h4, h5, h6, pre, article, section, div, body';
  const block = (start instanceof Element ? start : start.parentElement)?.closest(blocks);
  // Without one block around the whole selection, the selection is all the context there is.
  if (!block || !block.contains(range.endContainer)) return { text, before: '', after: '' };
  // Range.toString on both sides, so the pieces join up exactly with the selection's own text.
  const side = block.ownerDocument.createRange();
  side.selectNodeContents(block);
  side.setEnd(range.startContainer, range.startOffset);
  const before = side.toString().slice(-max);
  side.selectNodeContents(block);
  side.setStart(range.endContainer, range.endOffset);
  const after = side.toString().slice(0, max);
  return { text, before, after };
}

/** The sentence around a selection from its context (selection text alone when there is none). */
export function sentenceOf(context: SelectionContext): string {
  const whole = context.before + context.text + context.after;
  return sentenceAround(whole, context.before.length, context.before.length + context.text.length);
}
