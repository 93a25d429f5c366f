// The page's current matches, keyed by the text nodes they touch, so a rescan of one block or the
// removal of a subtree drops exactly its matches, and the hit-test finds a match from a caret
// position with one map lookup.
import type { MatchIndex, PageMatch } from './types';

export class MatchStore implements Omit<MatchIndex, 'count'> {
  /** Matches by every text node they touch. */
  readonly #byNode = new Map<Text, PageMatch[]>();
  /** The nodes of matches spanning more than one node (most cover one: their range says which). */
  readonly #spanning = new Map<PageMatch, Text[]>();
  readonly #all = new Set<PageMatch>();
  /**
   * Occurrences per term (entry key), kept as matches come and go: the badge's count and the
   * segmentation request read it, where counting the matches each time made a map and an object a
   * term per count (~19.5 KB a load on a8, two counts a load: docs/page-cost.md).
   */
  readonly #perTerm = new Map<string, number>();
  #ordered: PageMatch[] | null = [];
  readonly #listeners = new Set<() => void>();
  /** Puts matches in document order when the list has to be rebuilt after incremental changes. */
  readonly #order: (matches: Iterable<PageMatch>) => PageMatch[];
  /** Called with each match as it leaves the store (to unpaint it). */
  onRemove: ((match: PageMatch) => void) | undefined;

  constructor(order: (matches: Iterable<PageMatch>) => PageMatch[]) {
    this.#order = order;
  }

  get size(): number {
    return this.#all.size;
  }

  #nodesOf(match: PageMatch): readonly Text[] {
    return this.#spanning.get(match) ?? [match.range.startContainer as Text];
  }

  /** Adds a match covering `nodes` (its first and last node may be covered in part). */
  add(match: PageMatch, nodes: Text[]): void {
    // An index loop: run cold, for…of makes an object per step (src/page/report.ts listCounts), and
    // forEach a closure per call.
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as Text;
      const list = this.#byNode.get(node);
      if (list) list.push(match);
      else this.#byNode.set(node, [match]);
    }
    if (nodes.length > 1) this.#spanning.set(match, nodes);
    this.#all.add(match);
    this.#perTerm.set(match.id, (this.#perTerm.get(match.id) ?? 0) + 1);
    // Appending in scan order keeps the list ordered during a first pass; any other change
    // (a rescan of an earlier block) marks it for rebuilding.
    this.#ordered?.push(match);
  }

  /** Whether any match touches `node`. */
  has(node: Text): boolean {
    return this.#byNode.has(node);
  }

  /** Drops every match touching `node`. */
  dropNode(node: Text): void {
    const list = this.#byNode.get(node);
    if (!list) return;
    for (const match of [...list]) this.remove(match);
  }

  remove(match: PageMatch): void {
    if (!this.#all.delete(match)) return;
    const left = (this.#perTerm.get(match.id) ?? 1) - 1;
    if (left) this.#perTerm.set(match.id, left);
    else this.#perTerm.delete(match.id);
    for (const node of this.#nodesOf(match)) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      const kept = list.filter((m) => m !== match);
      if (kept.length > 0) this.#byNode.set(node, kept);
      else this.#byNode.delete(node);
    }
    this.#spanning.delete(match);
    this.#ordered = null;
    this.onRemove?.(match);
  }

  /** Marks the order stale: matches were added somewhere other than after the last one. */
  unordered(): void {
    this.#ordered = null;
  }

  /** Drops every match; `each` false skips onRemove (the caller unpaints them all at once). */
  clear(each = true): void {
    const matches = each && this.onRemove ? [...this.#all] : [];
    this.#byNode.clear();
    this.#spanning.clear();
    this.#all.clear();
    this.#perTerm.clear();
    this.#ordered = [];
    for (const match of matches) this.onRemove?.(match);
  }

  /** Drops matches whose text left the document (a subtree removed without a record we saw). */
  dropDisconnected(): void {
    for (const match of [...this.#all]) {
      if (!this.#nodesOf(match).every((n) => n.isConnected)) this.remove(match);
    }
  }

  /** Tells subscribers that the matches changed. */
  changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  // --- MatchIndex

  list(): readonly PageMatch[] {
    if (this.#ordered === null) this.#ordered = this.#order(this.#all);
    return this.#ordered;
  }

  /** The match covering offsets [offset, offset + 1) of `node`: its start up to, not including, its end. */
  at(node: Node, offset: number): PageMatch | undefined {
    const list = this.#byNode.get(node as Text);
    if (!list) return undefined;
    for (const match of list) {
      const { range } = match;
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : Infinity;
      if (offset >= from && offset < to) return match;
    }
    return undefined;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Occurrences per term (entry key), in no particular order: the store's own map, to be read only. */
  counts(): ReadonlyMap<string, number> {
    return this.#perTerm;
  }

  /** Matches in no particular order (cheap): the store's own set, to be read only. */
  values(): ReadonlySet<PageMatch> {
    return this.#all;
  }
}
