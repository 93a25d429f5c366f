// The first-run page (entrypoints/welcome, src/welcome): opened once, when Tifa is installed; never
// on an update or a browser update, which would open it again for users who have read it.
import { listen, WELCOME_PATH } from '@/src/messages';

/** Opens the first-run page for an install (the reason runtime.onInstalled gives). */
export async function onInstalled(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
}

/** Listens from the worker's first run: onInstalled fires once, right after the worker starts. */
export function startWelcome(signal: AbortSignal): void {
  listen(
    browser.runtime.onInstalled,
    (details) => {
      onInstalled(details).catch((error: unknown) => console.error('Tifa: could not open the first-run page', error));
    },
    signal,
  );
}
