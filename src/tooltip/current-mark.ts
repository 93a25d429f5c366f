// Marks the occurrence a tooltip opened by keyboard (or by the popup's reveal) explains: stepping
// through a page, the reader sees which of the underlined terms is the current one. A highlight of
// its own, drawn above the painted terms, under a name no page can guess (nothing in it says Tifa),
// in the registry and the stylesheets only while such a tooltip is open.
import { OwnStyle } from '@/src/page/own-style';
import { randomName } from '@/src/page/random-name';
import type { MatchBounds } from '@/src/page/types';

export interface CurrentMark {
  /** Marks this occurrence (and only it). */
  show(range: MatchBounds): void;
  clear(): void;
}

/**
 * A light amber ground with dark text: readable on light and dark pages alike, and unlike any
 * category's underline.
 */
const MARK_STYLE = 'background-color: #ffd866; color: #1f2328';

export function currentMark(doc: Document): CurrentMark {
  // Without the Highlight API (Firefox before 140 paints with elements) there is no mark.
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return { show() {}, clear() {} };
  const name = randomName();
  let style: OwnStyle | undefined;
  const highlight = new Highlight();
  // Above the painted terms, whose underline still shows through.
  highlight.priority = 1;

  return {
    show(range) {
      highlight.clear();
      // A range of its own: an occurrence that is not painted has only plain bounds.
      highlight.add(new StaticRange(range));
      if (!CSS.highlights.has(name)) CSS.highlights.set(name, highlight);
      style ??= new OwnStyle();
      style.set(`::highlight(${name}) { ${MARK_STYLE}; }`);
      // The term may be inside an open shadow root: the rule must be adopted where the text is.
      const root = range.startContainer.getRootNode();
      style.adopt(root instanceof ShadowRoot ? root : doc);
    },
    clear() {
      highlight.clear();
      CSS.highlights.delete(name);
      style?.destroy();
      style = undefined;
    },
  };
}
