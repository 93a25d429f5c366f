// Paints matches. Main path: the CSS Custom Highlight API, one Highlight per category under names
// no page can guess, styled by a constructed stylesheet adopted by the document (and by each open
// shadow root): the page's DOM stays exactly as it was, and a strict CSP does not block it. The
// registry and the adopted sheets are the page's to read, so neither names Tifa nor what it found
// (issue 16): a page can see that something paints, not that it is Tifa or which kind of term.
// Fallback where `CSS.highlights` is missing (Firefox before 140): wrap matches in elements.
import type { Category } from '@/src/glossary/schema';
import type { MatchBounds, PageMatch } from './types';
import { randomName } from './random-name';
import type { EarlyStyle } from './early-style';
import { OwnStyle } from './own-style';
import { DEFAULT_LOOK, highlightCss, type HighlightLook } from './style';
import { loadWrapPainter } from './wrap-painter-hook';

/**
 * Where a match lies, before it is painted: the nodes it covers and its bounds in them. Bounds and
 * nodes in one object, so that the Highlight API painter keeps it as the match's range (one object a
 * match fewer: every object a first pass makes brings the page's scavenges sooner).
 */
export interface Placement extends MatchBounds {
  /** The text nodes covered, the first and last in part maybe; set anew by a painter that moves text into new nodes. */
  nodes: Text[];
}

export interface Painter {
  /**
   * Makes a match at `placement` and returns it; paints it unless `show` is false (a later
   * occurrence in the first-occurrence mode: a match for stepping, counting and hovering, painted
   * only if it becomes the first). The nodes it covers are then `placement.nodes`.
   */
  paint(id: string, text: string, category: Category, placement: Placement, show?: boolean): PageMatch | null;
  /** Paints a match made unpainted (it became the first occurrence of its term). */
  show(match: PageMatch, category: Category): void;
  /** Stops painting a match but keeps it a match (an earlier occurrence of its term turned up). */
  hide(match: PageMatch): void;
  /** Forgets a match: unpaints it if it is painted. */
  unpaint(match: PageMatch): void;
  /** Unpaints every match at once, where that is cheaper than one by one (else callers unpaint each). */
  unpaintAll?(): void;
  /** Applies highlight style settings; takes effect on everything already painted. */
  restyle(look: HighlightLook): void;
  /**
   * Puts back what the page took away: the highlights in the registry, the sheet among the
   * document's (the wrapping fallback's marks are the page's own elements: it has nothing to check).
   */
  reassert?(): void;
  /** Sets up the categories the glossary uses (styled once, with the first paint), so painting never restyles per category. */
  prepare(categories: Iterable<Category>): void;
  /** Makes the highlight style apply inside an open shadow root. */
  adopt(root: ShadowRoot): void;
  /** Removes every highlight and the stylesheet. */
  destroy(): void;
  /** Resolves once what was painted so far shows (the Highlight API painter joins ranges once a frame). */
  flushed?(): Promise<void>;
  /**
   * Holds what is painted from now on back from the screen until the returned function is called, or
   * holdUntil at the latest: while segmentation confirms a pass's ambiguous matches, so the page
   * repaints once with all of them rather than twice.
   */
  hold?(): () => void;
  /** Whether painting changes the DOM (then the caller ignores its own mutations). */
  readonly mutatesDom: boolean;
}


/** Ranges waiting to join the registry: consecutive matches of one pass, with the elements they start and end in. */
interface Band {
  ranges: Array<{ range: StaticRange; category: Category }>;
  first: Element | null;
  last: Element | null;
  /** How many times the element changed along the band (about its paragraphs). */
  elements: number;
}

/**
 * A band closes at this many matches or elements: small enough to paint only what is near (a sparse
 * glossary's 200 matches can span a quarter of a long page), few enough bands to check cheaply.
 */
const BAND_SIZE = 200;
const BAND_ELEMENTS = 24;
/** Elements above which restyling the document for a new sheet gets a frame of its own. */
const LARGE_DOCUMENT = 1000;
/**
 * A hold keeps highlights back until this time at the latest: 60 ms after the content script started
 * (the module is evaluated with it). In Date.now()'s milliseconds: the first touch of `performance`
 * costs ~0.07 ms in the extension's world, which a frame without Chinese text would pay for nothing.
 * Warm, segmentation answers an article's first pass ~45–60 ms after the start, so the terms it
 * confirms show in the same frame as the rest. A worker starting cold (jieba loads for ~0.5–1 s)
 * keeps the first marks back no longer than that (a hold of 100 ms from the request put the cold
 * page's first paint 164 ms after the start), and not at all where the page read that it is cold
 * (holdNothing): they show, and the confirmed ones join them later. Later passes (the page
 * changing) do not hold.
 */
let holdUntil = Date.now() + 60;

/**
 * Holds nothing back from now on: the page read that segmentation will not answer soon (the worker
 * is cold: SEGMENTER_COLD_AFTER_MS in src/settings/session-copy.ts), so the first marks show as
 * soon as they are ready and the confirmed ones join them when jieba has loaded.
 */
export function holdNothing(): void {
  holdUntil = 0;
}

/**
 * Highlights change the page's rendering as a whole: each change of the registry makes the next frame
 * re-validate every painted range (Chromium's pre-paint), so adding ranges in many small batches
 * costs the page far more than adding them once. So painted matches are queued, and joined to the
 * registry at most once a frame; and on a long page only what lies within a screen of the viewport
 * joins, the rest when scrolling brings it near. Matches are in the match store at once either way,
 * so the page report, hit-testing and keyboard stepping never wait for paint.
 */
class PaintSchedule {
  readonly #win: Window;
  /** Joins ranges to the registry; false: not now (the painter restyled the page instead), next frame. */
  readonly #commit: (band: Band['ranges']) => boolean | void;
  #bands: Band[] = [];
  #open: Band | null = null;
  #queued = new Set<StaticRange>();
  #frame = 0;
  #timer = 0;
  #holds = 0;
  /** Aborted to stop listening for scrolls (fewer bytes than removing each listener). */
  #listening: AbortController | undefined;

  constructor(win: Window, commit: (band: Band['ranges']) => boolean | void) {
    this.#win = win;
    this.#commit = commit;
  }

  add(range: StaticRange, category: Category, anchor: Element | null): void {
    let band = this.#open;
    if (!band || band.ranges.length >= BAND_SIZE || band.elements >= BAND_ELEMENTS) {
      band = this.#open = { ranges: [], first: anchor, last: anchor, elements: 1 };
      this.#bands.push(band);
    }
    band.ranges.push({ range, category });
    if (anchor && anchor !== band.last) {
      band.last = anchor;
      band.elements++;
    }
    this.#queued.add(range);
    this.#schedule();
  }

  /** Flushes nothing until every release returned so far was called, or holdUntil came. */
  hold(): () => void {
    const limit = holdUntil - Date.now();
    if (limit <= 0) return () => undefined;
    this.#holds++;
    this.#cancel();
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      this.#win.clearTimeout(timer);
      if (--this.#holds === 0 && this.#queued.size > 0) this.#schedule();
    };
    const timer = this.#win.setTimeout(release, limit);
    return release;
  }

  /** Drops a queued range; false if it was not queued (it may be painted). */
  drop(range: StaticRange): boolean {
    return this.#queued.delete(range);
  }

  clear(): void {
    this.#bands = [];
    this.#open = null;
    this.#queued.clear();
    this.#stopListening();
  }

  #schedule(): void {
    if (this.#frame || this.#timer || this.#holds > 0) return;
    const win = this.#win;
    // The next frame, or a task if no frame comes soon (a hidden tab gets none; it renders nothing
    // until shown, so painting there costs no frame).
    const hidden = win.document.visibilityState === 'hidden';
    this.#timer = win.setTimeout(() => this.#flush(), hidden ? 0 : 100);
    if (!hidden) this.#frame = win.requestAnimationFrame(() => this.#flush());
  }

  /** Resolves once what is queued now was joined to the registry or left for later (far off). */
  flushed(): Promise<void> {
    if (!this.#frame && !this.#timer && !(this.#holds > 0 && this.#queued.size > 0)) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #waiters: Array<() => void> = [];

  #cancel(): void {
    if (this.#frame) this.#win.cancelAnimationFrame(this.#frame);
    if (this.#timer) this.#win.clearTimeout(this.#timer);
    this.#frame = this.#timer = 0;
  }

  #flush(): void {
    this.#cancel();
    for (const resolve of this.#waiters.splice(0)) queueMicrotask(resolve);
    // The open band may still grow (the pass is not done): it is checked like the others.
    const height = this.#win.innerHeight || 800;
    const waiting: Band[] = [];
    const ready: Band['ranges'] = [];
    for (const band of this.#bands) {
      if (this.#near(band, height)) {
        for (const item of band.ranges) if (this.#queued.delete(item.range)) ready.push(item);
        if (band === this.#open) this.#open = null;
      } else {
        waiting.push(band);
      }
    }
    this.#bands = waiting;
    if (ready.length > 0 && this.#commit(ready) === false) {
      // Put back as a band of their own, painted in the next frame whatever its place.
      this.#bands.unshift({ ranges: ready, first: null, last: null, elements: 0 });
      for (const item of ready) this.#queued.add(item.range);
      this.#schedule();
    }
    if (waiting.length > 0) this.#listen();
    else this.#stopListening();
  }

  /** Whether any of the band lies within a screen above or below the viewport (or cannot be placed). */
  #near(band: Band, height: number): boolean {
    const { first, last } = band;
    if (!first || !last || !first.isConnected || !last.isConnected) return true;
    const top = first.getBoundingClientRect().top;
    const bottom = last.getBoundingClientRect().bottom;
    // Nothing laid out (display: none, a detached frame): nothing to see, so nothing to save.
    if (top === 0 && bottom === 0) return true;
    return bottom >= -height && top <= 2 * height;
  }

  #listen(): void {
    if (this.#listening) return;
    // Capture: scrolling inside any scroller of the page counts too.
    const options = { capture: true, passive: true, signal: (this.#listening = new AbortController()).signal };
    const schedule = () => this.#schedule();
    this.#win.addEventListener('scroll', schedule, options);
    this.#win.addEventListener('resize', schedule, options);
  }

  #stopListening(): void {
    this.#listening?.abort();
    this.#listening = undefined;
  }

  destroy(): void {
    this.clear();
    this.#cancel();
    for (const resolve of this.#waiters.splice(0)) resolve();
  }
}

class HighlightPainter implements Painter {
  readonly mutatesDom = false;
  readonly #highlights = new Map<Category, Highlight>();
  /** Each category's registry name: random (src/page/random-name.ts). */
  readonly #names = new Map<Category, string>();
  readonly #style: OwnStyle;
  readonly #schedule: PaintSchedule;
  readonly #doc: Document;
  #look: HighlightLook;
  /** Whether the sheet and the registry hold every prepared category yet. */
  #styled = true;

  constructor(doc: Document, look: HighlightLook, styleNow?: readonly Category[], early?: EarlyStyle) {
    this.#doc = doc;
    this.#look = look;
    // Adopted now where the caller says which categories to style (paintStyledNow), else with the
    // first paint (#applyStyle), or a frame before it on a large document: a change of the document's
    // sheets restyles it.
    // `early`: the document's sheet adopted as the page started (src/page/early-style.ts), where
    // there is one: with its names, the CSS below is the CSS in it, so nothing is written or adopted
    // again. (Left in its slot: an instance of the content script that takes over from this one
    // finds its names used up, and writes new ones into the same sheet.)
    this.#style = early?.style ?? new OwnStyle();
    const win = doc.defaultView ?? window;
    this.#schedule = new PaintSchedule(win, (ranges) => {
      // A new sheet restyles the whole document: on a large one (the 1 MB page, 3,300 elements:
      // ~27 ms) in a frame of its own, and the ranges join in the next, so that no frame carries
      // both. An article's restyle (~1 ms) goes with its ranges, in one frame.
      if (!this.#styled && doc.getElementsByTagName('*').length > LARGE_DOCUMENT) {
        this.#applyStyle();
        return false;
      }
      // One by one: `new Highlight(...ranges)` overflows the stack with a few hundred thousand ranges.
      for (const { range, category } of ranges) this.#highlightFor(category).add(range);
      this.#applyStyle();
    });
    // The registry and the document's adopted sheets are the page's too: a page that clears them
    // (CSS.highlights.clear(), a framework assigning its own sheets) would leave nothing painted
    // while hovering still opens tooltips. Checking costs under 10 µs (nine lookups and the
    // document's sheet list), so once a second reassert() puts back what went, called by the
    // content script's one timer (src/page/start.ts). (Shadow roots are not checked: each costs a
    // few µs more, and components assign their sheets before Tifa sees their roots.)
    if (styleNow) {
      this.prepare(styleNow, early?.names);
      this.#applyStyle();
    }
  }

  /** Registers each category's highlight where the registry lacks it (or another took its name); re-adopts the document's sheet. */
  reassert(): void {
    for (const [category, name] of this.#names) {
      const highlight = this.#highlights.get(category);
      if (highlight && CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
    this.#style.adopt(this.#doc);
  }

  #highlightFor(category: Category): Highlight {
    let highlight = this.#highlights.get(category);
    if (!highlight) {
      this.prepare([category]);
      highlight = this.#highlights.get(category) as Highlight;
    }
    return highlight;
  }

  /** `names`: registry names to use first (the early sheet's), in the order of `categories`. */
  prepare(categories: Iterable<Category>, names?: string[]): void {
    const before = this.#highlights.size;
    for (const category of categories) {
      if (this.#highlights.has(category)) continue;
      this.#highlights.set(category, new Highlight());
      this.#names.set(category, names?.shift() ?? randomName());
    }
    if (this.#highlights.size === before) return;
    // Written when the first ranges that need it are committed (see the constructor): a new sheet
    // restyles the whole document, which on all but large documents then happens in the frame that
    // paints them.
    this.#styled = false;
  }

  #applyStyle(): void {
    if (this.#styled) return;
    this.#styled = true;
    this.#style.set(highlightCss(this.#look, this.#names));
    this.reassert();
  }

  paint(id: string, text: string, category: Category, placement: Placement, show = true) {
    // Plain bounds until painted (see PageMatch.range): show() makes the StaticRange.
    const match: PageMatch = { id, text, range: placement };
    if (show) this.show(match, category);
    return match;
  }

  show(match: PageMatch, category: Category): void {
    // Through the schedule like any paint: joins the registry with the frame's other changes. A
    // match made unpainted has plain bounds: its StaticRange is made now.
    const range = (match.range = match.range instanceof StaticRange ? match.range : new StaticRange(match.range));
    this.#schedule.add(range, category, range.startContainer.parentElement);
  }

  hide(match: PageMatch): void {
    this.unpaint(match);
  }

  unpaint(match: PageMatch): void {
    const { range } = match;
    // Plain bounds were never painted (and a Highlight throws on what is not a range).
    if (!(range instanceof StaticRange) || this.#schedule.drop(range)) return;
    // Cheaper than remembering each match's highlight: painting is far more frequent than this.
    for (const highlight of this.#highlights.values()) if (highlight.delete(range)) return;
  }

  /** Resolves once the matches painted so far are in the registry (or deferred as far off). */
  flushed(): Promise<void> {
    return this.#schedule.flushed();
  }

  hold(): () => void {
    return this.#schedule.hold();
  }

  unpaintAll(): void {
    this.#schedule.clear();
    for (const highlight of this.#highlights.values()) highlight.clear();
  }

  restyle(look: HighlightLook): void {
    this.#look = look;
    this.#style.set(highlightCss(look, this.#names));
    this.#style.reassert();
  }

  adopt(root: ShadowRoot): void {
    this.#style.adopt(root);
  }

  destroy(): void {
    this.#schedule.destroy();
    for (const name of this.#names.values()) CSS.highlights.delete(name);
    this.#highlights.clear();
    this.#names.clear();
    this.#style.destroy();
  }
}

const hasHighlightApi = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/**
 * A Highlight API painter whose sheet, in the default look with a rule for each of `categories`, is
 * adopted now (undefined without the API). Made as the content script starts in a frame with Chinese
 * text: on an article Chromium runs the page's first style and layout right after its content scripts,
 * so a sheet adopted then is part of that first restyle; adopted with the first paint (after the
 * storage read) it made Chromium restyle the whole page once more. A page parsed in several chunks
 * (long, or with scripts of its own) is styled and laid out before the script: where its title is
 * Chinese, the sheet was adopted as it started to parse (src/page/early-style.ts) and is taken over
 * here; elsewhere a sheet adopted now still restyles it (~20–25 ms on the 1 MB page), in the task
 * after the script's, so the first highlights do not wait a frame for it. (How many
 * rules the sheet holds made no difference to that restyle: 1, 3 or 9 took the same.) The session's
 * first painter is this one; a frame that paints nothing (its site switched off) destroys it. A look
 * other than the default (known after the storage read) rewrites the sheet, as any change of look does.
 */
export function paintStyledNow(doc: Document, categories: readonly Category[], early?: EarlyStyle): Painter | undefined {
  return hasHighlightApi() ? new HighlightPainter(doc, DEFAULT_LOOK, categories, early) : undefined;
}

/**
 * The Highlight API painter where the browser has it, else the wrapping fallback
 * (src/page/wrap-painter.ts), which every browser Tifa supports but Firefox before 140 lacks the
 * need for: it is injected into the frame only then, so no page pays for it otherwise.
 */
export async function createPainter(doc: Document, look: HighlightLook): Promise<Painter> {
  if (hasHighlightApi()) return new HighlightPainter(doc, look);
  const WrapPainter = await loadWrapPainter();
  return new WrapPainter(doc, look);
}
