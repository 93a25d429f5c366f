// How the wrapping painter reaches the content script where it is needed: the background injects
// entrypoints/wrap-painter.ts into the asking frame, in the content script's isolated world, where
// the two meet on a global that page scripts never see (src/messages.ts, `loadOnDemand`; the
// tooltip UI comes the same way: src/tooltip/ui-hook.ts).
import { loadOnDemand, registerOnDemand } from '@/src/messages';
import type { HighlightLook } from './style';
import type { Painter } from './paint';

export type WrapPainterClass = new (doc: Document, look: HighlightLook) => Painter;

/** Called by the injected script: hands the painter to the content script waiting for it. */
export const registerWrapPainter = (painter: WrapPainterClass): void => registerOnDemand('wrap-painter', painter);

/** Asks the background to inject the wrapping painter into this frame and resolves with it. */
export const loadWrapPainter = (): Promise<WrapPainterClass> => loadOnDemand('wrap-painter');
