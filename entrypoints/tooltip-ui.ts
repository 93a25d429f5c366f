// The tooltip UI, loaded on demand: the background injects this into a frame whose content script
// asks for it (src/tooltip/lazy.ts), in the content script's isolated world.
import { startTooltip } from '@/src/tooltip/tooltip';
import { registerTooltipUi } from '@/src/tooltip/ui-hook';

export default defineUnlistedScript(() => {
  registerTooltipUi(startTooltip);
});
