// A painter for Node (linkedom has no Highlight API): records what the scanner would paint, so the
// scanner's tests and scripts/density.ts can check and count it.
import type { Category } from '@/src/glossary/categories';
import type { Painter, Placement } from '@/src/page/paint';
import type { PageMatch } from '@/src/page/types';

export class RecordingPainter implements Painter {
  readonly mutatesDom = false;
  /** The matches shown now. */
  readonly painted = new Set<PageMatch>();
  /** How many times paint was called. */
  paints = 0;
  /** The category each match was painted in. */
  readonly categoryOf = new Map<PageMatch, Category>();
  paint(id: string, text: string, category: Category, { startContainer, startOffset, endContainer, endOffset }: Placement, show = true) {
    const range = { startContainer, startOffset, endContainer, endOffset, collapsed: false } as unknown as StaticRange;
    const match: PageMatch = { id, text, range };
    this.categoryOf.set(match, category);
    if (show) this.painted.add(match);
    this.paints++;
    return match;
  }
  show(match: PageMatch) {
    this.painted.add(match);
  }
  hide(match: PageMatch) {
    this.painted.delete(match);
  }
  unpaint(match: PageMatch) {
    this.painted.delete(match);
  }
  /** The painted texts, sorted. */
  texts(): string[] {
    return [...this.painted].map((m) => m.text).sort();
  }
  prepare() {}
  restyle() {}
  adopt() {}
  destroy() {}
}
