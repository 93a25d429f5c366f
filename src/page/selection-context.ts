// The sentence around the user's selection, for "Add to Tifa glossary" (context menu, issue 7): the
// background asks the frame the menu was opened in and prefills the draft entry's source with it.
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

const BLOCKS = 'p, li, dd, dt, td, th, blockquote, figcaption, h1, h2, h3, h4, h5, h6, pre, article, section, div, body';

/** The selected text and its sentence, or undefined with nothing selected in this frame. */
export function selectionContext(): { text: string; sentence: string } | undefined {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const text = range.toString().replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const startNode = range.startContainer;
  const startElement = startNode instanceof Element ? startNode : startNode.parentElement;
  const block = startElement?.closest(BLOCKS);
  if (!block) return { text, sentence: text };
  // Offsets through Range.toString so that the block text and the selection count characters alike.
  const before = document.createRange();
  before.selectNodeContents(block);
  const blockText = before.toString();
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const raw = range.toString();
  // The selection may run past the block; then the block alone cannot hold its sentence.
  if (!block.contains(range.endContainer)) return { text, sentence: text };
  return { text, sentence: sentenceAround(blockText, start, start + raw.length) || text };
}
