// Turns DOM mutations into the smallest set of subtrees to rescan and the subtrees whose text left.
// An appended paragraph is rescanned alone; text changed inside a sentence rescans that block,
// since a term may span the inline elements around it.
import { blockOf, isInline } from './walk';
import { OWN_UI } from './types';

export type ScanRoot = Element | ShadowRoot | Document;

export interface MutationBatch {
  /** Subtrees to rescan, none inside another. */
  dirty: ScanRoot[];
  /** Nodes removed from the page (their text's matches go). */
  removed: Node[];
}

const WATCHED_ATTRIBUTES = ['contenteditable', 'hidden', 'role'];
const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES,
};

/** An element Tifa added (the tooltip's host): marked in this isolated world only (types.ts OWN_UI). */
const isOurs = (node: Node): boolean => (node as unknown as Record<symbol, unknown>)[OWN_UI] === true;

const isBlockOrBlank = (node: Node | null): boolean =>
  node === null ||
  (node.nodeType === 1 /* element */ && !isInline(node as Element)) ||
  (node.nodeType === 3 /* text */ && (node as Text).data.trim() === '') ||
  node.nodeType === 8 /* comment */;

export class MutationTracker {
  readonly #observer: MutationObserver;
  readonly #observed = new WeakSet<Node>();
  readonly #pendingRecords: MutationRecord[] = [];

  constructor(onMutations: () => void) {
    this.#observer = new MutationObserver((records) => {
      this.#pendingRecords.push(...records);
      onMutations();
    });
  }

  observe(root: Document | ShadowRoot): void {
    if (this.#observed.has(root)) return;
    this.#observed.add(root);
    this.#observer.observe(root, OPTIONS);
  }

  /** Discards records produced by our own DOM changes (the wrapping fallback). */
  discardPending(): void {
    this.#observer.takeRecords();
  }

  hasPending(): boolean {
    return this.#pendingRecords.length > 0;
  }

  /** Collects everything observed so far into one batch. */
  take(): MutationBatch {
    const records = [...this.#pendingRecords, ...this.#observer.takeRecords()];
    this.#pendingRecords.length = 0;
    const dirty = new Set<ScanRoot>();
    const removed: Node[] = [];
    const markBlockOf = (node: Node): void => {
      const block = blockOf(node);
      if (block) dirty.add(block);
    };
    for (const record of records) {
      const target = record.target;
      // Our elements hold nothing in the light DOM (the tooltip's content is in its closed shadow root).
      if (isOurs(target)) continue;
      if (record.type === 'characterData') {
        markBlockOf(target);
      } else if (record.type === 'attributes') {
        // The element may have become editable or hidden (drop its matches) or stopped being so.
        markBlockOf(target);
      } else {
        const added = [...record.addedNodes].filter((n) => !isOurs(n));
        const gone = [...record.removedNodes].filter((n) => !isOurs(n));
        if (added.length === 0 && gone.length === 0) continue;
        removed.push(...gone);
        // Blocks added between blocks form runs of their own; anything inline changes the
        // surrounding sentence, so the enclosing block is rescanned.
        const allBlocks = [...added, ...gone].every((n) => isBlockOrBlank(n));
        if (allBlocks && isBlockOrBlank(record.previousSibling) && isBlockOrBlank(record.nextSibling)) {
          for (const node of added) if (node.nodeType === 1 /* element */) dirty.add(node as Element);
        } else {
          markBlockOf(target);
        }
      }
    }
    return { dirty: outermost(dirty), removed };
  }

  disconnect(): void {
    this.#observer.disconnect();
    this.#pendingRecords.length = 0;
  }
}

/** Drops roots inside another root of the set, and roots no longer in the page. */
function outermost(roots: Set<ScanRoot>): ScanRoot[] {
  const kept: ScanRoot[] = [];
  for (const root of roots) {
    if (!root.isConnected) continue;
    let covered = false;
    for (let up = root.parentNode; up; up = up.parentNode) {
      if (roots.has(up as ScanRoot)) {
        covered = true;
        break;
      }
    }
    if (!covered) kept.push(root);
  }
  return kept;
}
