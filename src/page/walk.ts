// Collects a page's visible text as block-level runs: the text nodes of one block joined into one
// string, so a term split across inline elements (<b>两个</b>维护, a link inside a sentence) is
// still one string to match, with offsets that map back to the nodes.
//
// The walk follows parent/child/sibling pointers itself rather than a TreeWalker with a filter
// callback: it must skip whole subtrees (editable areas, scripts), enter open shadow roots in
// document order, and pause between runs so a large page is scanned in slices.
import { TIFA_UI_ATTRIBUTE } from './types';

export interface TextRun {
  /** The concatenated data of `nodes`. */
  text: string;
  /** Non-empty text nodes of one block, in document order. */
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
}

/** Elements whose content is never page prose, or belongs to the user (editable) or to Tifa. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'button', 'iframe', 'frame', 'object', 'embed', 'canvas', 'svg', 'math', 'video', 'audio',
  'head', 'title', 'meta', 'link',
]);

/**
 * Inline elements: text flows through them, so they do not end a run. Everything else (blocks,
 * unknown and custom elements, <br>, <img>) ends one: joining text across a real break could
 * invent a term from the end of one paragraph and the start of the next.
 */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong',
  'sub', 'sup', 'time', 'tt', 'u', 'var',
  'tifa-mark', // the fallback painter's wrapper: its text is still page text
]);

export function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

/** True for elements whose subtree is never scanned. Attribute checks only: no style recalculation. */
export function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.localName)) return true;
  if (!element.hasAttributes()) return false; // most elements: one cheap call
  if (element.hasAttribute('hidden') || element.hasAttribute(TIFA_UI_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return element.getAttribute('role') === 'textbox';
}

/** The nearest ancestor-or-self element that is a block (not inline), crossing no shadow boundary. */
export function blockOf(node: Node): Element | ShadowRoot | Document | null {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE) {
      if (!isInline(current as Element)) return current as Element;
    } else if (current.nodeType === Node.DOCUMENT_FRAGMENT_NODE || current.nodeType === Node.DOCUMENT_NODE) {
      return current as ShadowRoot | Document;
    }
    current = current.parentNode;
  }
  return null;
}

/** True when `node` sits inside a skipped subtree (or is one), up to its tree's root. */
export function insideSkipped(node: Node): boolean {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current && current.nodeType === Node.ELEMENT_NODE) {
    if (isSkipped(current as Element)) return true;
    current = current.parentNode;
  }
  return false;
}

type Root = Element | ShadowRoot | Document;

/**
 * Walks a subtree in document order and hands out one run at a time, so the caller can stop
 * between runs and resume later. Open shadow roots are entered where their host stands.
 */
export class RunWalker {
  private root: Root;
  /** Roots we entered (shadow roots) and the host to continue with once each is done. */
  private readonly outer: Array<{ root: Root; host: Element }> = [];
  private node: Node | null;
  private done = false;
  /** Shadow hosts whose light-DOM children are being walked (only slotted ones render). */
  private readonly hosts: Element[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private text = '';
  /** Called for every open shadow root entered, so callers can observe and style it. */
  onShadowRoot: ((root: ShadowRoot) => void) | undefined;

  constructor(root: Root) {
    this.root = root;
    this.node = root.firstChild;
    if (root.nodeType === Node.ELEMENT_NODE && isSkipped(root as Element)) this.done = true;
  }

  /** Whether the walker stands on a node that was removed since it paused (its position is lost). */
  get lost(): boolean {
    return !this.done && this.node !== null && !this.node.isConnected && this.root.isConnected;
  }

  private get inHost(): boolean {
    const host = this.hosts[this.hosts.length - 1];
    return host !== undefined && this.node?.parentNode === host;
  }

  /** The next run with text in it, or null when the subtree is done. */
  next(): TextRun | null {
    while (!this.done) {
      const run = this.step();
      if (run) return run;
    }
    return this.flush();
  }

  private flush(): TextRun | null {
    if (this.nodes.length === 0) return null;
    const run: TextRun = { text: this.text, nodes: this.nodes, starts: this.starts };
    this.nodes = [];
    this.starts = [];
    this.text = '';
    return run;
  }

  /** Advances by one node; returns a run when a block boundary completes one. */
  private step(): TextRun | null {
    const node = this.node;
    if (node === null) return this.leaveRoot();
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0 && !(this.inHost && !(node as Text).assignedSlot)) {
        this.nodes.push(node as Text);
        this.starts.push(this.text.length);
        this.text += data;
      }
      return this.advance(node);
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return this.advance(node);
    const element = node as Element;
    if (isSkipped(element) || (this.inHost && !element.assignedSlot)) {
      // Children of a shadow host that no slot shows are not rendered.
      return isInline(element) ? this.advance(node) : this.boundary(() => this.advance(node));
    }
    const inline = isInline(element);
    const shadow = element.shadowRoot;
    if (shadow) {
      // The shadow tree renders in place of the host's children: walk it first, then the slotted children.
      const run = this.flush(); // a run never spans two trees
      this.onShadowRoot?.(shadow);
      this.outer.push({ root: this.root, host: element });
      this.root = shadow;
      this.node = shadow.firstChild;
      return run;
    }
    const run = inline ? null : this.flush();
    if (element.firstChild) this.node = element.firstChild;
    else this.advance(node);
    return run;
  }

  /** Flushes the pending run around a boundary, then moves on. */
  private boundary(move: () => TextRun | null): TextRun | null {
    const run = this.flush();
    move();
    return run;
  }

  /** Moves to the next node in document order within the root, ending runs at block ends. */
  private advance(from: Node): TextRun | null {
    let node: Node = from;
    let run: TextRun | null = null;
    while (node !== this.root) {
      const sibling = node.nextSibling;
      if (sibling) {
        this.node = sibling;
        return run;
      }
      const parent = node.parentNode;
      if (parent === null) break; // detached while paused: the caller sees `lost`
      if (parent === this.hosts[this.hosts.length - 1]) this.hosts.pop();
      if (parent !== this.root && parent.nodeType === Node.ELEMENT_NODE && !isInline(parent as Element)) {
        run = run ?? this.flush();
      }
      node = parent;
    }
    this.node = null;
    return run;
  }

  /** The current root is finished: continue after the host in the outer root, or finish. */
  private leaveRoot(): TextRun | null {
    const run = this.flush();
    const outer = this.outer.pop();
    if (!outer) {
      this.done = true;
      return run;
    }
    this.root = outer.root;
    const host = outer.host;
    // Slotted light-DOM children come next; they were not walked before entering the shadow root.
    if (host.firstChild) {
      this.hosts.push(host);
      this.node = host.firstChild;
    } else this.advance(host);
    return run;
  }
}

/** Calls `visit` for every text node under `root`, open shadow trees included, skipping nothing. */
export function forEachTextNode(root: Node, visit: (text: Text) => void): void {
  if (root.nodeType === Node.TEXT_NODE) {
    visit(root as Text);
    return;
  }
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) visit(node as Text);
    else {
      const shadow = (node as Element).shadowRoot;
      if (shadow) forEachTextNode(shadow, visit);
    }
  }
}
