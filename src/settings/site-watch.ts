// Content-script side of the site switch: tells the page modules whether Tifa should run here, now and
// whenever the user flips a switch (popup, keyboard command, options page) or the page navigates.
// Reads settings by storage key rather than through settingsItem, whose module pulls zod into the
// content script bundle.
import type { Settings } from '@/src/settings/settings';
import { isActiveOn } from '@/src/settings/site-rules';

const SETTINGS_KEY = 'local:settings';

/**
 * Calls `onChange(active)` once with the current state, then each time it changes. Storage changes
 * reach every open tab, so a switch takes effect in all tabs of the site without a reload. Returns a
 * function that stops watching.
 */
export function watchSiteActive(onChange: (active: boolean) => void): () => void {
  let settings: Partial<Settings> = {};
  let current: boolean | undefined;
  let stopped = false;
  let changedSinceRead = false;

  const evaluate = () => {
    if (stopped) return;
    const active = isActiveOn(settings, location.href);
    if (active === current) return;
    current = active;
    onChange(active);
  };

  const unwatch = storage.watch<Settings>(SETTINGS_KEY, (value) => {
    changedSinceRead = true;
    settings = value ?? {};
    evaluate();
  });
  storage.getItem<Settings>(SETTINGS_KEY).then(
    (value) => {
      // A change that arrived while reading is newer than what the read returns.
      if (!changedSinceRead) settings = value ?? {};
      evaluate();
    },
    // Unreadable settings mean defaults: on everywhere, as on a fresh install.
    () => evaluate(),
  );

  // Single-page apps change the address without loading a page: re-check the rule on every navigation.
  // (Same-document navigations cannot leave the origin, so a host rule gives the same answer today;
  // checking keeps this right if rules ever look at paths.) The Navigation API sees pushState from the
  // isolated world; popstate/hashchange cover browsers without it.
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', evaluate);
  addEventListener('popstate', evaluate);
  addEventListener('hashchange', evaluate);

  return () => {
    stopped = true;
    unwatch();
    nav?.removeEventListener('currententrychange', evaluate);
    removeEventListener('popstate', evaluate);
    removeEventListener('hashchange', evaluate);
  };
}
