import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countRidingAlong, onReportChanged } from '@/src/background/badge';
import { invalidateGlossary } from '@/src/background/glossary-service';
import { nameEntries, publishPageGlossary } from '@/src/background/page-glossary';
import { replaceGlossary } from '@/src/glossary/storage/store';
import type { RequestOf } from '@/src/messages';
import { withDefaults } from '@/src/settings/stored-settings';
import { RecordingPainter } from '../../test/support/recording-painter';
import { entry } from '@/src/glossary/test-helpers';
import { startSession } from './session';
import { registerWrapPainter } from './wrap-painter-hook';

const ENTRY = entry();

const savedObserver = globalThis.MutationObserver;
let life: AbortController;

beforeEach(() => {
  fakeBrowser.reset();
  invalidateGlossary();
  life = new AbortController();
});
afterEach(() => {
  life.abort();
  globalThis.MutationObserver = savedObserver;
});

test('a failed first glossary request is asked again, and the page is scanned with the answer', async () => {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body><p>坚持三会一课制度。</p></body></html>');
  globalThis.MutationObserver = window.MutationObserver as unknown as typeof MutationObserver;
  // The glossary in effect, as the background reads it (it names what pages found).
  await replaceGlossary([ENTRY]);
  const asked: string[] = [];
  // The background (its own functions): the first page-glossary request fails (the worker was
  // starting), the second is answered. Node has no Highlight API, so the painter comes the way of the wrapping painter.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type } = message as { type: string };
    asked.push(type);
    if (type === 'tifa:get-page-glossary') {
      return asked.filter((t) => t === type).length === 1 ? Promise.reject(new Error('worker starting')) : publishPageGlossary().then((encoded) => ({ encoded }));
    }
    if (type === 'tifa:name-entries') {
      const { keys, entries } = message as { keys: string[]; entries?: boolean };
      return nameEntries(keys, entries).then((names) => ({ names }));
    }
    if (type === 'tifa:load-script') {
      registerWrapPainter(RecordingPainter);
      return Promise.resolve(true);
    }
    return undefined;
  });

  const session = startSession(document as unknown as Document, { settings: withDefaults(undefined), glossaryValue: undefined }, life.signal);
  await session.ready;

  expect(asked.filter((t) => t === 'tifa:get-page-glossary')).toHaveLength(2);
  // The page's matches carry entry keys; the report asks the background what they stand for.
  expect((await session.report()).terms).toEqual([{ id: ENTRY.id, term: '三会一课', count: 1 }]);
  expect(asked).toContain('tifa:name-entries');
  // The tooltip's entry and the popup's reveal go by the same keys.
  const key = await session.keyOf(ENTRY.id);
  expect(key).toBeDefined();
  expect(session.glossary.has(key!)).toBe(true);
  expect(await session.glossary.load(key!)).toEqual(ENTRY);
  expect(session.glossary.entry(key!)).toEqual(ENTRY);
  expect(await session.keyOf('no-such-entry')).toBeUndefined();
});

/** A recording painter that also records what the session asks of it as the early painter. */
class EarlyPainter extends RecordingPainter {
  looks: unknown[] = [];
  destroyed = false;
  override restyle(look?: unknown) {
    this.looks.push(look);
  }
  override destroy() {
    this.destroyed = true;
  }
}

/** A page with one term, the background's page glossary for it, and a background that names keys. */
async function pageWithGlossary() {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body><p>坚持三会一课制度。</p></body></html>');
  globalThis.MutationObserver = window.MutationObserver as unknown as typeof MutationObserver;
  await replaceGlossary([ENTRY]);
  const glossaryValue = await publishPageGlossary();
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, keys, entries } = message as { type: string; keys: string[]; entries?: boolean };
    return type === 'tifa:name-entries' ? nameEntries(keys, entries).then((names) => ({ names })) : undefined;
  });
  return { document: document as unknown as Document, glossaryValue };
}

test('the painter made as the script started paints the first pass, and is given the look of the settings', async () => {
  const { document, glossaryValue } = await pageWithGlossary();
  const early = new EarlyPainter();
  const settings = withDefaults({ highlightStyle: 'background', categoryColors: { slogan: '#123456' } });
  const session = startSession(document, { settings, glossaryValue, painter: early }, life.signal);
  await session.ready;
  expect(early.texts()).toEqual(['三会一课']);
  expect(early.looks).toEqual([{ highlightStyle: 'background', categoryColors: { slogan: '#123456' } }]);
  expect(early.destroyed).toBe(false);
  expect((await session.report()).terms).toEqual([{ id: ENTRY.id, term: '三会一课', count: 1 }]);
  // Switched off, the painter goes (with its sheet and highlights).
  await session.setEnabled(false);
  expect(early.destroyed).toBe(true);
});

test('switched off before it painted (the site is off), the early painter is destroyed unused', async () => {
  const { document, glossaryValue } = await pageWithGlossary();
  const early = new EarlyPainter();
  const session = startSession(document, { settings: withDefaults(undefined), glossaryValue, enabled: false, painter: early }, life.signal);
  await session.ready;
  // The site watch reports the site off: the session was off already, and now drops the painter.
  await session.setEnabled(false);
  expect(early.destroyed).toBe(true);
  expect(early.paints).toBe(0);
  expect((await session.report()).enabled).toBe(false);
});

test('stopped (the extension reloaded) before it painted, it leaves the early painter to its maker', async () => {
  const { document, glossaryValue } = await pageWithGlossary();
  const early = new EarlyPainter();
  const session = startSession(document, { settings: withDefaults(undefined), glossaryValue, enabled: false, painter: early }, life.signal);
  await session.ready;
  life.abort();
  expect(early.paints).toBe(0);
  // src/page/start.ts destroys it as the instance stops (start.test.ts), made into a session or not.
  expect(early.destroyed).toBe(false);
});

test('the top frame tells its count again when its page comes back from the back/forward cache or a prerendered page is shown', async () => {
  const { document, glossaryValue } = await pageWithGlossary();
  const win = document.defaultView as unknown as Window & { Event: typeof Event };
  // linkedom's window has no `top`: this document is a tab's top frame.
  Object.defineProperty(win, 'top', { value: win, configurable: true });
  const told: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type: string }).type === 'tifa:report-changed') told.push(message);
    return undefined;
  });
  const fire = (type: 'pageshow' | 'pagehide', persisted: boolean) => win.dispatchEvent(Object.assign(new win.Event(type), { persisted }));
  const session = startSession(document, { settings: withDefaults(undefined), glossaryValue, painter: new RecordingPainter() }, life.signal);
  await session.ready;
  const count = { type: 'tifa:report-changed', enabled: true, count: 1, partial: false };
  await vi.waitFor(() => expect(told).toEqual([count]));
  // A first showing (not from the cache) is the load the count was told for: no listener is called
  // as the page loads (a pageshow listener makes the load event's task run Tifa's script).
  fire('pageshow', false);
  fire('pageshow', true);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(told).toEqual([count]);
  // The page came back from the cache: Chromium resumes it (then shows it), and the browser emptied
  // the badge for it; the same count is told again, once.
  fire('pagehide', true);
  document.dispatchEvent(new win.Event('resume'));
  fire('pageshow', true);
  await vi.waitFor(() => expect(told).toEqual([count, count]));
  document.dispatchEvent(new win.Event('prerenderingchange'));
  await vi.waitFor(() => expect(told).toEqual([count, count, count]));
});

test('a sub-frame shown again from the back/forward cache reads the glossary changed meanwhile and asks to be told again', async () => {
  const { document, glossaryValue } = await pageWithGlossary();
  const win = document.defaultView as unknown as Window & { Event: typeof Event };
  // A sub-frame: its window's top is another window.
  Object.defineProperty(win, 'top', { value: {}, configurable: true });
  const asked: string[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    asked.push((message as { type: string }).type);
    return undefined;
  });
  const painter = new RecordingPainter();
  const session = startSession(document, { settings: withDefaults(undefined), glossaryValue, painter }, life.signal);
  await session.ready;
  expect(painter.texts()).toEqual(['三会一课']);
  // Stored while the page was in the cache, out of the background's reach: nobody tells the page.
  await replaceGlossary([{ ...ENTRY, enabled: false }]);
  invalidateGlossary();
  await publishPageGlossary();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(painter.texts()).toEqual(['三会一课']);
  expect(asked).not.toContain('tifa:keep-frame');

  document.dispatchEvent(new win.Event('resume'));
  await vi.waitFor(() => expect(painter.texts()).toEqual([]));
  expect(asked.filter((type) => type === 'tifa:keep-frame')).toHaveLength(1);
  // A sub-frame tells no count of its own (its top frame adds it up).
  expect(asked).not.toContain('tifa:report-changed');
});

/**
 * A top frame holding 三会一课 and the ambiguous 党组 (which segmentation confirms or not), with the
 * page glossary of the two as the worker publishes it.
 */
async function openWithAmbiguousTerm(): Promise<{ document: Document; glossaryValue: unknown }> {
  const DANG_ZU = entry({ id: 'dang-zu', term: '党组', ambiguous: true, category: 'institution' });
  const { document, window } = parseHTML('<!doctype html><html><head></head><body><p>坚持三会一课制度，党组要带头。</p></body></html>');
  globalThis.MutationObserver = window.MutationObserver as unknown as typeof MutationObserver;
  Object.defineProperty(window, 'top', { value: window, configurable: true });
  await replaceGlossary([ENTRY, DANG_ZU]);
  invalidateGlossary();
  return { document: document as unknown as Document, glossaryValue: await publishPageGlossary() };
}

test('the top frame tells its count once per pass: after segmentation answers, whether or not it confirmed anything', async () => {
  // The background tells the count that rides along the segmentation request (src/background/badge.ts),
  // or cannot (a page the tab does not show): the page then tells it itself, once.
  for (const backgroundTells of [true, false]) {
    for (const confirmed of [true, false]) {
      const { document, glossaryValue } = await openWithAmbiguousTerm();
      const told: unknown[] = [];
      fakeBrowser.runtime.onMessage.removeAllListeners();
      await fakeBrowser.action.setBadgeText({ tabId: 7, text: '' });
      fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
        const { type, candidates, terms } = message as RequestOf<'tifa:segment-check'>;
        if (type === ('tifa:report-changed' as string)) told.push(message);
        if (type !== 'tifa:segment-check') return undefined;
        const answer = candidates.map(() => confirmed);
        const sender = backgroundTells ? { tab: { id: 7 }, frameId: 0 } : { tab: { id: 7 }, frameId: 0, documentLifecycle: 'prerender' as const };
        // Segmentation answers a little later, as the worker does.
        return new Promise((resolve) =>
          setTimeout(() => resolve({ confirmed: answer, told: countRidingAlong(terms ?? [], sender, true)(candidates, answer) }), 30),
        );
      });
      const session = startSession(document, { settings: withDefaults(undefined), glossaryValue, painter: new RecordingPainter() }, life.signal);
      await session.ready;
      await new Promise((resolve) => setTimeout(resolve, 100));
      const count = confirmed ? 2 : 1;
      expect(session.count()).toEqual({ enabled: true, count, partial: false });
      if (backgroundTells) {
        expect(told).toEqual([]);
        await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(String(count)));
      } else expect(told).toEqual([{ type: 'tifa:report-changed', enabled: true, count, partial: false }]);
      life.abort();
      life = new AbortController();
    }
  }
});

test('switched off while segmentation worked, the page empties the badge the worker had just given its count', async () => {
  const { document, glossaryValue } = await openWithAmbiguousTerm();
  const told: unknown[] = [];
  let asked!: () => void;
  const segmenting = new Promise<void>((resolve) => (asked = resolve));
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, candidates, terms } = message as RequestOf<'tifa:segment-check'>;
    // The worker's own handlers, for a top frame of tab 7.
    if (type === ('tifa:report-changed' as string)) {
      told.push(message);
      onReportChanged(message as RequestOf<'tifa:report-changed'>, { tab: { id: 7 }, frameId: 0 });
    }
    if (type !== 'tifa:segment-check') return undefined;
    asked();
    const countOf = countRidingAlong(terms ?? [], { tab: { id: 7 }, frameId: 0 }, true);
    return new Promise((resolve) => setTimeout(() => resolve({ confirmed: candidates.map(() => true), told: countOf(candidates, candidates.map(() => true)) }), 50));
  });
  const session = startSession(document, { settings: withDefaults(undefined), glossaryValue, painter: new RecordingPainter() }, life.signal);
  await segmenting;
  await session.setEnabled(false);
  await vi.waitFor(() => expect(told).toEqual([{ type: 'tifa:report-changed', enabled: false, count: 0, partial: false }]));
  await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(''));
});

test('a page holding no term tells the badge nothing, and a page that loses its terms tells it so', async () => {
  await replaceGlossary([ENTRY]);
  invalidateGlossary();
  const glossaryValue = await publishPageGlossary();
  const told: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type } = message as { type: string };
    if (type === 'tifa:report-changed') told.push(message);
    // Switched on again, a session makes a painter: here the wrapping one (Node has no Highlight API).
    if (type === 'tifa:load-script') {
      registerWrapPainter(RecordingPainter);
      return Promise.resolve(true);
    }
    return undefined;
  });
  const open = (html: string) => {
    const { document, window } = parseHTML(html);
    globalThis.MutationObserver = window.MutationObserver as unknown as typeof MutationObserver;
    Object.defineProperty(window, 'top', { value: window, configurable: true });
    return startSession(document as unknown as Document, { settings: withDefaults(undefined), glossaryValue, painter: new RecordingPainter() }, life.signal);
  };
  // Chinese text without a glossary term: the badge a new document starts with is already empty.
  const without = open('<!doctype html><html><head></head><body><p>今天天气很好，我们去公园散步。</p></body></html>');
  await without.ready;
  await without.setEnabled(false);
  await without.setEnabled(true);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(told).toEqual([]);
  life.abort();
  life = new AbortController();
  // A term, then switched off: the count, then the empty badge.
  const holding = open('<!doctype html><html><head></head><body><p>坚持三会一课制度。</p></body></html>');
  await holding.ready;
  await vi.waitFor(() => expect(told).toEqual([{ type: 'tifa:report-changed', enabled: true, count: 1, partial: false }]));
  await holding.setEnabled(false);
  await vi.waitFor(() => expect(told).toHaveLength(2));
  expect(told[1]).toEqual({ type: 'tifa:report-changed', enabled: false, count: 0, partial: false });
});
