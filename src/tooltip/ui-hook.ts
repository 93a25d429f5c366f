// How the tooltip UI reaches the content script. The tooltip (src/tooltip/tooltip.ts and what it
// renders with, about half the content script) is built as its own script, entrypoints/tooltip-ui.ts,
// which the background injects into the asking frame with scripting.executeScript. Injected scripts
// run in the content script's isolated world, so the two meet on a global that page scripts never see.
import { sendRequest } from '@/src/messages';
import type { StartTooltip } from './tooltip';

const TOOLTIP_UI_HOOK = Symbol.for('tifa.tooltip-ui');

type Globals = Record<symbol, ((start: StartTooltip) => void) | undefined>;

/** Called by the injected tooltip script: hands its startTooltip to the content script waiting for it. */
export function registerTooltipUi(start: StartTooltip): void {
  (globalThis as unknown as Globals)[TOOLTIP_UI_HOOK]?.(start);
}

/**
 * Asks the background to inject the tooltip UI into this frame and resolves with its startTooltip.
 * No network request and no web-accessible resource: the script comes from the extension package.
 */
export function loadTooltipUi(): Promise<StartTooltip> {
  return new Promise<StartTooltip>((resolve, reject) => {
    (globalThis as unknown as Globals)[TOOLTIP_UI_HOOK] = resolve;
    // executeScript resolves after the script ran, so by the answer the hook has been called and
    // this rejection changes nothing; without it the script never ran.
    sendRequest({ type: 'tifa:load-script', script: 'tooltip-ui' }).then(() => reject(new Error('tooltip UI not injected')), reject);
  });
}
