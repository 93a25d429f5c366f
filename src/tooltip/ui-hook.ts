// How the tooltip UI reaches the content script. The tooltip (src/tooltip/tooltip.ts and what it
// renders with, about half the content script) is built as its own script, entrypoints/tooltip-ui.ts,
// which the background injects into the asking frame with scripting.executeScript. Injected scripts
// run in the content script's isolated world, so the two meet on a global that page scripts never
// see (src/messages.ts, `loadOnDemand`).
import { loadOnDemand, registerOnDemand } from '@/src/messages';
import type { StartTooltip } from './tooltip';

/** Called by the injected tooltip script: hands its startTooltip to the content script waiting for it. */
export const registerTooltipUi = (start: StartTooltip): void => registerOnDemand('tooltip-ui', start);

/** Asks the background to inject the tooltip UI into this frame and resolves with its startTooltip. */
export const loadTooltipUi = (): Promise<StartTooltip> => loadOnDemand('tooltip-ui');
