// The page's start read (its settings and the page glossary: src/settings/session-copy.ts), begun as
// the document starts to parse where the document already says it is Chinese, by its language or
// its encoding. The content script proper starts once the page is parsed (document_end); by then
// the read has come back, where the storage reply (~6 ms on an article, ~15–20 with 5,000 entries,
// on the benchmark's two cores) would otherwise have come after it. A page that says nothing of
// the kind is read from the content script, as before: nothing here guesses from the text, which
// is not parsed yet.
import { PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import { CONTENT_HANDLE } from '@/src/messages';
import { SETTINGS_KEY } from '@/src/settings/defaults';
import { readPageStart } from '@/src/settings/session-copy';

/**
 * What this script leaves where the content script keeps its handle (`Symbol.for(CONTENT_HANDLE)`,
 * src/page/start.ts), which takes it over as it would an instance injected before it: it takes the
 * read and stops the rest. Nothing else there mistakes it for the content script: it has neither
 * an `answer` nor a `session`.
 */
export interface EarlyRead {
  /** The read; none once the content script's start is over. */
  read?: Promise<Record<string, unknown>>;
  /**
   * Stops following storage (the content script follows it from its start on). The read stays
   * until the content script's first task is done: one that finds Chinese text as it starts takes
   * it then; one that finds some only later (a page rendering its text after load) reads storage
   * as it is by then, not as it was when the page began to parse.
   */
  destroy(): void;
}

/** Chinese language tags (zh, zh-CN, zh-Hant-TW…) and the encodings only Chinese pages use (GBK, gb18030, Big5). Pure. */
export function saysChinese(lang: string, encoding: string): boolean {
  return /^zh(-|$)/i.test(lang.trim()) || /^(gbk|gb2312|gb18030|big5)$/i.test(encoding);
}

/**
 * At document_start: begins the start read if `doc` says it is Chinese. A change to the settings or
 * the page glossary before the content script takes the read begins it again, so what the script
 * gets is never older than what a read of its own would have got.
 */
export function startEarlyRead(doc: Document): void {
  if (!saysChinese(doc.documentElement?.lang ?? '', doc.characterSet)) return;
  const read = (): Promise<Record<string, unknown>> => {
    const reading = readPageStart();
    // Never taken where the page turns out to hold no Chinese text: its failure is no one's to handle.
    reading.catch(() => undefined);
    return reading;
  };
  const onChanged = (changes: Record<string, unknown>): void => {
    if (SETTINGS_KEY in changes || PAGE_GLOSSARY_KEY in changes) early.read = read();
  };
  const early: EarlyRead = {
    read: read(),
    destroy: () => {
      browser.storage.onChanged.removeListener(onChanged);
      queueMicrotask(() => (early.read = undefined));
    },
  };
  browser.storage.onChanged.addListener(onChanged);
  (globalThis as unknown as Record<symbol, EarlyRead | undefined>)[Symbol.for(CONTENT_HANDLE)] = early;
}
