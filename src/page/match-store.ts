// The page's current matches, keyed by the text nodes they touch, so a rescan of one block or the
// removal of a subtree drops exactly its matches, and the hit-test finds a match from a caret
// position with one map lookup.
import type { MatchIndex, PageMatch } from './types';

/** A match's share of one text node: the offsets [from, to) it covers there. */
interface Piece {
  match: PageMatch;
  from: number;
  to: number;
}

export class MatchStore implements MatchIndex {
  private readonly byNode = new Map<Text, Piece[]>();
  private readonly nodesOf = new Map<PageMatch, Text[]>();
  private ordered: PageMatch[] | null = [];
  private readonly listeners = new Set<() => void>();
  /** Puts matches in document order when the list has to be rebuilt after incremental changes. */
  private readonly order: (matches: Iterable<PageMatch>) => PageMatch[];
  /** Called with each match as it leaves the store (to unpaint it). */
  onRemove: ((match: PageMatch) => void) | undefined;

  constructor(order: (matches: Iterable<PageMatch>) => PageMatch[]) {
    this.order = order;
  }

  get size(): number {
    return this.nodesOf.size;
  }

  /** Adds a match covering `nodes` (its first and last node get partial pieces). */
  add(match: PageMatch, nodes: Text[]): void {
    const { range } = match;
    for (const node of nodes) {
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : node.data.length;
      const pieces = this.byNode.get(node);
      const piece = { match, from, to };
      if (pieces) pieces.push(piece);
      else this.byNode.set(node, [piece]);
    }
    this.nodesOf.set(match, nodes);
    // Appending in scan order keeps the list ordered during a first pass; any other change
    // (a rescan of an earlier block) marks it for rebuilding.
    this.ordered?.push(match);
  }

  /** Whether any match touches `node`. */
  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Drops every match touching `node`. */
  dropNode(node: Text): void {
    const pieces = this.byNode.get(node);
    if (!pieces) return;
    for (const { match } of [...pieces]) this.remove(match);
  }

  remove(match: PageMatch): void {
    const nodes = this.nodesOf.get(match);
    if (!nodes) return;
    this.nodesOf.delete(match);
    for (const node of nodes) {
      const pieces = this.byNode.get(node);
      if (!pieces) continue;
      const kept = pieces.filter((p) => p.match !== match);
      if (kept.length > 0) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
    this.ordered = null;
    this.onRemove?.(match);
  }

  /** Marks the order stale: matches were added somewhere other than after the last one. */
  unordered(): void {
    this.ordered = null;
  }

  clear(): void {
    const matches = [...this.nodesOf.keys()];
    this.byNode.clear();
    this.nodesOf.clear();
    this.ordered = [];
    for (const match of matches) this.onRemove?.(match);
  }

  /** Drops matches whose text left the document (a subtree removed without a record we saw). */
  dropDisconnected(): void {
    for (const [match, nodes] of [...this.nodesOf]) {
      if (!nodes.every((n) => n.isConnected)) this.remove(match);
    }
  }

  /** Tells subscribers that the matches changed. */
  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  // --- MatchIndex

  list(): readonly PageMatch[] {
    if (this.ordered === null) this.ordered = this.order(this.nodesOf.keys());
    return this.ordered;
  }

  at(node: Node, offset: number): PageMatch | undefined {
    const pieces = this.byNode.get(node as Text);
    if (!pieces) return undefined;
    for (const piece of pieces) {
      if (offset >= piece.from && offset < piece.to) return piece.match;
    }
    return undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Matches in no particular order (cheap), for counting. */
  values(): IterableIterator<PageMatch> {
    return this.nodesOf.keys();
  }
}
