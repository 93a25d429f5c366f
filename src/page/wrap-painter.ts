// The wrapping painter, for browsers without the CSS Custom Highlight API (Firefox before 140): it
// wraps each match in an inline element, so it changes the page's DOM, which the Highlight API
// painter (src/page/paint.ts) never does. Built as its own script (entrypoints/wrap-painter.ts) and
// injected only into frames of such browsers. Its elements are in the page's DOM, so, like the
// highlight names, they name neither Tifa nor a category: a neutral tag, random class names.
import type { Category } from '@/src/glossary/categories';
import type { Painter, Placement } from './paint';
import { OwnStyle } from './own-style';
import { randomName } from './random-name';
import { highlightCss, type HighlightLook } from './style';
import { OWN_UI, WRAPPER_TAG, type PageMatch } from './types';

/**
 * Wraps each text node a match covers (or the covered part of it) in an inline element. Used only
 * where the Highlight API is missing, since it changes the page's DOM.
 */
export class WrapPainter implements Painter {
  readonly mutatesDom = true;
  /** Each category's class name, and the class of unpainted matches' wrappers, which no rule styles. */
  readonly #classNames = new Map<Category, string>();
  readonly #quiet = randomName();
  readonly #wrappers = new WeakMap<PageMatch, Element[]>();
  /** A text node this painter split → the piece split off its end (text order: node, next, next…). */
  readonly #next = new WeakMap<Text, Text>();
  #look: HighlightLook;
  readonly #style: OwnStyle | null;
  readonly #styleElement: HTMLStyleElement | null = null;

  readonly #doc: Document;

  constructor(doc: Document, look: HighlightLook) {
    this.#doc = doc;
    this.#look = look;
    const css = this.#css();
    if (typeof (doc as Partial<Document>).adoptedStyleSheets !== 'undefined') {
      this.#style = new OwnStyle();
      this.#style.set(css);
      this.#style.adopt(doc);
    } else {
      // Older browsers without constructed sheets: a <style> of ours, marked as ours (unseen by the page).
      this.#style = null;
      this.#styleElement = doc.createElement('style');
      (this.#styleElement as unknown as Record<symbol, boolean>)[OWN_UI] = true;
      this.#styleElement.textContent = css;
      (doc.head ?? doc.documentElement).append(this.#styleElement);
    }
  }

  #css(): string {
    // The same declarations as the highlight rules, on a class instead of ::highlight().
    return highlightCss(this.#look, this.#classNames).replace(/(?::root)?::highlight\(([\w-]+)\)/g, `${WRAPPER_TAG}.$1`);
  }

  #split(node: Text, offset: number): Text {
    const tail = node.splitText(offset);
    const after = this.#next.get(node);
    if (after) this.#next.set(tail, after);
    this.#next.set(node, tail);
    return tail;
  }

  #classOf(category: Category): string {
    let name = this.#classNames.get(category);
    if (!name) {
      this.#classNames.set(category, (name = randomName()));
      this.restyle(this.#look);
    }
    return name;
  }

  paint(id: string, text: string, category: Category, placement: Placement, show = true) {
    const { nodes, startOffset, endOffset } = placement;
    const className = show ? this.#classOf(category) : this.#quiet;
    // The text the placement covers, piece by piece: a node split by earlier wrapping (an ambiguous
    // match is placed before it is confirmed, and its node may be split meanwhile) continues in the
    // pieces split off its end, and the placement's offsets still count from the node's start. A
    // piece the placement lists itself (a later scan sees pieces as nodes) ends the node's text.
    const listed = new Set(nodes);
    const segments: Array<[Text, number, number]> = [];
    nodes.forEach((original, index) => {
      let pieceStart = 0;
      for (let piece: Text | undefined = original; piece && (piece === original || !listed.has(piece)); piece = this.#next.get(piece)) {
        const length = piece.data.length;
        const from = Math.max(0, index === 0 ? startOffset - pieceStart : 0);
        const to = Math.min(length, index === nodes.length - 1 ? endOffset - pieceStart : length);
        if (to > from && piece.parentNode) segments.push([piece, from, to]);
        pieceStart += length;
      }
    });
    const wrapped: Text[] = [];
    const elements: Element[] = [];
    for (const [piece, from, to] of segments) {
      let node = piece;
      // Splitting keeps the earlier part in the original node, so earlier offsets stay valid.
      if (to < node.data.length) this.#split(node, to);
      if (from > 0) node = this.#split(node, from);
      const element = this.#doc.createElement(WRAPPER_TAG);
      // Unpainted matches are wrapped too: later wrapping splits text nodes, which would move them.
      element.className = className;
      node.parentNode?.insertBefore(element, node);
      element.append(node);
      wrapped.push(node);
      elements.push(element);
    }
    const first = wrapped[0];
    const last = wrapped[wrapped.length - 1];
    if (!first || !last) return null;
    const range = new StaticRange({ startContainer: first, startOffset: 0, endContainer: last, endOffset: last.data.length });
    const match: PageMatch = { id, text, range };
    this.#wrappers.set(match, elements);
    placement.nodes = wrapped;
    return match;
  }

  show(match: PageMatch, category: Category): void {
    const className = this.#classOf(category);
    for (const element of this.#wrappers.get(match) ?? []) element.className = className;
  }

  hide(match: PageMatch): void {
    for (const element of this.#wrappers.get(match) ?? []) element.className = this.#quiet;
  }

  unpaint(match: PageMatch): void {
    for (const element of this.#wrappers.get(match) ?? []) {
      if (element.parentNode) element.replaceWith(...element.childNodes);
    }
    this.#wrappers.delete(match);
  }

  prepare(categories: Iterable<Category>): void {
    for (const category of categories) if (!this.#classNames.has(category)) this.#classNames.set(category, randomName());
    this.restyle(this.#look);
  }

  restyle(look: HighlightLook): void {
    this.#look = look;
    const css = this.#css();
    if (this.#style) this.#style.set(css);
    if (this.#styleElement) this.#styleElement.textContent = css;
  }

  adopt(root: ShadowRoot): void {
    this.#style?.adopt(root);
  }

  destroy(): void {
    this.#style?.destroy();
    this.#styleElement?.remove();
  }
}

