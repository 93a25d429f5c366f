// The worker that reads import files off the options page's main thread (src/options/import-reader.ts).
import { serveImportReads } from '@/src/options/import-reader';

export default defineUnlistedScript(() => {
  serveImportReads(self as unknown as Parameters<typeof serveImportReads>[0]);
});
