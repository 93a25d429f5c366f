// A page made of paragraphs of text (escaped: the text is never markup), for measuring or testing
// Tifa on text that is not a fixture file: the density script's own texts, the table of real contexts.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An article of `paragraphs`; `numbered`: each paragraph carries its index as `data-row`. */
export function articleHtml(paragraphs: readonly string[], numbered = false): string {
  const rows = paragraphs.map((p, i) => `<p${numbered ? ` data-row="${i}"` : ''}>${escapeHtml(p)}</p>`);
  return `<!doctype html><meta charset="utf-8"><article>\n${rows.join('\n')}\n</article>`;
}
