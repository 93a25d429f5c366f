// The content script, declared in wxt.config.ts's manifest rather than with defineContentScript:
// WXT's content-script context costs ~3 KB of the 30 KB budget and, in every frame of every page,
// posts a window message naming the extension, which the page's own listeners receive. Tifa needs
// neither: src/page/start.ts hands over from an orphaned instance itself.
import { startContent } from '@/src/page/start';

// What defineUnlistedScript would return, written out: its call and the arrow around startContent
// cost the 30 KB budget 46 bytes after minifying (wxt.config.ts calls main() without WXT's wrapper).
export default { main: startContent };
