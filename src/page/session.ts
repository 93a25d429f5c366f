// One page's Tifa session: scans and paints with the page glossary, keeps up with the page, the
// glossary and the settings, and answers for the page report. src/page/start.ts wires it up.
import { decodePageGlossary, entryIndexOf, PAGE_GLOSSARY_KEY, type PageGlossary } from '@/src/glossary/page-glossary';
import type { Entry } from '@/src/glossary/schema';
import { onAbort, sendRequest, type PageCount, type PageReport } from '@/src/messages';
import type { Settings } from '@/src/settings/settings';
import { createPainter, type Painter } from './paint';
import { connectFrames, countTerms, listCounts, type ReportTerms } from './report';
import { nameKeys, nameTerms } from './page-names';
import { Scanner } from './scanner';
import { rereadPageStart, watchPageSettings, watchPageValue } from '@/src/settings/session-copy';
import type { GlossaryView, MatchIndex } from './types';

/** What the page read from storage before starting (one storage call: see src/page/start.ts). */
export interface SessionBoot {
  settings: Settings;
  /**
   * The page glossary as stored (src/glossary/page-glossary.ts), decoded here. Undefined (or not one
   * this version reads) when storage held none yet: the session asks the background.
   */
  glossaryValue: unknown;
  /** False: the session starts switched off, silently, until setEnabled(true) (default true). */
  enabled?: boolean;
  /**
   * The painter made as the content script started (src/page/paint.ts, paintStyledNow): the first
   * start paints with it, and a session switched off (or without a glossary) destroys it. When the
   * signal aborts, its maker destroys it.
   */
  painter?: Painter;
}

export interface PageSession {
  /** The current matches of this frame, for the tooltip. */
  readonly index: MatchIndex;
  /** The glossary as loaded, for the tooltip. */
  readonly glossary: GlossaryView;
  /** Current settings (updated live). */
  settings(): Settings;
  /** Whether Tifa is on for this page. */
  readonly enabled: boolean;
  /** Switches highlighting on or off for this page; off removes every highlight and observer. */
  setEnabled(enabled: boolean): Promise<void>;
  /** This frame's report including same-origin child frames, in order of first appearance. */
  report(): Promise<PageReport>;
  /**
   * How many distinct terms the report would list (none when off), and whether part of the page is
   * still unread so there may be more: what the badge shows.
   */
  count(): PageCount;
  /** The key this page gives the entry with `id` (the popup's reveal), if the glossary has it. */
  keyOf(id: string): Promise<string | undefined>;
  /** Puts back the highlights and the sheet if the page took them away (the painter's reassert). */
  reassert(): void;
  /** Resolves when the first pass (after the glossary loaded) is done. */
  readonly ready: Promise<void>;
}

/** Starts a session that runs until `signal` aborts (extension reloaded or updated): then it stops for good. */
export function startSession(doc: Document, boot: SessionBoot, signal: AbortSignal): PageSession {
  const isTop = doc.defaultView === doc.defaultView?.top;
  let settings = boot.settings;
  let enabled = boot.enabled ?? true;
  let earlyPainter = boot.painter;
  /** Destroys the early painter if no start took it (switched off first): its sheet goes with it. */
  const dropEarlyPainter = (): void => {
    earlyPainter?.destroy();
    earlyPainter = undefined;
  };
  let glossary: PageGlossary | undefined = decodePageGlossary(boot.glossaryValue);
  const isKnown = (key: string): boolean => !!glossary && (entryIndexOf(key, glossary.version) ?? Infinity) < glossary.entryCount;
  /** Entries fetched for the tooltip, by entry key; emptied when the glossary changes. */
  let entryCache = new Map<string, Entry>();
  let painter: Painter | null = null;
  let scanner: Scanner | null = null;
  /**
   * The count last told to the background, as JSON; '' for an empty badge. A document starts with
   * one (the browser empties a tab's badge as it shows another document, this one too when it comes
   * back from the back/forward cache), so a page holding no term tells nothing: most Chinese pages
   * hold none, and the count was the only message such a page sent, which woke a stopped worker
   * (the page's own time did not move: docs/page-cost.md).
   */
  let lastTold = '';
  const indexListeners = new Set<() => void>();
  let unsubscribeStore: (() => void) | null = null;

  // The report lists terms in order of first appearance (the popup and its brief show them so);
  // the badge only needs how many there are.
  const ownTerms = (ordered?: boolean): ReportTerms =>
    scanner ? (ordered ? countTerms(scanner.store.list()) : listCounts(scanner.store.counts())) : [];
  const frames = connectFrames(doc, ownTerms, () => reportChanged());
  /**
   * How many distinct terms this frame and its same-origin frames hold (none when off), and whether a
   * long page is still partly unread: what the badge shows.
   */
  const pageCount = (): PageCount => ({ enabled, count: enabled ? frames.terms().length : 0, partial: !!scanner?.partial });

  /** Tells the background (badge) when the page's count changes (pageCount: the number, on/off, partial). */
  function reportChanged(): void {
    if (!isTop) {
      frames.changed();
      return;
    }
    // While segmentation confirms a pass's ambiguous terms (~10–20 ms), the count is about to change
    // again: it is told once, when the last answer is in (the scanner notifies then), not twice.
    if (scanner?.confirming) return;
    const now = pageCount();
    // Off, or no term: the badge is empty either way (src/background/badge.ts badgeText).
    const told = now.enabled && now.count > 0 ? JSON.stringify(now) : '';
    if (told === lastTold) return;
    lastTold = told;
    sendRequest({ type: 'tifa:report-changed', ...now }).catch(() => {
      // No receiver (background restarting): the popup asks for a fresh report anyway.
    });
  }

  // A page shown again from the back/forward cache, or a prerendered one being shown, was out of the
  // background's reach while it waited (a frozen or prerendered frame is not the tab's, which it
  // tells of changes): it reads the settings and the page glossary again, and a sub-frame asks to be
  // told again (the background forgot it, unreached). The browser also empties the tab's badge
  // whenever it shows another document, this one included: the top frame tells its count again.
  const restored = (): void => {
    if (isTop) {
      lastTold = '';
      reportChanged();
    } else sendRequest({ type: 'tifa:keep-frame' }).catch(() => undefined);
    void rereadPageStart();
  };
  // Not with a pageshow listener: it is called as every page finishes loading, in the task of its
  // load event (~0.15 ms of dispatch into this world), which a trace then counts as Tifa's with the
  // page's layout in it; nor with one for pagehide, called in the next page's commit. Chromium
  // fires `resume` on a page coming back from that cache (and on a background tab it had frozen:
  // read and told twice); Firefox has no `resume`, and listens for pageshow once a page goes into
  // the cache (added again on each such pagehide, the same listener is kept once).
  const until = { signal };
  if (import.meta.env.FIREFOX) {
    const view = doc.defaultView;
    view?.addEventListener('pagehide', (event) => event.persisted && view.addEventListener('pageshow', restored, until), until);
  } else doc.addEventListener('resume', restored, until);
  doc.addEventListener('prerenderingchange', restored, until);

  const look = () => ({ highlightStyle: settings.highlightStyle, categoryColors: settings.categoryColors });
  const display = () => ({ mode: settings.displayMode, everyday: settings.showEveryday });

  /** The start under way, shared by the callers that ask for it meanwhile. */
  let starting: Promise<void> | undefined;

  function startScanner(): Promise<void> {
    starting ??= startNow().finally(() => (starting = undefined));
    return starting;
  }

  async function startNow(): Promise<void> {
    const early = earlyPainter;
    earlyPainter = undefined;
    const created = early ?? (await createPainter(doc, look()));
    // The early painter's sheet is in the default look: the settings' may differ (else nothing is
    // written). A painter made here has the settings' look already.
    early?.restyle(look());
    // Switched off (or destroyed) while the painter loaded.
    if (!enabled || scanner) {
      created.destroy();
      return;
    }
    painter = created;
    const current = new Scanner({
      doc,
      painter,
      // The count for the badge rides along: the background counts these terms and the confirmed
      // spans' entries and tells the badge (src/background/badge.ts countRidingAlong), so a page
      // with ambiguous terms sends one message, not two. What it told is what reportChanged then
      // finds unchanged; a count that differs (a long page read in part, text changed meanwhile, a
      // sub-frame, whose count the background does not tell) is told as before. Asked here too: a
      // page switched off while segmentation worked has no scanner left to tell it, and its badge
      // was just given a count.
      confirm: (text, candidates) =>
        sendRequest({ type: 'tifa:segment-check', text, candidates, terms: frames.terms() }).then((r) => {
          lastTold = r?.told ?? lastTold;
          reportChanged();
          return r?.confirmed ?? [];
        }),
      onChange: () => reportChanged(),
      display: display(),
      // Only the top frame reads lazily: it alone answers for the page (and finishes reading when asked).
      lazy: isTop,
    });
    scanner = current;
    if (glossary) current.setGlossary(glossary);
    // Subscribers of the index follow whichever scanner is current.
    unsubscribeStore = current.store.subscribe(() => {
      for (const listener of [...indexListeners]) listener();
    });
    // Nothing goes into the page's performance timeline: the page could read it. Tests wait for the
    // page report, answered once this resolves; the benchmark reads a trace.
    return current.start().then(() => painter?.flushed?.());
  }

  function stopScanner(): void {
    scanner?.stop();
    unsubscribeStore?.();
    unsubscribeStore = null;
    painter?.destroy();
    painter = null;
    scanner = null;
    for (const listener of [...indexListeners]) listener();
  }

  function useGlossary(next: PageGlossary): void {
    glossary = next;
    entryCache = new Map();
    scanner?.setGlossary(next);
  }


  const ready = (async () => {
    for (const stop of [
      // The background rewrites the page glossary whenever the glossary changes: rescan with it.
      watchPageValue(
        PAGE_GLOSSARY_KEY,
        (value) => {
          const next = decodePageGlossary(value);
          if (next) useGlossary(next);
        },
        // The copy of the value read (src/settings/session-copy.ts) would rescan for nothing.
        boot.glossaryValue,
      ),
      watchPageSettings((value) => {
        settings = value;
        painter?.restyle(look());
        // A new display mode or everyday switch repaints this page live (a rescan); else nothing.
        scanner?.setDisplay(display());
      }),
    ])
      onAbort(signal, stop);
    // Storage had no page glossary: ask the background, which stores it for the next page too. A
    // failed answer (the worker starting up, storage busy) is asked again after 0.5, 1, 2 and 4 s, so
    // the frame does not stay blank; a glossary stored meanwhile (watched above) ends the asking.
    for (let wait = 500; !glossary; wait *= 2) {
      const next = await sendRequest({ type: 'tifa:get-page-glossary' }).then((r) => decodePageGlossary(r.encoded), () => undefined);
      if (next) useGlossary(next);
      else if (wait > 4000 || signal.aborted) throw new Error('Tifa: no glossary');
      else await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if (enabled) await startScanner();
  })();
  ready.catch((error: unknown) => {
    dropEarlyPainter();
    console.warn(String(error));
  });

  // An early painter no start took is left to its maker (src/page/start.ts), which destroys it as
  // the instance stops, whether or not this session was made by then.
  onAbort(signal, () => {
    enabled = false;
    stopScanner();
    frames.disconnect();
  });

  const index: MatchIndex = {
    list: () => scanner?.store.list() ?? [],
    count: () => scanner?.store.size ?? 0,
    values: () => scanner?.store.values() ?? [],
    at: (node, offset) => scanner?.store.at(node, offset),
    readRest: () => (scanner?.partial ? scanner.complete() : undefined),
    subscribe(listener) {
      indexListeners.add(listener);
      return () => indexListeners.delete(listener);
    },
  };

  return {
    index,
    glossary: {
      has: isKnown,
      entry: (id) => entryCache.get(id),
      async load(key) {
        const cached = entryCache.get(key);
        if (cached || !isKnown(key)) return cached;
        const cache = entryCache;
        const entry = (await nameKeys([key], true))[0]?.entry;
        if (entry) cache.set(key, entry);
        return entry;
      },
    },
    settings: () => settings,
    get enabled() {
      return enabled;
    },
    ready,
    async setEnabled(on) {
      if (!on) dropEarlyPainter();
      if (on === enabled) return;
      enabled = on;
      if (on) {
        await ready.catch(() => undefined);
        if (enabled && !scanner) await startScanner();
      } else {
        stopScanner();
      }
      reportChanged();
    },
    async report() {
      if (!enabled) return { enabled, terms: [] };
      await scanner?.complete();
      return { enabled, terms: await nameTerms(frames.terms(true)) };
    },
    count: pageCount,
    reassert: () => painter?.reassert?.(),
    async keyOf(id) {
      // The keys found here, named: the one whose entry has this id.
      const keys = [...(scanner?.store.counts().keys() ?? [])];
      return keys[(await nameKeys(keys)).findIndex((name) => name?.id === id)];
    },
  };
}
