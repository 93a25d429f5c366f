// Explains a term on hover and by keyboard. Highlights are not elements, so the tooltip follows the
// pointer with its own hit-test (src/page/hit-test.ts) and opens after a short delay; it stays
// while the pointer moves into it, pins on click, and closes on Escape, scroll, a click elsewhere,
// or when its term leaves the page. The content script loads this module on demand (lazy.ts): the
// returned controller takes over the pointer, key press or reveal request that caused the load.
import type { Entry } from '@/src/glossary/schema';
import type { Settings } from '@/src/settings/settings';
import { hitTest, rectAtPoint, shadowRootsOf, toLiveRange } from '@/src/page/hit-test';
import type { GlossaryView, MatchBounds, MatchIndex, PageMatch } from '@/src/page/types';
import { answerRequests, parseRequest, sendRequest, type Box } from '@/src/messages';
import { framePath } from './frame-path';
import { createHost, HEADING_ID, type TooltipHost } from './host';
import { currentMark } from './current-mark';
import { placeTooltip, type Placement } from './position';
import { announcement, copyEnglish, COPY_KEY, MORE_KEY, pairShortItems, renderEntry, SIMPLIFIED, toggleDetails, type Chinese, type Language } from './render';
import { looksDark } from './theme';

type TooltipSettings = Pick<Settings, 'language' | 'hoverDelayMs'>;

export interface TooltipOptions {
  matches: MatchIndex;
  glossary: GlossaryView;
  /** The current settings; a function when they can change while the page is open. */
  settings: TooltipSettings | (() => TooltipSettings);
  /** Opens the options page at an entry; by default the tooltip asks the background (`tifa:open-options`). */
  openOptions?(entryId: string): void;
  /** The content script's lifetime: when it aborts, the tooltip stops listening and goes. */
  signal: AbortSignal;
  /** The top frame's frame host: a small frame's tooltip shown here closed on its own (not at that frame's request). */
  onFrameTermClosed?(frameId: number): void;
}

/** A small frame's term, explained here in the top frame (src/tooltip/frame-host.ts). */
interface FrameTerm {
  frameId: number;
  /** The element in this document that holds the frame (or the frame holding it). */
  element: Element;
  /** The term's box in this viewport. */
  anchor: DOMRect;
  entry: Entry;
  text: string;
  /** The page's text around the term in its frame. */
  sample: string;
  dark: boolean;
  announce: boolean;
  /** When the pointer last moved in the frame (`Date.now()`). */
  movedAt: number;
}

/**
 * Below this size a sub-frame's tooltip is shown by the top frame (if it can: frame-host.ts): the
 * compact tooltip is up to 460 px wide with an 8 px margin each side, and up to about 450 px tall.
 */
const SMALL_FRAME = { width: 476, height: 480 };

/** How long the tooltip waits after the pointer leaves the term, so it can be reached. */
const LEAVE_GRACE_MS = 300;
/** Scroll events our own scrollIntoView causes arrive a frame or two later; they must not close it. */
const OWN_SCROLL_MS = 250;
/**
 * How long a tooltip on a traditional-character page waits for its Chinese in that script (the
 * background converts it; the first time after the worker started it builds its converters): past
 * this it opens in simplified characters and changes over when the conversion arrives.
 */
const SCRIPT_WAIT_MS = 1500;
/** How much of the details comes into view when they are shown below the fold: a few lines. */
const DETAILS_LINES_PX = 96;
/** The language tags of the Chinese the background converts to (src/glossary/script.ts). */
const SCRIPT_LANG = { tw: 'zh-Hant-TW', hk: 'zh-Hant-HK' } as const;

/**
 * The tallest a tooltip is before the reader asks for more: about half the viewport, so the page
 * stays readable around it (a small frame still gets room for the essentials).
 */
const compactCap = (viewportHeight: number): number => Math.max(viewportHeight / 2, Math.min(280, viewportHeight - 16));

export interface TooltipController {
  /**
   * The pointer is at (x, y) and has rested over the term there for `restedMs` (seen before this module
   * was loaded): the tooltip opens once the rest of the hover delay has passed.
   */
  hoverAt(x: number, y: number, restedMs: number): void;
  /** A key press the tooltip did not see (it came before the module was loaded): the stepping keys. */
  keyDown(event: KeyboardEvent): void;
  /** Scrolls to the next occurrence of an entry and opens it (`tifa:reveal`); false when none. */
  reveal(id: string): boolean;
  /** Shows a small frame's term here (the top frame's frame host); false when it declines (the pointer has left that frame, or another tooltip is pinned). */
  showFrameTerm(term: FrameTerm): boolean;
  /** Closes that frame's tooltip: `force` unless the pointer only left the term (then a tooltip the pointer reached, pinned or opened by keyboard stays). */
  closeFrameTerm(frameId: number, force: boolean): void;
  /** A key or click in that frame for its tooltip shown here. */
  frameAct(frameId: number, action: 'more' | 'copy' | 'pin'): void;
}

export type StartTooltip = (options: TooltipOptions) => TooltipController;

interface Shown {
  match: PageMatch;
  entry: Entry;
  anchor: DOMRect;
  chinese: Chinese;
  /** The details are shown (the reader asked for more). */
  expanded: boolean;
  side?: Placement['side'];
  /** In the top frame: the small frame this term is in. */
  frame?: FrameTerm;
  /** In a small frame: the top frame shows this tooltip. */
  remote?: boolean;
}

export function startTooltip(options: TooltipOptions): TooltipController {
  const { matches, glossary, signal } = options;
  const doc = document;
  const win = window;
  const settings = () => (typeof options.settings === 'function' ? options.settings() : options.settings);

  let ui: TooltipHost | undefined;
  let shown: Shown | undefined;
  let pinned = false;
  /** Opened by keyboard: the pointer resting elsewhere must not close it. */
  let fromKeyboard = false;
  let pending: { match: PageMatch; timer: number } | undefined;
  let hideTimer = 0;
  let frame = 0;
  /** Where the pointer last moved in this document, and when (`Date.now()`, which frames in other processes share). */
  let pointer = { x: 0, y: 0, overTooltip: false, movedAt: 0 };
  let ownScrollUntil = 0;
  /** Bumped by every open and close: an entry that arrives late opens only if nothing happened since. */
  let loading = 0;
  let shadowRoots = shadowRootsOf(matches.values());
  const mark = currentMark(doc);
  /** Whether the last tooltip's surroundings were in traditional characters: then the next one waits for its conversion too. */
  let traditionalPage = false;

  const cancelPending = () => {
    if (pending) win.clearTimeout(pending.timer);
    pending = undefined;
  };
  const cancelHide = () => {
    win.clearTimeout(hideTimer);
    hideTimer = 0;
  };

  /**
   * `force`: closed by the reader or the page; otherwise the pointer left the term, which matters only
   * to a tooltip the top frame shows for this frame. `quiet`: the other frame already knows (it asked
   * for the close, or closed its side), so it is not told.
   */
  function close(force = true, quiet = false): void {
    loading++;
    cancelPending();
    cancelHide();
    if (!shown) return;
    const was = shown;
    shown = undefined;
    pinned = false;
    mark.clear();
    if (was.remote && !quiet) void sendRequest({ type: 'tifa:frame-tooltip', op: 'close', force }).catch(() => undefined);
    if (was.frame && !quiet) options.onFrameTermClosed?.(was.frame.frameId);
    lowerUi();
  }

  function lowerUi(): void {
    if (!ui?.host.isConnected) return;
    ui.panel.classList.remove('open', 'pinned');
    ui.panel.replaceChildren();
    ui.live.textContent = '';
    // Out of the page until the next tooltip: a page sees Tifa's element only while one is shown.
    ui.lower();
  }

  /** The top frame closed this frame's tooltip, or the pointer left the frame for it: the top frame looks after it now. */
  function forgetRemote(): void {
    if (shown?.remote) close(true, true);
  }

  function open(match: PageMatch, anchor: DOMRect, announce: boolean, frame?: FrameTerm): void {
    cancelPending();
    cancelHide();
    const entry = frame?.entry ?? glossary.entry(match.id);
    if (!entry) {
      // Entries come from the background on first use: open once it arrives, unless something else
      // was opened or the tooltip closed meanwhile.
      const ticket = ++loading;
      void glossary.load(match.id).then(
        (loaded) => {
          if (loaded && ticket === loading) open(match, anchor, announce);
        },
        () => undefined,
      );
      return;
    }
    if (!frame && win !== win.top && (win.innerWidth < SMALL_FRAME.width || win.innerHeight < SMALL_FRAME.height)) {
      showInTop(match, entry, anchor, announce);
      return;
    }
    openHere(match, entry, anchor, announce, frame);
  }

  /** A small frame's tooltip goes to the top frame, where it can be read; here if that fails. */
  function showInTop(match: PageMatch, entry: Entry, anchor: DOMRect, announce: boolean): void {
    const ticket = ++loading;
    const path = framePath(win);
    if (!path) {
      openHere(match, entry, anchor, announce);
      return;
    }
    const box: Box = { left: anchor.left, top: anchor.top, width: anchor.width, height: anchor.height };
    const element = match.range.startContainer.parentElement;
    void sendRequest({
      type: 'tifa:frame-tooltip',
      op: 'show',
      path,
      anchor: box,
      entry,
      text: match.text,
      sample: textAround(match),
      dark: looksDark(element, win),
      announce,
      language: settings().language,
      movedAt: announce ? 0 : pointer.movedAt,
    })
      .catch(() => ({ shown: false, declined: false }))
      .then(({ shown: inTop, declined }) => {
        if (ticket !== loading || declined) return;
        if (!inTop) {
          openHere(match, entry, anchor, announce);
          return;
        }
        lowerUi();
        pinned = false;
        fromKeyboard = announce;
        shown = { match, entry, anchor, chinese: SIMPLIFIED, expanded: false, remote: true };
        if (announce) mark.show(match.range);
        else mark.clear();
      });
  }

  function openHere(match: PageMatch, entry: Entry, anchor: DOMRect, announce: boolean, frame?: FrameTerm): void {
    const ticket = ++loading;
    const { language } = settings();
    const asked = chineseOf(frame?.sample ?? textAround(match), entry, language);
    const show = (chinese: Chinese) => {
      if (ticket === loading) display(match, entry, anchor, announce, chinese, frame);
    };
    // A term written in traditional characters (a form derived from the glossary's), or a page that
    // was in them a moment ago: wait a little for the Chinese in that script rather than change
    // over in front of the reader.
    if (writtenOtherwise(match, entry) || traditionalPage) {
      let late = false;
      const timer = win.setTimeout(() => {
        late = true;
        show(SIMPLIFIED);
      }, SCRIPT_WAIT_MS);
      void asked.then((chinese) => {
        win.clearTimeout(timer);
        if (!late) show(chinese);
        else if (chinese !== SIMPLIFIED) convertShown(match, chinese);
      });
    } else {
      show(SIMPLIFIED);
      void asked.then((chinese) => chinese !== SIMPLIFIED && convertShown(match, chinese));
    }
  }

  /** The glossary's Chinese in the script of `sample`, the page around the term (asked of the background; simplified if that fails). */
  async function chineseOf(sample: string, entry: Entry, language: Language): Promise<Chinese> {
    // The strings the tooltip would show in Chinese: rendering once with a collecting converter finds them all.
    const texts = new Set<string>();
    const collect: Chinese = { convert: (text) => (texts.add(text), text), lang: SIMPLIFIED.lang };
    renderEntry(doc, entry, { language, headingId: '', onEdit: () => undefined, chinese: collect });
    announcement(entry, language, collect);
    try {
      const answer = await sendRequest({ type: 'tifa:in-page-script', sample, texts: [...texts] });
      traditionalPage = answer.script !== 'simplified';
      if (answer.script === 'simplified') return SIMPLIFIED;
      const converted = new Map([...texts].map((text, i) => [text, answer.texts[i] ?? text]));
      return { convert: (text) => converted.get(text) ?? text, lang: SCRIPT_LANG[answer.script] };
    } catch {
      return SIMPLIFIED;
    }
  }

  /** The shown tooltip again, in the page's script, if it still explains `match`. */
  function convertShown(match: PageMatch, chinese: Chinese): void {
    if (!ui || !shown || shown.match !== match) return;
    shown.chinese = chinese;
    render();
    place();
  }

  function display(match: PageMatch, entry: Entry, anchor: DOMRect, announce: boolean, chinese: Chinese, frame?: FrameTerm): void {
    ui ??= createHost(doc);
    const { panel, live } = ui;
    const { language } = settings();
    pinned = false;
    fromKeyboard = announce;
    shown = { match, entry, anchor, chinese, expanded: false, frame };
    render();
    const element = frame ? frame.element : match.range.startContainer.parentElement;
    panel.classList.toggle('dark', frame ? frame.dark : looksDark(element, win));
    panel.classList.remove('pinned');
    panel.classList.add('open');
    // Inside an open modal dialog everything outside it is inert: the tooltip must live in the dialog
    // to be reachable by the pointer. Elsewhere it is a direct child of <html>.
    const modal = element?.closest('dialog');
    const inserted = ui.raise(modal && modal.matches(':modal') ? modal : doc.documentElement);
    place();
    // Stepping through the page, the reader sees which occurrence is the current one (a frame marks its own).
    if (announce && !frame) mark.show(match.range);
    else mark.clear();

    if (announce) {
      const text = announcement(entry, language, chinese);
      // A live region announces changes, not its first content: one just put in the page (each
      // tooltip's, as the host leaves the page on close) gets a moment to register.
      const current = shown;
      if (inserted) win.setTimeout(() => shown === current && (live.textContent = text), 100);
      else live.textContent = text;
    }
  }

  /** Fills the panel with the shown entry. */
  function render(): void {
    if (!ui || !shown) return;
    const { match, entry, chinese, expanded } = shown;
    const { language } = settings();
    ui.panel.replaceChildren(
      renderEntry(doc, entry, {
        language,
        matchedText: match.text,
        headingId: HEADING_ID,
        chinese,
        expanded,
        onEdit: () =>
          options.openOptions
            ? options.openOptions(entry.id)
            : void sendRequest({ type: 'tifa:open-options', entryId: entry.id }).catch(() => undefined),
        onToggle: (open) => {
          if (!shown) return;
          shown.expanded = open;
          // The reader asked for more: the tooltip stays until they close it, and grows (or shrinks)
          // where it is, on the same side of the term.
          pin();
          place(true);
          if (open) showDetailsStart();
        },
      }),
    );
    ui.panel.lang = language === 'en' ? 'en' : chinese.lang;
  }

  /** Scrolls the tooltip's content, if need be, so the first lines of the details just shown are in view. */
  function showDetailsStart(): void {
    const scroller = ui?.panel.querySelector<HTMLElement>('.scroll');
    const details = ui?.panel.querySelector<HTMLElement>('.details');
    if (!scroller || !details) return;
    const below = details.getBoundingClientRect().top + DETAILS_LINES_PX - scroller.getBoundingClientRect().bottom;
    if (below > 0) scroller.scrollTop += below;
  }

  /** Places the panel by its term; `keepSide` when it changed size in place (details shown or hidden). */
  function place(keepSide = false): void {
    if (!ui || !shown) return;
    const { panel } = ui;
    panel.style.maxHeight = 'none';
    panel.style.left = '0px';
    panel.style.top = '0px';
    // Measured at full height: a scrollbar left from the last placement would narrow the items.
    if (!shown.expanded) pairShortItems(panel);
    const size = panel.getBoundingClientRect();
    const viewport = { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight };
    const at = placeTooltip(shown.anchor, { width: size.width, height: size.height }, viewport, {
      // Asked for more, the tooltip may take all the room there is; until then, about half the viewport.
      cap: shown.expanded ? Infinity : compactCap(viewport.height),
      side: keepSide ? shown.side : undefined,
    });
    shown.side = at.side;
    panel.style.left = `${at.left}px`;
    panel.style.top = `${at.top}px`;
    panel.style.maxHeight = `${at.maxHeight}px`;
    panel.classList.toggle('above', at.side === 'above');
  }

  function isShown(match: PageMatch): boolean {
    return !!shown && sameMatch(shown.match, match);
  }

  // --- pointer ---------------------------------------------------------------------------------

  function onPointerMove(event: MouseEvent): void {
    pointer = { x: event.clientX, y: event.clientY, overTooltip: !!ui && event.composedPath().includes(ui.host), movedAt: Date.now() };
    if (!frame) frame = win.requestAnimationFrame(() => checkPointer());
  }

  /** `rested`: how long the pointer already rested over the term before this module took over. */
  function checkPointer(rested = 0): void {
    frame = 0;
    if (pointer.overTooltip) {
      cancelPending();
      cancelHide();
      return;
    }
    // Nothing to find and nothing open: the common case on most of the page costs nothing more.
    if (!shown && matches.count() === 0) return;
    const hit = hitTest(doc, pointer.x, pointer.y, matches, shadowRoots);
    if (hit && isShown(hit.match)) {
      cancelPending();
      cancelHide();
      return;
    }
    if (hit) {
      if (pending && sameMatch(pending.match, hit.match)) return;
      cancelPending();
      const { match, rect } = hit;
      pending = {
        match,
        timer: win.setTimeout(() => {
          // Measure again: the page may have moved under a still pointer.
          const anchor = rectAtPoint(match.range, pointer.x, pointer.y) ?? rect;
          if (!pinned || !shown) open(match, anchor, false);
          else pending = undefined;
        }, Math.max(0, settings().hoverDelayMs - rested)),
      };
      return;
    }
    cancelPending();
    if (shown && !pinned && !fromKeyboard && !hideTimer) hideTimer = win.setTimeout(() => close(false), LEAVE_GRACE_MS);
  }

  function onPointerDown(event: PointerEvent): void {
    if (shown?.remote) {
      // The tooltip is in the top frame: a click on the term pins it there, a click elsewhere here closes it.
      const hit = hitTest(doc, event.clientX, event.clientY, matches, shadowRoots);
      if (hit && isShown(hit.match)) {
        pinned = true;
        void sendRequest({ type: 'tifa:frame-tooltip', op: 'act', action: 'pin' }).catch(() => undefined);
      } else close();
      return;
    }
    if (!shown || !ui) return;
    if (event.composedPath().includes(ui.host)) {
      pin();
      return;
    }
    const hit = hitTest(doc, event.clientX, event.clientY, matches, shadowRoots);
    if (hit && isShown(hit.match)) pin();
    else close();
  }

  function pin(): void {
    cancelHide();
    pinned = true;
    ui?.panel.classList.add('pinned');
  }

  function onScroll(): void {
    if (!shown) return;
    if (performance.now() < ownScrollUntil) return;
    close();
  }

  // --- keyboard --------------------------------------------------------------------------------

  // Escape is taken in the capture phase so it closes the tooltip before a site's dialog sees it; a
  // second press reaches the page. The shortcuts are taken in the bubbling phase so a page that
  // uses them itself keeps them.
  function onEscape(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !shown) return;
    close();
    event.preventDefault();
    event.stopPropagation();
  }

  function onKeyDown(event: KeyboardEvent): void {
    const direction = stepDirection(event, doc);
    if (direction && step(direction)) {
      event.preventDefault();
      return;
    }
    // While a tooltip is open, one key shows its details and one copies its English.
    if (!shown || !isPlainKey(event, doc)) return;
    const key = event.key.toLowerCase();
    if (shown.remote) {
      const action = key === MORE_KEY ? 'more' : key === COPY_KEY ? 'copy' : undefined;
      if (!action) return;
      void sendRequest({ type: 'tifa:frame-tooltip', op: 'act', action }).catch(() => undefined);
      event.preventDefault();
      return;
    }
    if (!ui) return;
    if ((key === MORE_KEY && toggleDetails(ui.panel)) || (key === COPY_KEY && copyEnglish(ui.panel))) event.preventDefault();
  }

  /** Opens the next (1) or previous (-1) term on the page; false when there is none. */
  function step(direction: 1 | -1): boolean {
    // A long page read only near the view: the next term may lie further on. Read it all, then step.
    const rest = matches.readRest?.();
    if (rest) {
      void rest.then(() => step(direction));
      return true;
    }
    const list = matches.list().filter((m) => glossary.has(m.id));
    if (list.length === 0) return false;
    let index = shown ? list.findIndex((m) => sameMatch(m, shown!.match)) : -1;
    if (index >= 0) index = (index + direction + list.length) % list.length;
    else index = firstInView(list, direction, win.innerHeight);
    const match = list[index];
    if (!match) return false;
    reveal(match);
    return true;
  }

  /** Scrolls a match into view and opens its tooltip, announced. */
  function reveal(match: PageMatch): void {
    close();
    const rect = () => firstRect(match.range);
    const before = rect();
    if (!before || before.top < 40 || before.bottom > win.innerHeight - 40) {
      ownScrollUntil = performance.now() + OWN_SCROLL_MS;
      match.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const after = rect();
      // A tall block centred can still leave the term outside: scroll the window to the term itself.
      if (after && (after.top < 40 || after.bottom > win.innerHeight - 40)) {
        win.scrollBy({ top: after.top - win.innerHeight / 3, behavior: 'instant' });
      }
    }
    const anchor = rect();
    if (anchor) open(match, anchor, true);
  }

  function onReveal(id: string): boolean {
    const list = matches.list().filter((m) => m.id === id);
    if (list.length === 0 || !glossary.has(id)) return false;
    const current = shown ? list.findIndex((m) => sameMatch(m, shown!.match)) : -1;
    const match = list[(current + 1) % list.length];
    if (!match) return false;
    reveal(match);
    return true;
  }

  // --- page changes ----------------------------------------------------------------------------

  const unsubscribe = matches.subscribe(() => {
    const list = matches.list();
    shadowRoots = shadowRootsOf(list);
    if (!shown || shown.frame) return;
    const still = list.find((m) => sameMatch(m, shown!.match));
    if (still && still.range.startContainer.isConnected) shown.match = still;
    else close();
  });

  const onResize = () => close();

  win.addEventListener('mousemove', onPointerMove, { capture: true, passive: true, signal });
  win.addEventListener('pointerdown', onPointerDown, { capture: true, signal });
  win.addEventListener('keydown', onKeyDown, { capture: false, signal });
  win.addEventListener('keydown', onEscape, { capture: true, signal });
  win.addEventListener('scroll', onScroll, { capture: true, passive: true, signal });
  win.addEventListener('resize', onResize, { passive: true, signal });
  if (win !== win.top) {
    // The pointer left this frame: a term it crossed on the way out does not open; if it went to the
    // tooltip the top frame shows, the top frame keeps it open or closes it from here on.
    const onLeave = (event: MouseEvent) => {
      if (event.relatedTarget !== null) return;
      // A move over a term, not yet looked at (that waits for the next frame), is dropped too.
      win.cancelAnimationFrame(frame);
      frame = 0;
      cancelPending();
      forgetRemote();
    };
    doc.addEventListener('mouseout', onLeave, { passive: true, signal });
    answerRequests({ 'tifa:frame-tooltip': (message) => (message.op === 'closed' && forgetRemote(), { shown: false }) }, parseRequest, signal);
  } else {
    // Crossing from a frame to the tooltip the top frame shows for it: the pointer enters this
    // document without moving over it, so the boundary event counts as a move.
    win.addEventListener('mouseover', onPointerMove, { capture: true, passive: true, signal });
  }
  // The popup's `tifa:reveal` comes through the content script's handler table (src/page/start.ts).
  signal.addEventListener('abort', () => {
    close();
    unsubscribe();
    if (frame) win.cancelAnimationFrame(frame);
    ui?.lower();
    ui = undefined;
  });

  return {
    hoverAt(x, y, restedMs) {
      pointer = { x, y, overTooltip: false, movedAt: Date.now() };
      checkPointer(restedMs);
    },
    keyDown: onKeyDown,
    reveal: onReveal,
    showFrameTerm(term) {
      // The pointer has moved on over this page since it was over the term: it left the frame (whose
      // document may not be told). And a tooltip the reader pinned stays, as when the pointer
      // crosses another term here.
      if (pointer.movedAt > term.movedAt && !term.announce && !within(term.element.getBoundingClientRect(), pointer)) return false;
      if (pinned && shown) return false;
      // The frame's element stands in for the term: where the tooltip's dark theme and a modal dialog are looked for.
      const parent = term.element.parentNode;
      const at = parent ? Array.prototype.indexOf.call(parent.childNodes, term.element) : 0;
      const range = new StaticRange({ startContainer: parent ?? term.element, startOffset: at, endContainer: parent ?? term.element, endOffset: at + 1 });
      open({ id: term.entry.id, text: term.text, range }, term.anchor, term.announce, term);
      return true;
    },
    closeFrameTerm(frameId, force) {
      if (shown?.frame?.frameId !== frameId) return;
      if (!force && (pinned || fromKeyboard || pointer.overTooltip)) return;
      close(true, true);
    },
    frameAct(frameId, action) {
      if (!ui || shown?.frame?.frameId !== frameId) return;
      if (action === 'pin') pin();
      else if (action === 'more') toggleDetails(ui.panel);
      else copyEnglish(ui.panel);
    },
  };
}

const within = (box: DOMRect, at: { x: number; y: number }): boolean => at.x >= box.left && at.x <= box.right && at.y >= box.top && at.y <= box.bottom;

/** Two matches are the same occurrence when they cover the same text, even if rescanning made new objects. */
function sameMatch(a: PageMatch, b: PageMatch): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.range.startContainer === b.range.startContainer &&
      a.range.startOffset === b.range.startOffset &&
      a.range.endContainer === b.range.endContainer &&
      a.range.endOffset === b.range.endOffset)
  );
}

function firstRect(range: MatchBounds): DOMRect | undefined {
  const live = toLiveRange(range);
  return live && [...live.getClientRects()].find((r) => r.width > 0 && r.height > 0);
}

/** Stepping with no tooltip open starts from what the reader is looking at, not from the page top. */
function firstInView(list: readonly PageMatch[], direction: 1 | -1, viewportHeight: number): number {
  if (direction === 1) {
    const i = list.findIndex((m) => (firstRect(m.range)?.top ?? -1) >= 0);
    return i >= 0 ? i : 0;
  }
  for (let i = list.length - 1; i >= 0; i--) {
    const top = firstRect(list[i]!.range)?.top;
    if (top !== undefined && top < viewportHeight) return i;
  }
  return list.length - 1;
}

/**
 * The stepping shortcut a key press asks for: 1 for Alt+Shift+. (next term), -1 for Alt+Shift+,
 * (previous), 0 for anything else, a press the page already handled, or one typed into a field.
 */
function stepDirection(event: KeyboardEvent, doc: Document): 1 | -1 | 0 {
  if (event.defaultPrevented || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return 0;
  // Physical keys: Shift and Alt change the characters these keys produce on every layout.
  const direction = event.code === 'Period' ? 1 : event.code === 'Comma' ? -1 : 0;
  return direction && !focusIsEditable(doc) ? direction : 0;
}

/** A key pressed on its own (Shift aside) outside any field, which the page did not take. */
function isPlainKey(event: KeyboardEvent, doc: Document): boolean {
  return !event.defaultPrevented && !event.repeat && !event.altKey && !event.ctrlKey && !event.metaKey && !focusIsEditable(doc);
}

/** Whether the page shows `match` in a form the glossary does not write (a derived traditional form). */
function writtenOtherwise(match: PageMatch, entry: Entry): boolean {
  const text = match.text.trim();
  return text !== entry.term.trim() && !entry.variants.some((v) => v.trim() === text);
}

/** Up to 300 characters of the page around a match: what tells which script the page is written in. */
function textAround(match: PageMatch): string {
  const element = match.range.startContainer.parentElement;
  const text = element?.closest('p, li, td, dd, blockquote, h1, h2, h3, h4, h5, h6, article, section, div')?.textContent ?? element?.textContent ?? '';
  const at = Math.max(0, text.indexOf(match.text));
  return text.slice(Math.max(0, at - 150), at + 150) || match.text;
}

/** Keys typed into a field belong to the field: the focused element, looking through shadow roots. */
function focusIsEditable(doc: Document): boolean {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return false;
  if (active instanceof HTMLElement && active.isContentEditable) return true;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return true;
  if (active instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit'].includes(active.type);
  }
  return false;
}
