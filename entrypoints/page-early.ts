// Declared in wxt.config.ts at document_start, top frame only: begins the content script's storage
// read while the page parses, where the page says it is Chinese (src/page/early-read.ts).
import { startEarlyRead } from '@/src/page/early-read';

export default defineUnlistedScript(() => {
  startEarlyRead(document);
});
