// Finds glossary terms in a document and keeps their highlights in step with the page:
// a first pass in slices, then only the subtrees that mutations touched, in idle time.
import { CATEGORIES, type Category } from '@/src/glossary/categories';
import { categoryOf, entryIndexOf, entryKey, isAmbiguous, salienceOf, type PageGlossary } from '@/src/glossary/page-glossary';
import { SALIENCES, salienceShown, type DisplayMode } from '@/src/glossary/salience';
import type { Span } from '@/src/messages';
import { loadMatcher, type Match, type Matcher } from '@/src/matcher/matcher';
import { MatchStore } from './match-store';
import { MutationTracker, type ScanRoot } from './mutations';
import type { Painter, Placement } from './paint';
import type { PageMatch } from './types';
import { forEachTextNode, insideSkipped, RunWalker, type TextRun } from './walk';

/** The category at `index` of CATEGORIES, as the page glossary stores them; 'concept' for what is none. */
const categoryAt = (index: number | undefined): Category => (index === undefined ? undefined : CATEGORIES[index]) ?? 'concept';

/** Asks word segmentation which candidate spans of `text` are whole words. */
export type ConfirmWords = (text: string, candidates: Span[]) => Promise<boolean[]>;

export interface ScannerOptions {
  doc: Document;
  painter: Painter;
  confirm: ConfirmWords;
  /** Called (at most once per batch of work) after the set of matches changed. */
  onChange?: () => void;
  /** Longest stretch of work before yielding to the page. */
  sliceMs?: number;
  /** Which occurrences to paint; without it, every occurrence of every entry (as before modes). */
  display?: Display;
  /**
   * After each slice of work: its time (scanning and painting, ms), the text runs it read and the
   * matches it found. For the in-page benchmark and the tests; pages pay one call per slice.
   */
  onSlice?: (ms: number, runs: number, matches: number) => void;
  /** Reads text far below the view only when the reader comes near it (see AHEAD_CHARS). */
  lazy?: boolean;
}

/** The display settings the scanner follows (src/settings/settings.ts). */
export interface Display {
  mode: DisplayMode;
  /** The setting showEveryday: everyday words are marked too (outside the mode "core"). */
  everyday: boolean;
}

/** A subtree to scan and the walker going through it; `inOrder`: a pass over the document in document order. */
interface ScanItem {
  walker: RunWalker;
  inOrder: boolean;
}

/** Whether `a` (node, offset) comes before `b` in the document. */
function precedes(aNode: Node, aOffset: number, bNode: Node, bOffset: number): boolean {
  if (aNode === bNode) return aOffset < bOffset;
  // DOCUMENT_POSITION_PRECEDING: `a` is before `b`. (Across shadow trees the answer is arbitrary
  // but consistent, which is all "first" needs there.)
  return (bNode.compareDocumentPosition(aNode) & 2) !== 0;
}

/** How much text around an ambiguous candidate goes to segmentation: enough for jieba to see the words. */
const CONTEXT = 16;
/** Limits of one tifa:segment-check request (src/messages.ts accepts up to 200,000 / 20,000). */
const MAX_CONFIRM_TEXT = 150_000;
const MAX_CONFIRM_SPANS = 15_000;

interface Candidate {
  id: string;
  text: string;
  category: Category;
  placement: Placement;
  /** Segmentation input: the candidate with a little context on each side. */
  window: string;
  spanStart: number;
  stale: boolean;
  /** Its place in a pass in document order (#seqOf). */
  seq?: number;
}

/** The index of the node holding offset `offset` of a run: the last i with starts[i] <= offset. */
function nodeAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Yields to the page between slices: scheduler.yield where there is one, else a macrotask. */
const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * How much text a pass in document order reads before it asks whether the rest is near the view:
 * about ten screens of Chinese prose, more than any article. A longer page (a 1 MB forum thread, a
 * full report) is read further only as the reader scrolls to within a screen of where reading
 * stopped, or asks for the whole page (the popup's report, stepping from term to term).
 */
const AHEAD_CHARS = 20_000;

/**
 * How much text a slice reads before it looks at the clock: a few ms of scanning, an article's
 * worth. On a busy machine the page's thread is often descheduled mid-slice, so the clock alone
 * ended a 2.6 KB article's first slice after ~1.5 ms of work on 7 loads of 12 (5,000 entries), and
 * the rest waited ~15 ms for the next, as did segmentation of its ambiguous terms.
 */
const SLICE_MIN_CHARS = 8_000;

const whenIdle = (callback: (deadline?: IdleDeadline) => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 150 });
  else setTimeout(callback, 16);
};

export class Scanner {
  readonly store: MatchStore;
  readonly #doc: Document;
  readonly #painter: Painter;
  readonly #confirm: ConfirmWords;
  readonly #onChange: (() => void) | undefined;
  readonly #onSlice: ScannerOptions['onSlice'];
  readonly #sliceMs: number;
  readonly #tracker: MutationTracker;

  #matcher: Matcher | null = null;
  /** Set with the matcher (setGlossary): read only where a match was found, so never before. */
  #glossary!: PageGlossary;
  #display: Display;
  /**
   * Whether entries of each salience (by index into SALIENCES) are found at all under the display
   * settings: looked up per match, so that a glossary of any size costs nothing per entry to load.
   */
  #shownBySalience: Uint8Array = new Uint8Array(SALIENCES.length);

  // The first-occurrence mode. Every occurrence is a match (in the store: stepped to, counted,
  // hoverable), but only the first of each term in document order is painted. Matches arrive in
  // document order during a first pass; mutations and segmentation confirmations add them anywhere,
  // so those are compared with the painted first, and when the painted first goes the earliest
  // left takes its place (once per batch, in #settleFirsts).
  /** The painted occurrence of each entry id. */
  readonly #firstOf = new Map<string, PageMatch>();
  /** Ids whose painted first went: the earliest occurrence left is painted at the end of the batch. */
  readonly #firstGone = new Set<string>();
  /** Counts the occurrences of passes in document order (PageMatch.seq). */
  #seq = 0;
  /** Entry keys by entry index, made as entries are found, not per entry of the glossary. */
  #keys: string[] = [];

  /**
   * Whether anything but the pass in document order has scanned text since the matches were last
   * cleared. Until then that pass meets each text node once, none of them holding a match yet, and
   * skips asking the store about each (for most nodes, their first use as a Map key).
   */
  #mixed = false;
  /** Subtrees waiting to be (re)scanned, each with its walker. The first is being worked on. */
  readonly #queue: ScanItem[] = [];
  /** Whether a pass in document order may pause far from the view (ScannerOptions.lazy, until complete()). */
  #lazy: boolean;
  /** The pass in document order, paused where reading stopped (see AHEAD_CHARS); watched by #nearView. */
  #paused: ScanItem | null = null;
  /** Characters that pass read since it last paused. */
  #read = 0;
  /**
   * How many it reads before the next pause: AHEAD_CHARS, doubled each time the view turns out to be
   * past where it stopped (a page opened at an anchor far down, or scrolled back there on reload), so
   * such a view is reached in a few pauses, not one per 20,000 characters.
   */
  #ahead = AHEAD_CHARS;
  #nearView: IntersectionObserver | undefined;
  #pumping = false;
  #scheduled = false;
  #stopped = true;
  #dirtySinceNotify = false;

  /** Ambiguous candidates waiting to be sent, and those sent, by the nodes they cover. */
  #unsent: Candidate[] = [];
  readonly #pendingByNode = new Map<Text, Candidate[]>();
  /** Segmentation requests awaiting an answer. */
  #inflight = 0;

  /** Resolves when the queue next runs empty. */
  #idleWaiters: Array<() => void> = [];

  constructor(options: ScannerOptions) {
    this.#doc = options.doc;
    this.#painter = options.painter;
    this.#confirm = options.confirm;
    this.#onChange = options.onChange;
    this.#onSlice = options.onSlice;
    this.#sliceMs = options.sliceMs ?? 10;
    this.#display = options.display ?? { mode: 'all', everyday: true };
    this.#lazy = !!options.lazy;
    this.store = new MatchStore((matches) => this.#documentOrder(matches));
    this.store.onRemove = (match) => {
      this.#painter.unpaint(match);
      this.#forget(match);
    };
    this.#tracker = new MutationTracker(() => this.#schedule());
  }

  /** Loads the glossary's matcher; call again when the glossary changes (rescans everything). */
  setGlossary(glossary: PageGlossary): void {
    this.#glossary = glossary;
    this.#keys = [];
    this.#shownBySalience = this.#shownSaliences();
    this.#painter.prepare(glossary.usedCategories.map(categoryAt));
    this.#matcher = loadMatcher(glossary);
    if (!this.#stopped) this.#rescanAll();
  }

  /**
   * Follows new display settings. Live: a change of which entries are shown, or of the mode,
   * rescans the page (as a glossary change does); anything else costs nothing.
   */
  setDisplay(display: Display): void {
    const before = this.#display;
    if (before.mode === display.mode && before.everyday === display.everyday) return;
    this.#display = { mode: display.mode, everyday: display.everyday };
    this.#shownBySalience = this.#shownSaliences();
    if (!this.#stopped) this.#rescanAll();
  }

  #shownSaliences(): Uint8Array {
    const { mode, everyday } = this.#display;
    return Uint8Array.from(SALIENCES, (salience) => (salienceShown(salience, mode, everyday) ? 1 : 0));
  }

  /** Starts scanning the document and watching it. Resolves when the first pass is done. */
  start(): Promise<void> {
    this.#stopped = false;
    this.#tracker.observe(this.#doc);
    this.#rescanAll();
    return this.settled();
  }

  /** Removes every highlight and stops watching the page. */
  stop(): void {
    this.#stopped = true;
    this.#inflight = 0;
    this.#tracker.disconnect();
    this.#queue.length = 0;
    this.#unpause();
    this.#discardCandidates();
    this.#clearMatches();
    this.#notify(true);
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  /** Resolves once nothing is queued and no segmentation answer is awaited. */
  settled(): Promise<void> {
    if (this.#isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #isSettled(): boolean {
    return this.#queue.length === 0 && !this.#pumping && !this.#tracker.hasPending() && this.#inflight === 0;
  }

  #resolveIfSettled(): void {
    if (this.#isSettled()) for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  /** Whether segmentation is confirming ambiguous matches: the matches are about to change. */
  get confirming(): boolean {
    return this.#inflight > 0;
  }

  /** Whether part of the page is left unread (see AHEAD_CHARS): what is counted is a lower bound. */
  get partial(): boolean {
    return !!this.#paused;
  }

  /** Reads the rest of the page, and whatever comes later, without pausing; resolves once settled. */
  complete(): Promise<void> {
    this.#lazy = false;
    this.#resume();
    return this.settled();
  }

  /** Puts the paused pass back at the head of the queue (it reads on in document order). */
  #resume(): void {
    const paused = this.#unpause();
    if (paused) {
      this.#queue.unshift(paused);
      // `partial` changes: listeners hear of it even if the rest holds no match.
      this.#dirtySinceNotify = true;
      void this.#pump(false);
    }
  }

  /** Forgets the pause and stops watching: the observer watches only while a pass is paused. */
  #unpause(): ScanItem | null {
    const paused = this.#paused;
    this.#paused = null;
    this.#nearView?.disconnect();
    return paused;
  }

  /** Pauses the pass at the head of the queue until `last` (the block where it stopped) nears the view. */
  #pause(last: Element): void {
    this.#paused = this.#queue.shift() ?? null;
    this.#read = 0;
    // The root reaches without end above the view and one screen below it: scrolled near, or jumped
    // past, the element is inside. One without a box (hidden) has nothing to wait for.
    const nearView = (this.#nearView ??= new IntersectionObserver(
      (entries) => {
        for (const { isIntersecting, boundingClientRect: box } of entries) {
          if (isIntersecting || !box.height) {
            this.#ahead = box.bottom < 0 ? this.#ahead * 2 : AHEAD_CHARS;
            this.#resume();
          }
        }
      },
      { root: this.#doc, rootMargin: '1000000px 0px 100%' },
    ));
    nearView.observe(last);
  }

  #rescanAll(): void {
    this.#queue.length = 0;
    this.#unpause();
    this.#discardCandidates();
    this.#clearMatches();
    this.#enqueue(this.#doc, true);
    void this.#pump(false);
  }

  /** Drops every match and its paint: in one call per highlight where the painter can. */
  #clearMatches(): void {
    const painter = this.#painter;
    this.#mixed = false;
    // Everything painted is in the store. A first pass has nothing to clear: it used to clear the
    // nine highlights anyway, each one's first call in the content script's world.
    if (this.store.size === 0) return;
    if (!painter.unpaintAll) this.store.clear();
    else {
      this.store.clear(false);
      painter.unpaintAll();
    }
    this.#firstOf.clear();
    this.#firstGone.clear();
  }

  #enqueue(root: ScanRoot, inOrder: boolean): void {
    const walker = new RunWalker(root);
    walker.onShadowRoot = (shadow) => {
      this.#tracker.observe(shadow);
      this.#painter.adopt(shadow);
    };
    this.#queue.push({ walker, inOrder });
  }

  #schedule(): void {
    if (this.#scheduled || this.#pumping || this.#stopped) return;
    this.#scheduled = true;
    whenIdle((deadline) => {
      this.#scheduled = false;
      void this.#pump(true, deadline);
    });
  }

  /** Works through mutations and the queue in slices, yielding between them. */
  async #pump(idle: boolean, deadline?: IdleDeadline): Promise<void> {
    if (this.#pumping || this.#stopped) return;
    this.#pumping = true;
    try {
      let firstSlice = true;
      for (;;) {
        if (!firstSlice) await yieldToPage();
        if (this.#stopped) return;
        // An idle callback may use the idle time it was given, up to two slices' worth, and never
        // less than one slice's; later slices use the fixed budget. (That an article's first pass
        // fits in one slice is SLICE_MIN_CHARS's doing: the clock is not read before it.)
        const budget = idle && firstSlice && deadline ? Math.max(this.#sliceMs, Math.min(this.#sliceMs * 2, deadline.timeRemaining())) : this.#sliceMs;
        firstSlice = false;
        const more = this.#slice(budget);
        if (!more) break;
      }
    } finally {
      this.#pumping = false;
    }
    this.#sendCandidates();
    this.#notify(false);
    if (this.#tracker.hasPending()) this.#schedule();
    this.#resolveIfSettled();
  }

  /** One slice of work; returns whether more is left. */
  #slice(budgetMs: number): boolean {
    const started = performance.now();
    this.#applyMutations();
    let runs = 0;
    let matches = 0;
    let chars = 0;
    // The page can only change between slices, so only the walker that paused can have lost its place.
    if (this.#queue[0]?.walker.lost) {
      // The node it paused on was removed: rescan the document from the top (rare).
      this.#queue.shift();
      this.#enqueue(this.#doc, false);
    }
    while (this.#queue.length > 0) {
      const item = this.#queue[0];
      if (!item) break;
      const run = item.walker.next();
      if (!run) {
        this.#queue.shift();
        continue;
      }
      if (!item.inOrder) {
        this.store.unordered();
        this.#mixed = true;
      }
      matches += this.#scanRun(run, item.inOrder);
      runs++;
      chars += run.text.length;
      if (item.inOrder && this.#lazy && (this.#read += run.text.length) >= this.#ahead) {
        const parent = run.nodes[run.nodes.length - 1]?.parentElement;
        if (parent) this.#pause(parent);
      }
      // A run is a paragraph or so (microseconds): reading the clock every few runs is precise enough.
      if ((runs & 3) === 0 && chars >= SLICE_MIN_CHARS && performance.now() - started >= budgetMs) break;
    }
    this.#settleFirsts();
    if (this.#painter.mutatesDom) this.#tracker.discardPending();
    this.#onSlice?.(performance.now() - started, runs, matches);
    return this.#queue.length > 0 || this.#tracker.hasPending();
  }

  /** Drops what mutations removed and queues what they changed. */
  #applyMutations(): void {
    if (!this.#tracker.hasPending()) return;
    const { dirty, removed } = this.#tracker.take();
    for (const node of removed) this.#dropSubtree(node);
    for (const root of dirty) {
      this.#dropSubtree(root);
      if (root.nodeType === 1 /* element */ && insideSkipped(root)) continue;
      this.#enqueue(root, false);
    }
    if (removed.length > 0) this.store.dropDisconnected();
  }

  #dropSubtree(root: Node): void {
    if (this.store.size === 0 && this.#pendingByNode.size === 0) return;
    forEachTextNode(root, (text) => {
      this.store.dropNode(text);
      this.#stalePending(text);
    });
    this.#dirtySinceNotify = true;
  }

  #stalePending(node: Text): void {
    const pending = this.#pendingByNode.get(node);
    if (!pending) return;
    for (const candidate of pending) candidate.stale = true;
    this.#pendingByNode.delete(node);
  }

  /** Matches one run and paints what it finds; returns the number of matches. Idempotent per run. */
  #scanRun(run: TextRun, inOrder: boolean): number {
    const { nodes, starts, text } = run;
    if ((this.#mixed || !inOrder) && (this.store.size > 0 || this.#pendingByNode.size > 0)) {
      for (const node of nodes) {
        if (this.store.has(node)) {
          this.store.dropNode(node);
          this.#dirtySinceNotify = true;
        }
        if (this.#pendingByNode.size > 0) this.#stalePending(node);
      }
    }
    const matcher = this.#matcher;
    if (!matcher) return 0;
    const found = matcher.scan(text);
    const count = found.length;
    if (count === 0) return 0;
    const last = nodes.length - 1;
    // The wrapping fallback splits text nodes: it paints from the end so earlier offsets stay valid.
    const reverse = this.#painter.mutatesDom;
    let painted = 0;
    const glossary = this.#glossary;
    for (let i = 0; i < count; i++) {
      const m = found[reverse ? count - 1 - i : i] as Match;
      const entryIndex = m.tag;
      // Entries the display settings leave out are not matches at all (not counted, not stepped to).
      // A tag that is not an entry index (see decodePageGlossary) is no match either.
      if (!(entryIndex >= 0 && entryIndex < glossary.entryCount)) continue;
      if (this.#shownBySalience[salienceOf(glossary, entryIndex)] !== 1) continue;
      const id = (this.#keys[entryIndex] ??= entryKey(entryIndex, glossary.version));
      // The nodes holding the match's first and last code unit (most runs are a single node).
      const f = last === 0 ? 0 : nodeAt(starts, m.start);
      const l = last === 0 ? 0 : nodeAt(starts, m.end - 1);
      const placement: Placement = {
        nodes: f === l ? [nodes[f] as Text] : nodes.slice(f, l + 1),
        startContainer: nodes[f] as Text,
        startOffset: m.start - (starts[f] as number),
        endContainer: nodes[l] as Text,
        endOffset: m.end - (starts[l] as number),
      };
      const category = categoryAt(categoryOf(glossary, entryIndex));
      const surface = text.slice(m.start, m.end);
      const seq = inOrder && !reverse ? ++this.#seq : undefined;
      if (isAmbiguous(glossary, entryIndex)) {
        const from = Math.max(0, m.start - CONTEXT);
        const window = text.slice(from, Math.min(text.length, m.end + CONTEXT));
        const candidate: Candidate = { id, text: surface, category, placement, window, spanStart: m.start - from, stale: false, seq };
        this.#unsent.push(candidate);
        for (const node of placement.nodes) {
          const list = this.#pendingByNode.get(node);
          if (list) list.push(candidate);
          else this.#pendingByNode.set(node, [candidate]);
        }
        continue;
      }
      // Painting from the end, a run's own matches arrive backwards: compare them.
      if (this.#add(id, surface, category, placement, inOrder && !reverse, seq)) painted++;
    }
    return painted;
  }

  /** Adds a match; `inOrder`: it comes after every match found so far (a first pass in document order). */
  #add(id: string, text: string, category: Category, placement: Placement, inOrder: boolean, seq?: number): boolean {
    if (this.#display.mode !== 'first') {
      const painted = this.#painter.paint(id, text, category, placement);
      if (!painted) return false;
      this.store.add(painted, placement.nodes);
      this.#dirtySinceNotify = true;
      return true;
    }
    const current = this.#firstOf.get(id);
    let show = false;
    if (this.#firstGone.has(id)) show = false; // settled at the end of the batch
    else if (!current) show = true;
    // A match added out of order (a mutation below a paused pass) may come after one the pass finds.
    else if (!inOrder || current.seq === undefined) {
      const node = placement.nodes[0];
      const before = current.seq;
      // Both found by a pass in document order: their numbers say which comes first. Otherwise (a
      // comparison with undefined is false both ways) the document says.
      show = seq! < before! || (!(seq! > before!) && node !== undefined && precedes(node, placement.startOffset, current.range.startContainer, current.range.startOffset));
    }
    const painted = this.#painter.paint(id, text, category, placement, show);
    if (!painted) return false;
    painted.seq = seq;
    if (show && current) this.#painter.hide(current);
    if (show) this.#firstOf.set(id, painted);
    this.store.add(painted, placement.nodes);
    this.#dirtySinceNotify = true;
    return true;
  }

  /** A match left the store: if it was its term's painted first, the earliest left takes its place (#settleFirsts). */
  #forget(match: PageMatch): void {
    if (this.#firstOf.get(match.id) !== match) return;
    this.#firstOf.delete(match.id);
    this.#firstGone.add(match.id);
  }

  /**
   * Paints the earliest occurrence of each term whose painted first went in this batch: one look at
   * every match, rare (a first removed). Kept per term, the occurrences cost every page load a set
   * for each term it holds (~10 KB of young objects on a8, bringing the page's scavenges sooner).
   */
  #settleFirsts(): void {
    const gone = this.#firstGone;
    if (gone.size === 0) return;
    const earliest = new Map<string, PageMatch>();
    this.store.values().forEach((match) => {
      const { id, range } = match;
      const before = earliest.get(id);
      if (gone.has(id) && (!before || precedes(range.startContainer, range.startOffset, before.range.startContainer, before.range.startOffset))) earliest.set(id, match);
    });
    earliest.forEach((match, id) => {
      const index = entryIndexOf(id, this.#glossary.version);
      this.#painter.show(match, categoryAt(index === undefined ? undefined : categoryOf(this.#glossary, index)));
      this.#firstOf.set(id, match);
    });
    gone.clear();
  }

  /** Sends queued ambiguous candidates to segmentation, in requests of bounded size. */
  #sendCandidates(): void {
    while (this.#unsent.length > 0) {
      const batch: Candidate[] = [];
      let text = '';
      const spans: Span[] = [];
      while (this.#unsent.length > 0 && spans.length < MAX_CONFIRM_SPANS) {
        const candidate = this.#unsent[0];
        if (!candidate) break;
        if (text.length + candidate.window.length + 1 > MAX_CONFIRM_TEXT && spans.length > 0) break;
        this.#unsent.shift();
        if (candidate.stale) continue;
        const start = text.length + candidate.spanStart;
        // With its entry key: the badge's count rides along (src/page/session.ts).
        spans.push({ start, end: start + candidate.text.length, id: candidate.id });
        // A line break between windows keeps jieba from joining the end of one to the next.
        text += candidate.window + '\n';
        batch.push(candidate);
      }
      if (batch.length === 0) continue;
      this.#inflight++;
      // What this pass painted shows together with what segmentation confirms: one repaint.
      const release = this.#painter.hold?.();
      const settle = (confirmed: readonly boolean[]): void => {
        this.#inflight = Math.max(0, this.#inflight - 1);
        this.#applyConfirmed(batch, confirmed);
        release?.();
        // The last answer is told even if it confirmed nothing: whoever waited for segmentation to
        // end (the page's count for the badge, src/page/session.ts) hears that it did.
        if (!this.#stopped) this.#notify(this.#inflight === 0);
        this.#resolveIfSettled();
      };
      this.#confirm(text, spans).then(settle, () => settle([]));
    }
  }

  #applyConfirmed(batch: Candidate[], confirmed: readonly boolean[]): void {
    if (this.#stopped) return;
    let changed = false;
    batch.forEach((candidate, index) => {
      const { nodes } = candidate.placement;
      for (const node of nodes) {
        const list = this.#pendingByNode.get(node);
        if (!list) continue;
        const kept = list.filter((c) => c !== candidate);
        if (kept.length > 0) this.#pendingByNode.set(node, kept);
        else this.#pendingByNode.delete(node);
      }
      // Unconfirmed (or segmentation unavailable): leave it unpainted. A missed mark beats a wrong one.
      if (candidate.stale || confirmed[index] !== true) return;
      if (!nodes.every((n) => n.isConnected)) return;
      this.store.unordered();
      // Out of order: a confirmed match earlier than its term's painted first becomes the first.
      if (this.#add(candidate.id, candidate.text, candidate.category, candidate.placement, false, candidate.seq)) changed = true;
    });
    this.#settleFirsts();
    if (this.#painter.mutatesDom) this.#tracker.discardPending();
    if (changed) this.#dirtySinceNotify = true;
  }

  #discardCandidates(): void {
    for (const candidate of this.#unsent) candidate.stale = true;
    this.#unsent = [];
    for (const list of this.#pendingByNode.values()) for (const candidate of list) candidate.stale = true;
    this.#pendingByNode.clear();
  }

  #notify(force: boolean): void {
    if (!force && !this.#dirtySinceNotify) return;
    this.#dirtySinceNotify = false;
    this.store.changed();
    this.#onChange?.();
  }

  /** Puts matches in document order: one walk over the page's text nodes, then a sort. */
  #documentOrder(matches: Iterable<PageMatch>): PageMatch[] {
    const position = new Map<Node, number>();
    let index = 0;
    forEachTextNode(this.#doc, (text) => position.set(text, index++));
    const list = [...matches];
    const key = (m: PageMatch): number => position.get(m.range.startContainer) ?? Infinity;
    return list.sort((a, b) => key(a) - key(b) || a.range.startOffset - b.range.startOffset);
  }
}
