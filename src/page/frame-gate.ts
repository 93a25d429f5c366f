// The gate of a sub-frame. A news page carries dozens of frames (ads, embeds, trackers) with no
// Chinese text; evaluating the whole content script in each cost a few milliseconds a frame (about
// 0.7 s on a page with 200 of them). So the manifest declares the content script for top frames only,
// and in every frame this small gate waits for Chinese text (src/page/chinese-text.ts): only then does
// it ask the background to inject the content script into its frame. A frame without Chinese text
// sends no message and reads nothing.
import { sendRequest } from '@/src/messages';
import { whenChineseText } from './chinese-text';

export function startFrameGate(): void {
  // The top frame has the content script from the manifest.
  if (window === window.top) return;
  whenChineseText(document, () => {
    sendRequest({ type: 'tifa:load-script', script: 'page-content' }).catch(() => undefined);
  });
}
