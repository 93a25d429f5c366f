// The wrapping painter, injected on demand into frames of browsers without the CSS Custom Highlight
// API (src/page/paint.ts createPainter asks for it), in the content script's isolated world.
import { WrapPainter } from '@/src/page/wrap-painter';
import { registerWrapPainter } from '@/src/page/wrap-painter-hook';

export default defineUnlistedScript(() => {
  registerWrapPainter(WrapPainter);
});
