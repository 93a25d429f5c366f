// The highlight sheet of a Chinese page, adopted before the page is first styled. Chromium restyles
// every element of a document when a sheet with `::highlight()` rules joins it after its first style
// recalculation (even one rule, even one scoped to `:root`). The content script runs at document_end,
// after a page parsed in several chunks has been styled and laid out: on a8 in a portal's page
// (test/bench/portal-page.ts) its sheet restyled all 981 elements, ~19 ms of the page's main thread.
// Adopted as the page starts to parse, the same rules cost the page's own styling nothing measurable.
// So this script, declared for top frames at document_start, adopts the sheet in the default look
// where the page's title has a Han character (read once the body starts) and its root declares no
// other language than Chinese, and leaves it with its highlight names for the painter
// (src/page/paint.ts). Such a title is Chinese text to the content script (src/page/chinese-text.ts):
// a session starts there, and its painter takes the sheet over, or drops it where the site is
// switched off. Other pages get nothing here.
// It asks for the content script's first storage read then too (settings and the page glossary,
// readPageStart), which the content script takes over: the answer comes while the page parses,
// where the content script, at document_end, waited for it after the page was parsed.
import { CATEGORIES } from '@/src/glossary/categories';
import { HAN } from './chinese-text';
import { randomName } from './random-name';
import { OwnStyle } from './own-style';
import { DEFAULT_LOOK, highlightCss } from './style';
import { readPageStart } from '@/src/settings/session-copy';

/** What the painter takes over: the adopted sheet, and each category's highlight name in CATEGORIES' order. */
export interface EarlyStyle {
  style: OwnStyle;
  names: string[];
  /**
   * The content script's first storage read (readPageStart), asked here as the page's body begins:
   * given to the first caller only, undefined after.
   */
  takeRead(): Promise<Record<string, unknown>> | undefined;
}

/** Where this script leaves the sheet for the content script: the extension's world only, which pages never see. */
export const EARLY_STYLE = 'tifaEarlyStyle';

export function startEarlyStyle(doc: Document): void {
  // A page that declares a language other than Chinese (`lang` is on the root as this runs), as most
  // English, Japanese … sites do, is left before anything else is asked: no observer waits for its
  // title (on the bench's English article, its top frame's scripts took ~0.27 ms less). A Chinese
  // page declared so (a site's template) gets its sheet with the content script, as every page did
  // before this script. `zh_CN`, as some Chinese sites write it, counts as Chinese. Compared without a
  // regular expression: a world compiles each on its first use (src/settings/site-rules.ts webHostOf).
  const lang = doc.documentElement?.lang;
  if (lang && !lang.toLowerCase().startsWith('zh')) return;
  // No Highlight API (Firefox before 140): the content script paints with its fallback.
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || doc.contentType !== 'text/html') return;
  /** Whether the page is decided on: its title is Chinese (the sheet is adopted), or its body began without one. */
  const decide = (): boolean => {
    if (HAN.test(doc.title)) {
      // Caught here: a page the content script never reaches (closed first) leaves it unhandled.
      let read: Promise<Record<string, unknown>> | undefined = readPageStart().catch(() => ({}));
      const takeRead = () => {
        const taken = read;
        read = undefined;
        return taken;
      };
      const names = CATEGORIES.map(randomName);
      const style = new OwnStyle();
      style.set(highlightCss(DEFAULT_LOOK, CATEGORIES.map((category, i) => [category, names[i] as string])));
      style.adopt(doc);
      (globalThis as unknown as Record<string, EarlyStyle>)[EARLY_STYLE] = { style, names, takeRead };
      return true;
    }
    return !!doc.body;
  };
  if (decide()) return;
  // The title is parsed after this script runs: decided once the body starts (the observer's
  // callback comes at the end of the parser's task, before the page is first styled). Only the
  // root's own children are watched: a record for the head and one for the body.
  const observer = new MutationObserver(() => {
    if (decide()) observer.disconnect();
    else if (doc.documentElement) observer.observe(doc.documentElement, { childList: true });
  });
  observer.observe(doc.documentElement ?? doc, { childList: true });
}
