// Declared for every frame in wxt.config.ts: loads the content script once the frame holds Chinese
// text (src/page/content-gate.ts).
import { startContentGate } from '@/src/page/content-gate';

export default defineUnlistedScript(() => {
  startContentGate();
});
