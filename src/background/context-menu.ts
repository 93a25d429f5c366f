// "Add to Tifa glossary" on selected text: opens the options page with a draft entry prefilled with
// the term, the sentence around it (asked from the frame it was selected in) and the page. The
// options page suggests its pinyin, as for any new term (src/options/form.ts formFromDraft): pinyin's
// dictionary (~0.3 MB of literals) stays out of the service worker's script, which Chromium reads
// back at every worker start (docs/page-cost.md, *A cold start's first marks*).
import { draftUrl, type Draft } from '@/src/glossary/draft';
import { listen, MENU_CLICK_HOOK } from '@/src/messages';

export { draftUrl };
import { MAX_SENTENCE, selectionContext, sentenceOf, type SelectionContext } from '@/src/page/selection-context';

export const MENU_ID = 'tifa-add-selection';


// Limits of the glossary schema (term 60, source quote 2000, origin 2000): a draft that breaks them
// would open as an error rather than a form to finish.
const cap = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/** The draft for a selection: the selection itself as the source when the page could not tell the sentence. */
export function buildDraft(selection: string, sentence: string | undefined, pageUrl: string | undefined): Draft & { source: string } {
  const term = cap(selection.replace(/\s+/g, ' ').trim(), 60);
  const draft: Draft & { source: string } = { term, source: cap((sentence || term).trim(), 2000) };
  if (pageUrl && /^(https?|file):/.test(pageUrl)) draft.origin = cap(pageUrl, 2000);
  return draft;
}

// In the browser's language, from public/_locales (zh_CN, zh_TW, en for the rest).
const menuTitle = (): string => browser.i18n.getMessage('contextMenuAddSelection');

type ClickInfo = { menuItemId: string | number; selectionText?: string; frameId?: number; pageUrl?: string; frameUrl?: string };

/** Handles a click on the menu item (also what the e2e test calls: headless Chromium shows no menus). */
export async function onMenuClick(info: ClickInfo, tab: { id?: number; index?: number; url?: string } | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const selected = info.selectionText ?? '';
  const context = tab?.id === undefined ? null : await selectionIn(tab.id, info.frameId ?? 0);
  const term = context?.text.trim() ? context.text : selected;
  const draft = buildDraft(term, context ? sentenceOf(context) : undefined, info.pageUrl ?? tab?.url);
  if (!draft.term) return;
  await browser.tabs.create({
    url: draftUrl(browser.runtime.getURL('/options.html'), draft),
    ...(tab?.index === undefined ? {} : { index: tab.index + 1 }),
    ...(tab?.id === undefined ? {} : { openerTabId: tab.id }),
  });
}

/**
 * The selection and its surroundings, read in the frame itself. Pages no extension may script (PDFs,
 * browser pages, stores) have none to give: the selection text stands in.
 */
async function selectionIn(tabId: number, frameId: number): Promise<SelectionContext | null> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: selectionContext,
      args: [MAX_SENTENCE],
    });
    return (injection?.result as SelectionContext | null | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Keeps the menu item and answers its clicks until `signal` aborts (never, in the extension). */
export function startContextMenu(signal: AbortSignal): void {
  // Menu items outlive the service worker; (re)create them once per install or update.
  listen(
    browser.runtime.onInstalled,
    () => {
      void browser.contextMenus.removeAll().then(() =>
        browser.contextMenus.create({ id: MENU_ID, title: menuTitle(), contexts: ['selection'] }),
      );
    },
    signal,
  );
  listen(
    browser.contextMenus.onClicked,
    (info, tab) => {
      onMenuClick(info, tab).catch((error: unknown) => console.error('Tifa: could not open the draft', error));
    },
    signal,
  );
  // The e2e test reaches the handler through the service worker, since headless Chromium cannot open
  // a native context menu. It is the same function the menu calls.
  (globalThis as Record<string, unknown>)[MENU_CLICK_HOOK] = onMenuClick;
}
