// What the popup needs from a page for its brief and its new-formulation radar, read in the page's
// top frame only when the popup asks (scripting.executeScript): the first occurrence of each term
// with the text around it, and the page's text. The content script carries none of this code.
// executeScript sends the page only this function's source: everything it uses is defined inside it
// or passed in. It reads the page and changes nothing.

/** A term's first occurrence and what its block holds around it (sentenceOf cuts the sentence). */
export interface FirstOccurrence {
  /** The entry's key in the page (src/glossary/page-glossary.ts), which the popup turns into its id. */
  id: string;
  text: string;
  before: string;
  after: string;
}

export interface PageExcerpts {
  title: string;
  url: string;
  /** One per entry id, in document order: the top frame's first, then same-origin frames'. */
  firsts: FirstOccurrence[];
  /** The visible text of the page and its same-origin frames, blocks on their own lines. */
  text: string;
  /** The text was cut at `maxText` characters. */
  truncated: boolean;
}

/** `contentHandle`: where the content script keeps its handle, `CONTENT_HANDLE` of src/messages.ts. */
export function pageExcerpts(maxText: number, maxContext: number, contentHandle: string): PageExcerpts {
  interface Match {
    id: string;
    text: string;
    range: StaticRange;
  }
  interface Handle {
    session?: { index: { list(): readonly Match[] } };
  }
  // Where the content script keeps its handle (src/page/start.ts): the isolated world this runs in.
  const RUNNING = Symbol.for(contentHandle);
  const BLOCKS = 'p, li, dd, dt, td, th, blockquote, figcaption, h1, h2, h3, h4, h5, h6, pre, article, section, div, body';
  const windows: Window[] = [];
  const visit = (win: Window): void => {
    try {
      if (!win.document) return;
    } catch {
      return; // cross-origin: not ours to read
    }
    windows.push(win);
    for (const frame of win.document.querySelectorAll('iframe, frame')) {
      const child = (frame as HTMLIFrameElement).contentWindow;
      if (child) visit(child);
    }
  };
  visit(window);

  const firsts: FirstOccurrence[] = [];
  const seen = new Set<string>();
  const texts: string[] = [];
  let length = 0;
  for (const win of windows) {
    const handle = (win as unknown as Record<symbol, Handle | undefined>)[RUNNING];
    for (const match of handle?.session?.index.list() ?? []) {
      if (seen.has(match.id)) continue;
      seen.add(match.id);
      const start = match.range.startContainer;
      const block = (start instanceof Element ? start : start.parentElement)?.closest(BLOCKS);
      if (!block) {
        firsts.push({ id: match.id, text: match.text, before: '', after: '' });
        continue;
      }
      const side = block.ownerDocument.createRange();
      side.selectNodeContents(block);
      side.setEnd(match.range.startContainer, match.range.startOffset);
      const before = side.toString().slice(-maxContext);
      side.selectNodeContents(block);
      side.setStart(match.range.endContainer, match.range.endOffset);
      const after = side.toString().slice(0, maxContext);
      firsts.push({ id: match.id, text: match.text, before, after });
    }
    if (length < maxText) {
      const text = win.document.body?.innerText ?? '';
      texts.push(text);
      length += text.length + 1;
    }
  }
  const text = texts.join('\n');
  return { title: document.title, url: location.href, firsts, text: text.slice(0, maxText), truncated: text.length > maxText };
}
