import { startContent } from '@/src/page/start';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const session = startContent();
    // An updated or reloaded extension leaves this script orphaned: take its highlights and observers with it.
    ctx.onInvalidated(() => session.destroy());
  },
});
