// Injects a script loaded on demand (the tooltip UI, entrypoints/tooltip-ui.ts; the wrapping painter,
// entrypoints/wrap-painter.ts) into the frame whose content script asks for it (src/tooltip/ui-hook.ts,
// src/page/wrap-painter-hook.ts). It runs in that content script's isolated world, from the extension
// package: no network request and nothing exposed to the page as a web-accessible resource.
import type { OnDemandScript } from '@/src/messages';

/** Resolves true once the script ran in the sender's frame, false when it could not be injected. */
export async function injectScript(script: OnDemandScript, sender: { tab?: { id?: number }; frameId?: number }): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [`/${script}.js`],
    });
    return true;
  } catch (error) {
    console.error(`Tifa: could not inject ${script}`, error);
    return false;
  }
}
