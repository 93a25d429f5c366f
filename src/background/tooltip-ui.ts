// Injects the tooltip UI (entrypoints/tooltip-ui.ts) into the frame whose content script asks for it
// (src/tooltip/ui-hook.ts). It runs in that content script's isolated world, from the extension
// package: no network request and nothing exposed to the page as a web-accessible resource.

/** Resolves true once the script ran in the sender's frame, false when it could not be injected. */
export async function injectTooltipUi(sender: { tab?: { id?: number }; frameId?: number }): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: ['/tooltip-ui.js'],
    });
    return true;
  } catch (error) {
    console.error('Tifa: could not inject the tooltip UI', error);
    return false;
  }
}
