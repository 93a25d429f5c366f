// Shows small sub-frames' tooltips in the top frame: injected by the background into a tab's top frame
// when a sub-frame first asks (src/background/frame-tooltip.ts), in the content script's isolated world.
import { startFrameHost } from '@/src/tooltip/frame-host';

export default defineUnlistedScript(() => {
  startFrameHost();
});
