// The gate of a sub-frame. A news page carries dozens of frames (ads, embeds, trackers) with no
// Chinese text; evaluating the whole content script in each cost a few milliseconds a frame (about
// 0.7 s on a page with 200 of them). So the manifest declares the content script for top frames only,
// and in every frame this small gate waits for Chinese text (src/page/chinese-text.ts): only then does
// it ask the background to inject the content script into its frame. A frame without Chinese text
// sends no message and reads nothing.
import type { RequestOf } from '@/src/messages';
import { whenChineseText } from './chinese-text';

/** The extension API, looked up only when it is needed (Firefox's `browser`, Chromium's `chrome`). */
interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

export function startFrameGate(): void {
  // The top frame has the content script from the manifest.
  if (window === window.top) return;
  whenChineseText(document, () => {
    // The extension's API is touched here only, not when the gate starts: Chromium builds its
    // bindings on first use, which every frame without Chinese text would pay for (not imported
    // from src/messages.ts, whose `browser` is looked up as the module loads).
    const api = (globalThis as { browser?: Runtime }).browser ?? (globalThis as unknown as { chrome: Runtime }).chrome;
    const request: RequestOf<'tifa:load-script'> = { type: 'tifa:load-script', script: 'page-content' };
    api.runtime.sendMessage(request).catch(() => undefined);
  });
}
