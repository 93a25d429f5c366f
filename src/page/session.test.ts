import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildPageGlossary, encodePageGlossary } from '@/src/glossary/page-glossary';
import { withDefaults } from '@/src/settings/stored-settings';
import { RecordingPainter } from '../../test/support/recording-painter';
import { entry } from '@/src/glossary/test-helpers';
import { startSession } from './session';
import { registerWrapPainter } from './wrap-painter-hook';

const ENTRY = entry();
const ENCODED = encodePageGlossary(buildPageGlossary([ENTRY], [{ text: '三会一课', id: ENTRY.id, ambiguous: false }]));

const savedObserver = globalThis.MutationObserver;
let life: AbortController;

beforeEach(() => {
  fakeBrowser.reset();
  life = new AbortController();
});
afterEach(() => {
  life.abort();
  globalThis.MutationObserver = savedObserver;
});

test('a failed first glossary request is asked again, and the page is scanned with the answer', async () => {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body><p>坚持三会一课制度。</p></body></html>');
  globalThis.MutationObserver = window.MutationObserver as unknown as typeof MutationObserver;
  const asked: string[] = [];
  // The background: the first page-glossary request fails (the worker was starting), the second is
  // answered. Node has no Highlight API, so the painter comes the way of the wrapping painter.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type } = message as { type: string };
    asked.push(type);
    if (type === 'tifa:get-page-glossary') {
      return asked.filter((t) => t === type).length === 1 ? Promise.reject(new Error('worker starting')) : Promise.resolve({ encoded: ENCODED });
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
  expect(session.report().terms).toEqual([{ id: ENTRY.id, term: '三会一课', count: 1 }]);
});
