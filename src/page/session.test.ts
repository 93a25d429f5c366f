import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { invalidateGlossary } from '@/src/background/glossary-service';
import { nameEntries, publishPageGlossary } from '@/src/background/page-glossary';
import { replaceGlossary } from '@/src/glossary/storage/store';
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

  const session = startSession(document as unknown as Document, { settings: withDefaults(undefined), glossary: undefined }, life.signal);
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
