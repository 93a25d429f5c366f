// The gate: the one script the manifest declares, in every frame of http(s) pages. A news page carries
// dozens of frames (ads, embeds, trackers) with no Chinese text, and many pages a reader opens have
// none at all; this small script waits for Chinese text (src/page/chinese-text.ts) and only then
// loads the content script (entrypoints/page-content.ts). A frame without Chinese text reads no
// storage, sends no message and loads nothing more.
//
// It loads the content script with `import()` of the extension's own file (a web-accessible resource
// whose address changes every session in Chromium, `use_dynamic_url`). Chromium compiles an imported
// script off the page's main thread while fetching it, and the file's first line
// (`//# allFunctionsCalledOnLoad`, added by wxt.config.ts) has it compiled whole there. A declared
// content script is compiled on the main thread, lazily: for an article about two thirds of the
// script's main-thread time was compiling it (V8's trace events, test/bench). Where the import fails
// (a sandboxed frame, whose opaque origin no web-accessible resource matches), the gate asks the
// background to inject the script instead.
import type { RequestOf } from '@/src/messages';
import { CONTENT_HANDLE } from './content-handle';
import { whenChineseText } from './chinese-text';

/** The extension API, looked up only when it is needed (Firefox's `browser`, Chromium's `chrome`). */
interface Runtime {
  runtime: { getURL(path: string): string; sendMessage(message: unknown): Promise<unknown> };
}

interface Handle {
  answer(request: unknown): Promise<unknown>;
  destroy(): void;
}

export function startContentGate(): void {
  const slot = globalThis as unknown as Record<symbol, unknown>;
  const running = Symbol.for(CONTENT_HANDLE);
  let loading: Promise<unknown> | undefined;
  const load = (): Promise<unknown> => {
    // The extension's API is touched here only, not when the gate starts: Chromium builds its
    // bindings on first use, which every frame without Chinese text would pay for.
    const api = (globalThis as { browser?: Runtime }).browser ?? (globalThis as unknown as { chrome: Runtime }).chrome;
    const viaBackground = () => {
      const request: RequestOf<'tifa:load-script'> = { type: 'tifa:load-script', script: 'page-content' };
      return api.runtime.sendMessage(request).catch(() => undefined);
    };
    return (loading ??= import(/* @vite-ignore */ api.runtime.getURL('/page-content.js')).catch(viaBackground));
  };
  // The top frame answers the popup and the badge (src/messages.ts, askPage) even without Chinese
  // text of its own (its same-origin frames may have some): until the content script runs, this
  // stand-in loads it and hands the question on. The content script replaces it as it starts.
  if (window === window.top && !slot[running]) {
    const standIn: Handle = {
      async answer(request) {
        await load();
        const handle = slot[running] as Handle | undefined;
        if (!handle || handle === standIn) throw new Error('Tifa is not running in this page');
        return handle.answer(request);
      },
      destroy() {},
    };
    slot[running] = standIn;
  }
  whenChineseText(document, () => void load());
}
