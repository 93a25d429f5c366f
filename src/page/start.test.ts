import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { invalidateGlossary } from '@/src/background/glossary-service';
import { publishPageGlossary } from '@/src/background/page-glossary';
import { PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import { replaceGlossary } from '@/src/glossary/storage/store';
import { entry } from '@/src/glossary/test-helpers';
import { CONTENT_HANDLE } from '@/src/messages';
import { SETTINGS_KEY } from '@/src/settings/defaults';
import { RecordingPainter } from '../../test/support/recording-painter';
import { startEarlyRead, type EarlyRead } from './early-read';
import { startContent, type ContentHandle } from './start';
import { registerWrapPainter } from './wrap-painter-hook';

const slot = globalThis as unknown as Record<symbol, ContentHandle | EarlyRead | undefined>;
const KEY = Symbol.for(CONTENT_HANDLE);
const GLOBALS = ['window', 'document', 'location', 'MutationObserver', 'addEventListener'] as const;
const saved = Object.fromEntries(GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]));
let handle: ContentHandle | undefined;

/** A parsed Chinese article as the content script meets it at document_end, as this realm's globals. */
function article(): void {
  const { window, document } = parseHTML('<!doctype html><html lang="zh-CN"><head><title>组织工作</title></head><body><p>坚持三会一课制度。</p></body></html>');
  // linkedom has no frames: the tooltip's pointer tracking asks for them.
  Object.assign(window, { requestAnimationFrame: (callback: () => void) => setTimeout(callback, 16), cancelAnimationFrame: clearTimeout });
  const values = { window, document, location: new URL('https://news.example/a.html'), MutationObserver: window.MutationObserver, addEventListener: () => undefined };
  for (const name of GLOBALS) Object.defineProperty(globalThis, name, { value: values[name], configurable: true, writable: true });
}

beforeEach(async () => {
  fakeBrowser.reset();
  invalidateGlossary();
  await replaceGlossary([entry()]);
  // Node has no Highlight API: the session's painter comes the way of the wrapping painter.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type: string }).type !== 'tifa:load-script') return undefined;
    registerWrapPainter(RecordingPainter);
    return Promise.resolve(true);
  });
  article();
});
afterEach(() => {
  handle?.destroy();
  handle = undefined;
  slot[KEY] = undefined;
  for (const name of GLOBALS) {
    const descriptor = saved[name];
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
});

test('the content script takes the read the document_start script began, and reads nothing itself', async () => {
  const encoded = await publishPageGlossary();
  const destroy = vi.fn<() => void>();
  slot[KEY] = { read: Promise.resolve({ [SETTINGS_KEY]: {}, [PAGE_GLOSSARY_KEY]: encoded }), destroy };
  const reads = [vi.spyOn(fakeBrowser.storage.session, 'get'), vi.spyOn(fakeBrowser.storage.local, 'get')];

  handle = startContent();
  // The early script stops following storage: the content script follows it from here on.
  expect(destroy).toHaveBeenCalledOnce();
  await vi.waitFor(() => expect(handle?.session).toBeDefined());
  await handle.session?.ready;
  expect((await handle.session?.count())?.count).toBe(1);
  for (const read of reads) expect(read).not.toHaveBeenCalled();
});

test('without one, it reads the settings and the page glossary itself', async () => {
  await publishPageGlossary();
  const read = vi.spyOn(fakeBrowser.storage.local, 'get');

  handle = startContent();
  await vi.waitFor(() => expect(handle?.session).toBeDefined());
  await handle.session?.ready;
  expect((await handle.session?.count())?.count).toBe(1);
  expect(read).toHaveBeenCalledWith([SETTINGS_KEY, PAGE_GLOSSARY_KEY]);
});

test('where Chinese text comes only after the start, the content script reads storage as it is then, not the early read', async () => {
  const { window, document } = parseHTML('<!doctype html><html lang="zh-CN"><head><title>app</title></head><body><div id="app"></div></body></html>');
  Object.assign(window, { requestAnimationFrame: (callback: () => void) => setTimeout(callback, 16), cancelAnimationFrame: clearTimeout });
  for (const [name, value] of Object.entries({ window, document, MutationObserver: window.MutationObserver })) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  await publishPageGlossary();
  // The page begins to parse: the early read holds the glossary with 三会一课 only.
  startEarlyRead(document as unknown as Document);
  expect(slot[KEY]).toBeDefined();
  handle = startContent();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(handle.session).toBeUndefined();
  // The glossary changes while the page shows no Chinese text yet (nothing of Tifa's follows storage now)…
  invalidateGlossary();
  await replaceGlossary([entry({ id: 'liang-ge-wei-hu', term: '两个维护', pinyin: 'liǎng gè wéihù' })]);
  await publishPageGlossary();
  // …then the page renders its text (a single-page app after load).
  document.querySelector('#app')!.innerHTML = '<p>做到两个维护。</p>';
  await vi.waitFor(() => expect(handle?.session).toBeDefined());
  await handle.session?.ready;
  expect((await handle.session?.count())?.count).toBe(1);
});
