// One page's Tifa session: fetches the glossary, scans and paints, keeps up with the page, the
// glossary and the settings, and answers for the page report. src/page/start.ts wires it up.
import type { Entry } from '@/src/glossary/schema';
import { sendRequest, type PageReport, type Pattern } from '@/src/messages';
import type { Settings } from '@/src/settings/settings';
import { createPainter, type Painter } from './paint';
import { connectFrames, countTerms, type ReportTerms } from './report';
import { Scanner } from './scanner';
import { DEFAULT_SETTINGS, GLOSSARY_KEY, readSettings, watchLocal, watchSettings } from '@/src/settings/stored-settings';
import type { GlossaryView, MatchIndex } from './types';

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
  /** This frame's report including same-origin child frames. */
  report(): PageReport;
  /** Resolves when the first pass (after the glossary loaded) is done. */
  readonly ready: Promise<void>;
  /** Stops everything for good (extension unloaded or context invalidated). */
  destroy(): void;
}

export function startSession(doc: Document = document): PageSession {
  const isTop = doc.defaultView === doc.defaultView?.top;
  let settings = DEFAULT_SETTINGS;
  let enabled = true;
  let entries: Entry[] = [];
  let entryById = new Map<string, Entry>();
  let patterns: Pattern[] = [];
  let painter: Painter | null = null;
  let scanner: Scanner | null = null;
  let lastDistinct = -1;
  let lastEnabled = true;
  const unwatch: Array<() => void> = [];
  const indexListeners = new Set<() => void>();
  let unsubscribeStore: (() => void) | null = null;

  const ownTerms = (): ReportTerms =>
    scanner ? countTerms(scanner.store.values(), (id) => scanner?.entry(id)?.term) : [];
  const frames = connectFrames(doc, ownTerms, () => reportChanged());

  /** Tells the background (badge) when the number of distinct terms on the page changes. */
  function reportChanged(): void {
    if (!isTop) {
      frames.changed();
      return;
    }
    const distinct = enabled ? frames.terms().length : 0;
    if (distinct === lastDistinct && enabled === lastEnabled) return;
    lastDistinct = distinct;
    lastEnabled = enabled;
    sendRequest({ type: 'tifa:report-changed', count: distinct, enabled }).catch(() => {
      // No receiver (background restarting): the popup asks for a fresh report anyway.
    });
  }

  const look = () => ({ highlightStyle: settings.highlightStyle, categoryColors: settings.categoryColors });

  function startScanner(): Promise<void> {
    painter = createPainter(doc, look());
    const current = new Scanner({
      doc,
      painter,
      confirm: (text, candidates) =>
        sendRequest({ type: 'tifa:segment-check', text, candidates }).then((r) => r?.confirmed ?? []),
      onChange: () => reportChanged(),
    });
    scanner = current;
    current.setGlossary(entries, patterns);
    // Subscribers of the index follow whichever scanner is current.
    unsubscribeStore = current.store.subscribe(() => {
      for (const listener of [...indexListeners]) listener();
    });
    const done = current.start();
    void done.then(() => {
      const pass = current.lastPass;
      if (pass && typeof performance.measure === 'function') {
        // Visible to the page's performance timeline: the e2e tests and the benchmark read it.
        performance.measure('tifa:first-pass', { start: pass.startedAt, duration: pass.wallMs, detail: { ...pass } });
      }
    });
    return done;
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

  async function loadGlossary(): Promise<void> {
    const response = await sendRequest({ type: 'tifa:get-glossary' });
    if (!response || !Array.isArray(response.entries) || !Array.isArray(response.patterns)) {
      throw new Error('Tifa: no glossary from the background');
    }
    entries = response.entries;
    entryById = new Map(entries.map((e) => [e.id, e]));
    patterns = response.patterns;
  }

  async function loadSettings(): Promise<void> {
    settings = await readSettings();
  }

  const ready = (async () => {
    await Promise.all([loadGlossary(), loadSettings()]);
    unwatch.push(
      watchLocal(GLOSSARY_KEY, () => {
        // The background recompiles the patterns; ask again and rescan everything.
        void loadGlossary().then(() => scanner?.setGlossary(entries, patterns));
      }),
      watchSettings((value) => {
        settings = value;
        painter?.restyle(look());
      }),
    );
    if (enabled) await startScanner();
  })();
  ready.catch((error: unknown) => console.warn(String(error)));

  const index: MatchIndex = {
    list: () => scanner?.store.list() ?? [],
    at: (node, offset) => scanner?.store.at(node, offset),
    subscribe(listener) {
      indexListeners.add(listener);
      return () => indexListeners.delete(listener);
    },
  };

  return {
    index,
    glossary: { entry: (id) => entryById.get(id) },
    settings: () => settings,
    get enabled() {
      return enabled;
    },
    ready,
    async setEnabled(on) {
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
    report: () => ({ enabled, terms: enabled ? frames.terms() : [] }),
    destroy() {
      enabled = false;
      stopScanner();
      for (const stop of unwatch.splice(0)) stop();
      frames.disconnect();
    },
  };
}
