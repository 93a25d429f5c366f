// Collects a page's visible text as block-level runs: the text nodes of one block joined into one
// string, so a term split across inline elements (<b>两个</b>维护, a link inside a sentence) is
// still one string to match, with offsets that map back to the nodes.
//
// The walk follows parent/child/sibling pointers itself rather than a TreeWalker with a filter
// callback: it must skip whole subtrees (editable areas, scripts), enter open shadow roots in
// document order, and pause between runs so a large page is scanned in slices.
import { WRAPPER_TAG } from './types';

export interface TextRun {
  /** The concatenated data of `nodes`. */
  text: string;
  /** Non-empty text nodes of one block, in document order. */
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
}

// The name lists below are written as one string each: as arrays they cost the content script,
// which has 30 KB, three bytes more a name (116 bytes in all).

/** Elements whose content is never page prose, or belongs to the user (editable). */
const SKIPPED = new Set(
  'script style noscript template textarea input select option optgroup button iframe frame object embed canvas svg math video audio head title meta link'.split(' '),
);

/**
 * Inline elements: text flows through them, so they do not end a run. Everything else (blocks,
 * unknown and custom elements, <br>, <img>) ends one: joining text across a real break could
 * invent a term from the end of one paragraph and the start of the next. Among them `wbr`, a
 * line-break opportunity inside a word (long titles): the text on either side is one word; and the
 * wrapping painter's element (WRAPPER_TAG): its text is still page text.
 */
const INLINE = new Set(
  `a abbr b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr q s samp small span strike strong sub sup time tt u var wbr ${WRAPPER_TAG}`.split(' '),
);

export function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

/**
 * The elements that can carry a shadow root (attachShadow and declarative shadow DOM accept only
 * these and custom elements): the walk reads `shadowRoot` of no other element, one DOM call fewer
 * for most nodes of a page (links, list items, table cells, inline formatting).
 */
const SHADOW_HOSTS = new Set('article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(' '));

/** True for elements whose subtree is never scanned. Attribute checks only: no style recalculation. */
function isSkipped(element: Element): boolean {
  return isSkippedNamed(element, element.localName);
}

/** isSkipped for an element whose localName the caller has read already (each read is a DOM call). */
function isSkippedNamed(element: Element, name: string): boolean {
  // Fast path first: most elements are plain tags without attributes.
  if (SKIPPED.has(name)) return true;
  if (!element.hasAttributes()) return false; // most elements: one cheap call
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return element.getAttribute('role') === 'textbox';
}

/** The nearest ancestor-or-self element that is a block (not inline), crossing no shadow boundary. */
export function blockOf(node: Node): Element | ShadowRoot | Document | null {
  let current: Node | null = node.nodeType === 1 /* element */ ? node : node.parentNode;
  while (current) {
    if (current.nodeType === 1 /* element */) {
      if (!isInline(current as Element)) return current as Element;
    } else if (current.nodeType === 11 /* fragment */ || current.nodeType === 9 /* document */) {
      return current as ShadowRoot | Document;
    }
    current = current.parentNode;
  }
  return null;
}

/** True when `node` sits inside a skipped subtree (or is one), up to its tree's root. */
export function insideSkipped(node: Node): boolean {
  let current: Node | null = node.nodeType === 1 /* element */ ? node : node.parentNode;
  while (current && current.nodeType === 1 /* element */) {
    if (isSkipped(current as Element)) return true;
    current = current.parentNode;
  }
  return false;
}

type Root = Element | ShadowRoot | Document;

/**
 * Walks a subtree in document order and hands out one run at a time, so the caller can stop
 * between runs and resume later. Open shadow roots are entered where their host stands.
 * `next` is one loop with few calls: it runs cold (in the interpreter) on a page's first pass,
 * where every call and property access shows in the time to first highlight.
 */
export class RunWalker {
  #root: Root;
  /** The next node to visit; null when the current root is exhausted. */
  #node: Node | null;
  /** Roots we entered (shadow roots) and the host to continue with once each is done. */
  readonly #outer: Array<{ root: Root; host: Element }> = [];
  /** Shadow hosts whose light-DOM children are being walked (only slotted ones render). */
  readonly #hosts: Element[] = [];
  #done = false;
  /** Set by #stepOver: whether the step left a block-level element. */
  #leftBlock = false;
  /** Called for every open shadow root entered, so callers can observe and style it. */
  onShadowRoot: ((root: ShadowRoot) => void) | undefined;

  constructor(root: Root) {
    this.#root = root;
    // A document's only child with text is its root element (the others: doctype, comments).
    this.#node = (root.nodeType === 9 ? (root as Document).documentElement : root.firstChild) ?? null;
    if (root.nodeType === 1 && isSkipped(root as Element)) this.#done = true;
  }

  /** Whether the walker stands on a node that was removed since it paused (its position is lost). */
  get lost(): boolean {
    return !this.#done && this.#node !== null && !this.#node.isConnected && this.#root.isConnected;
  }

  /** The next run with text in it, or null when the subtree is done. */
  next(): TextRun | null {
    if (this.#done) return null;
    let node = this.#node;
    let root = this.#root;
    let host = this.#hosts[this.#hosts.length - 1];
    let nodes: Text[] | null = null;
    // Made with the run's first node (below): no array for a call that finds no text.
    let starts!: number[];
    let text = '';
    for (;;) {
      if (node === null) {
        // The current root is exhausted: hand out what is pending, then go back out to the host.
        if (nodes !== null) break;
        const outer = this.#outer.pop();
        if (!outer) {
          this.#done = true;
          break;
        }
        root = outer.root;
        const light = outer.host.firstChild;
        if (light) {
          this.#hosts.push(outer.host);
          host = outer.host;
          node = light;
          continue;
        }
        node = outer.host; // no children: move on from the host itself (below)
      } else {
        const type = node.nodeType;
        let descend: Node | null = null;
        let boundary = false;
        if (type === 3) {
          if (host === undefined || node.parentNode !== host || (node as Text).assignedSlot) {
            const data = (node as Text).data;
            if (data.length > 0) {
              // A literal holds just its element; the first push to an empty array makes room for 17.
              if (nodes === null) {
                nodes = [node as Text];
                starts = [0];
              } else {
                nodes.push(node as Text);
                starts.push(text.length);
              }
              text += data;
            }
          }
        } else if (type === 1) {
          const element = node as Element;
          const name = element.localName;
          boundary = !INLINE.has(name);
          const unslotted = host !== undefined && element.parentNode === host && !element.assignedSlot;
          if (!unslotted && !isSkippedNamed(element, name)) {
            const shadow = SHADOW_HOSTS.has(name) || name.includes('-') ? element.shadowRoot : null;
            if (shadow) {
              // The shadow tree renders in place of the host's children: walk it, then the slotted ones.
              // A run never spans two trees.
              this.onShadowRoot?.(shadow);
              this.#outer.push({ root, host: element });
              root = shadow;
              this.#node = shadow.firstChild;
              this.#root = root;
              if (nodes !== null) return { text, nodes, starts };
              node = shadow.firstChild;
              continue;
            }
            descend = element.firstChild ?? null;
          }
        }
        if (descend !== null) {
          node = descend;
        } else {
          // Move on, ending the run at each block we leave.
          node = this.#stepOver(node, root);
          host = this.#hosts[this.#hosts.length - 1];
          if (this.#leftBlock) boundary = true;
        }
        if (boundary && nodes !== null) {
          this.#node = node;
          this.#root = root;
          return { text, nodes, starts };
        }
        continue;
      }
      // Only reached when leaving a childless host (nothing is pending): step past it like any other node.
      node = this.#stepOver(node, root);
      host = this.#hosts[this.#hosts.length - 1];
    }
    this.#node = node;
    this.#root = root;
    return nodes === null ? null : { text, nodes, starts };
  }

  /**
   * The node after `from` within `root` without descending into it: its next sibling, else the next
   * sibling of the nearest ancestor that has one. Leaving a shadow host's light children pops the
   * host; leaving a block-level element sets #leftBlock.
   */
  #stepOver(from: Node, root: Node): Node | null {
    this.#leftBlock = false;
    while (from !== root) {
      const sibling = from.nextSibling;
      if (sibling) return sibling;
      const parent: Node | null = from.parentNode;
      if (!parent) return null; // detached while paused: the caller sees `lost`
      if (parent === this.#hosts[this.#hosts.length - 1]) this.#hosts.pop();
      // Below the root every parent is an element (documents and shadow roots are only roots).
      if (parent !== root && !INLINE.has((parent as Element).localName)) this.#leftBlock = true;
      from = parent;
    }
    return null;
  }
}

/** Calls `visit` for every text node under `root`, open shadow trees included, skipping nothing. */
export function forEachTextNode(root: Node, visit: (text: Text) => void): void {
  if (root.nodeType === 3 /* text */) {
    visit(root as Text);
    return;
  }
  const rootShadow = (root as Element).shadowRoot;
  if (rootShadow) forEachTextNode(rootShadow, visit);
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 5 /* NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3 /* text */) visit(node as Text);
    else {
      const shadow = (node as Element).shadowRoot;
      if (shadow) forEachTextNode(shadow, visit);
    }
  }
}
