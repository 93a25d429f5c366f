// The part of the tooltip that stays in the content script: it watches for the three things that open
// a tooltip — the pointer resting on a term, the stepping shortcut, the popup's `tifa:reveal` — and
// only then loads the tooltip UI (ui-hook.ts), hands over what it saw and steps aside. Most pages are
// read without ever opening a tooltip, and every frame of every page pays for what the content
// script holds: the UI's code and stylesheet are loaded where a reader first needs them.
import { onAbort } from '@/src/messages';
import { hitTest, shadowRootsOf } from '@/src/page/hit-test';
import type { PageMatch } from '@/src/page/types';
import type { StartTooltip, TooltipController, TooltipOptions } from './tooltip';

/** Scrolls to the next occurrence of an entry and opens its tooltip (`tifa:reveal`); false when there is none. */
export type Reveal = (id: string) => Promise<boolean> | boolean;

/**
 * Starts watching for the first tooltip; `load` fetches the tooltip UI. Loading starts as soon as the
 * pointer comes to rest on a term, so the hover delay runs while the UI loads and the first tooltip
 * opens as fast as any other. Everything stops when `options.signal` aborts. Returns the reveal
 * function, which loads the UI when there is something to reveal.
 */
export function startLazyTooltip(options: TooltipOptions, load: () => Promise<StartTooltip>): Reveal {
  const { matches, glossary, signal } = options;
  const doc = document;
  const win = window;
  let loading: Promise<TooltipController | undefined> | undefined;
  let pointer = { x: 0, y: 0 };
  let frame = 0;
  /** The term under the resting pointer and since when it has been there. */
  let resting: { match: PageMatch; since: number } | undefined;
  // Found on demand and forgotten on every rescan: most rescans happen with the pointer elsewhere.
  let shadowRoots: ShadowRoot[] | undefined;
  const unsubscribe = matches.subscribe(() => (shadowRoots = undefined));

  function ensureLoaded(): Promise<TooltipController | undefined> {
    loading ??= load().then(
      (start) => {
        if (signal.aborted) return undefined;
        detach();
        const controller = start(options);
        if (resting) controller.hoverAt(pointer.x, pointer.y, performance.now() - resting.since);
        return controller;
      },
      (error: unknown) => {
        // The next term the pointer rests on tries again (the background may have been restarting).
        loading = undefined;
        console.warn('Tifa:', error); // "tooltip-ui not injected" (src/messages.ts)
        return undefined;
      },
    );
    return loading;
  }

  function onPointerMove(event: MouseEvent): void {
    pointer = { x: event.clientX, y: event.clientY };
    if (!frame) frame = win.requestAnimationFrame(checkPointer);
  }

  function checkPointer(): void {
    frame = 0;
    // Nothing painted: the common case on most pages costs nothing more. (Not list(): putting the
    // matches in document order walks the page, too much for a pointer move.)
    if (matches.count() === 0) return;
    shadowRoots ??= shadowRootsOf(matches.values());
    const hit = hitTest(doc, pointer.x, pointer.y, matches, shadowRoots);
    if (!hit) {
      resting = undefined;
      return;
    }
    // The same object while the page is not rescanned; a rescan at worst restarts the hover delay.
    if (resting?.match === hit.match) return;
    resting = { match: hit.match, since: performance.now() };
    // The entry's text comes from the background: fetch it while the hover delay runs, like the UI.
    void glossary.load(hit.match.id).catch(() => undefined);
    void ensureLoaded();
  }

  function onKeyDown(event: KeyboardEvent): void {
    // A likely stepping key (Alt+Shift+. or ,) on a page with terms: the loaded tooltip decides on it
    // (modifiers, a focused field). Only this first press is not preventDefault-ed, which changes
    // nothing outside fields, where these keys do nothing by default.
    if (!event.altKey || !event.shiftKey || !/^(Period|Comma)$/.test(event.code) || matches.count() === 0) return;
    void ensureLoaded().then((tooltip) => tooltip?.keyDown(event));
  }

  // Until the UI is in, or for good when the content script stops.
  const listening = new AbortController();
  win.addEventListener('mousemove', onPointerMove, { capture: true, passive: true, signal: listening.signal });
  win.addEventListener('keydown', onKeyDown, { signal: listening.signal });
  onAbort(signal, detach);

  /** The loaded tooltip listens for itself from here on (until `signal` aborts). */
  function detach(): void {
    unsubscribe();
    win.cancelAnimationFrame(frame);
    listening.abort();
  }

  // Loads the UI only when the entry is on the page; the loaded tooltip then answers for itself.
  return (id) =>
    glossary.has(id) && [...matches.values()].some((m) => m.id === id) && ensureLoaded().then((tooltip) => !!tooltip?.reveal(id));
}
