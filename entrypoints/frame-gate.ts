// Declared for every frame in wxt.config.ts: loads the content script into a sub-frame once it holds
// Chinese text (src/page/frame-gate.ts).
import { startFrameGate } from '@/src/page/frame-gate';

export default defineUnlistedScript(() => {
  startFrameGate();
});
