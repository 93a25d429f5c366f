// Content-script side of the site switch: tells the page session whether Tifa should run here, now and
// whenever the user flips a switch (popup, keyboard command, options page) or the page navigates.
// Settings come through ./stored-settings.ts, which keeps zod and WXT's storage helper out of the
// content script.
import { watchPageSettings } from './session-copy';
import type { Settings } from '@/src/settings/settings';
import { isActiveAt, type PageAddress } from '@/src/settings/site-rules';

/**
 * The address the site switch is about: the tab's page, also inside its frames. A switched-off site
 * stays dark in its iframes (ads, embeds, about:blank frames written by script) as the user expects
 * from a switch shown for the whole tab.
 */
function tabPage(): PageAddress | undefined {
  try {
    // The top frame itself, or a same-origin parent, whose address reads (a cross-origin one's
    // throws here, not where its parts are read). Its location, not its text (PageAddress says why).
    const top = (window.top as Window).location;
    return top.href ? top : location;
  } catch {
    // Cross-origin: Chromium still tells us the top frame's origin, which is all a host rule needs
    // (an opaque one, "null", parses as no address: no site, so off).
    const ancestors = location.ancestorOrigins;
    const top = ancestors?.[ancestors.length - 1];
    return top ? (URL.parse(top) ?? undefined) : location;
  }
}

export interface SiteWatch {
  /** Resolves once the first state was reported and the callback's work for it is done. */
  ready: Promise<void>;
  stop(): void;
}

/**
 * Calls `onChange(active)` once with the current state, then each time it changes. Storage changes
 * reach every open tab, so a switch takes effect in all tabs of the site without a reload.
 */
export function watchSiteActive(
  /** The settings as just read (the content script reads them with the glossary). */
  initial: Settings,
  onChange: (active: boolean) => unknown,
  page: () => PageAddress | undefined = tabPage,
): SiteWatch {
  let settings = initial;
  let current: boolean | undefined;
  let stopped = false;

  const evaluate = (): unknown => {
    if (stopped) return undefined;
    const active = isActiveAt(settings, page());
    if (active === current) return undefined;
    current = active;
    return onChange(active);
  };

  const unwatch = watchPageSettings((value) => {
    settings = value;
    evaluate();
  });
  const ready = Promise.resolve().then(async () => {
    await evaluate();
  });

  // Single-page apps change the address without loading a page: re-check the rule on every navigation.
  // (Same-document navigations cannot leave the origin, so a host rule gives the same answer today;
  // checking keeps this right if rules ever look at paths.) The Navigation API sees the page's
  // pushState from the isolated world; popstate/hashchange cover browsers without it.
  const listening = new AbortController();
  const options = { signal: listening.signal };
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', evaluate, options);
  addEventListener('popstate', evaluate, options);
  addEventListener('hashchange', evaluate, options);

  return {
    ready,
    stop() {
      stopped = true;
      unwatch();
      listening.abort();
    },
  };
}
