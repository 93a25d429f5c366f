// Declared for every frame in wxt.config.ts: loads the content script into a sub-frame once it holds
// Chinese text (src/page/frame-gate.ts).
import { startFrameGate } from '@/src/page/frame-gate';

// What defineUnlistedScript would return, written out, as for the content script (fewer bytes in every frame).
export default { main: startFrameGate };
