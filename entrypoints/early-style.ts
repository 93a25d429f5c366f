// Declared for top frames at document_start in wxt.config.ts: adopts a Chinese page's highlight
// sheet before the page is first styled (src/page/early-style.ts).
import { startEarlyStyle } from '@/src/page/early-style';

// What defineUnlistedScript would return, written out, as for the content script.
export default { main: () => startEarlyStyle(document) };
