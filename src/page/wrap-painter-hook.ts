// How the wrapping painter reaches the content script where it is needed: the background injects
// entrypoints/wrap-painter.ts into the asking frame, in the content script's isolated world, where
// the two meet on a global that page scripts never see (as the tooltip UI does: src/tooltip/ui-hook.ts).
import { sendRequest } from '@/src/messages';
import type { HighlightLook } from './style';
import type { Painter } from './paint';

export type WrapPainterClass = new (doc: Document, look: HighlightLook) => Painter;

const WRAP_PAINTER_HOOK = Symbol.for('tifa.wrap-painter');
type Globals = Record<symbol, ((painter: WrapPainterClass) => void) | undefined>;

/** Called by the injected script: hands the painter to the content script waiting for it. */
export function registerWrapPainter(painter: WrapPainterClass): void {
  (globalThis as unknown as Globals)[WRAP_PAINTER_HOOK]?.(painter);
}

/** Asks the background to inject the wrapping painter into this frame and resolves with it. */
export function loadWrapPainter(): Promise<WrapPainterClass> {
  return new Promise<WrapPainterClass>((resolve, reject) => {
    (globalThis as unknown as Globals)[WRAP_PAINTER_HOOK] = resolve;
    // executeScript resolves after the script ran: by the answer the hook was called, if it ever will be.
    sendRequest({ type: 'tifa:load-script', script: 'wrap-painter' }).then(() => reject(new Error('painter not injected')), reject);
  });
}
