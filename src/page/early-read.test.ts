import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import { CONTENT_HANDLE } from '@/src/messages';
import { SETTINGS_KEY } from '@/src/settings/defaults';
import { saysChinese, startEarlyRead, type EarlyRead } from './early-read';

const slot = globalThis as unknown as Record<symbol, EarlyRead | undefined>;
const KEY = Symbol.for(CONTENT_HANDLE);

/** A document as a document_start script meets it: the root element with its attributes, nothing parsed yet. */
function startingDocument(lang: string | null, encoding = 'UTF-8'): Document {
  const { document } = parseHTML(`<!doctype html><html${lang === null ? '' : ` lang="${lang}"`}></html>`);
  Object.defineProperty(document, 'characterSet', { value: encoding });
  return document as unknown as Document;
}

describe('whether a document says it is Chinese before it is parsed', () => {
  test('by its language: zh and its subtags, in any case', () => {
    for (const lang of ['zh', 'zh-CN', 'zh-Hans', 'ZH-tw', 'zh-Hant-HK', ' zh-cn ']) expect(saysChinese(lang, 'UTF-8'), lang).toBe(true);
  });

  test('not by other languages or none, nor by languages that merely start with zh', () => {
    for (const lang of ['', 'en', 'ja', 'en-zh', 'zha', 'zhuang']) expect(saysChinese(lang, 'UTF-8'), lang).toBe(false);
  });

  test('by an encoding only Chinese pages use, as the browser names it', () => {
    for (const encoding of ['GBK', 'gb18030', 'GB2312', 'Big5']) expect(saysChinese('', encoding), encoding).toBe(true);
    for (const encoding of ['UTF-8', 'Shift_JIS', 'windows-1252', 'EUC-KR', 'big5-hkscs-x']) expect(saysChinese('', encoding), encoding).toBe(false);
  });
});

describe('the read begun as the document starts', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    slot[KEY] = undefined;
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { highlightStyle: 'background' }, [PAGE_GLOSSARY_KEY]: 'v1' });
  });
  afterEach(() => {
    slot[KEY]?.destroy();
    slot[KEY] = undefined;
  });

  test('a document that says it is Chinese leaves the read where the content script takes over', async () => {
    startEarlyRead(startingDocument('zh-CN'));
    const early = slot[KEY];
    expect(early).toBeDefined();
    expect(await early?.read).toEqual({ [SETTINGS_KEY]: { highlightStyle: 'background' }, [PAGE_GLOSSARY_KEY]: 'v1' });
    // Nothing that asks the content script for answers mistakes it for one (src/messages.ts's answerInPage).
    expect(early).not.toHaveProperty('answer');
    expect(early).not.toHaveProperty('session');
  });

  test('a GBK page without a language tag is read early too', async () => {
    startEarlyRead(startingDocument(null, 'GBK'));
    expect(await slot[KEY]?.read).toMatchObject({ [PAGE_GLOSSARY_KEY]: 'v1' });
  });

  test('a document that does not say so reads nothing and leaves nothing', () => {
    startEarlyRead(startingDocument('en'));
    startEarlyRead(startingDocument(null));
    expect(slot[KEY]).toBeUndefined();
  });

  test('a change to the settings or the page glossary before the content script takes the read begins it again', async () => {
    startEarlyRead(startingDocument('zh'));
    const first = slot[KEY]?.read;
    await first;
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(slot[KEY]?.read).toBe(first);
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v2' });
    expect(await slot[KEY]?.read).toMatchObject({ [PAGE_GLOSSARY_KEY]: 'v2' });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { highlightStyle: 'underline' } });
    expect(await slot[KEY]?.read).toMatchObject({ [SETTINGS_KEY]: { highlightStyle: 'underline' } });
  });

  test('once taken over, it follows storage no more, and its read is there only in the content script\'s first task', async () => {
    startEarlyRead(startingDocument('zh'));
    const early = slot[KEY];
    const read = early?.read;
    early?.destroy();
    // The content script that finds Chinese text as it starts takes the read in the same task.
    expect(early?.read).toBe(read);
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v3' });
    // One that finds some later reads storage itself, as it is then.
    expect(early?.read).toBeUndefined();
  });
});
