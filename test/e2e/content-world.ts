// What a failing e2e test shows of the content script in a frame: its state, read in the extension's
// isolated world through the DevTools protocol, and what that frame and the service worker logged.
// Tests act through the page as a user does; this is read only to explain a failure.
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { CONTENT_HANDLE } from '../../src/messages';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { frameId?: string; type?: string };
}

export interface ContentWorldWatch {
  /** Notes a step of the test in the log, with its time. */
  mark(step: string): void;
  /** The content script's state in `frame` and what was logged since the watch began, as lines of text. */
  describe(frame: Frame): Promise<string>;
}

/**
 * Watches `page` (open it with this before navigating, to hear its frames from the start) and the
 * extension's service workers, each one started meanwhile too.
 */
export async function watchContentWorld(context: BrowserContext, page: Page, extensionId: string): Promise<ContentWorldWatch> {
  const started = Date.now();
  const log: string[] = [];
  const note = (line: string) => log.push(`+${Date.now() - started} ms ${line}`);
  const contexts = new Map<number, ExecutionContext>();
  const devtools = await context.newCDPSession(page);
  devtools.on('Runtime.executionContextCreated', ({ context: created }) => contexts.set(created.id, created as ExecutionContext));
  devtools.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  devtools.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
    const world = contexts.get(executionContextId);
    note(`page ${world?.auxData?.type ?? '?'} world of frame ${world?.auxData?.frameId ?? '?'}: console.${type} ${args.map((a) => String(a.value ?? a.description)).join(' ')}`);
  });
  devtools.on('Runtime.exceptionThrown', ({ exceptionDetails }) => note(`page exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`));
  await devtools.send('Runtime.enable');
  const watchWorker = (worker: Worker) => {
    if (!worker.url().includes(extensionId)) return;
    note('service worker running');
    worker.on('console', (message) => note(`worker console.${message.type()} ${message.text()}`));
    worker.on('close', () => note('service worker closed'));
  };
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);

  return {
    mark: (step) => note(`test: ${step}`),
    async describe(frame) {
      const { frameTree } = await devtools.send('Page.getFrameTree');
      const find = (tree: typeof frameTree): string | undefined =>
        tree.frame.url === frame.url() ? tree.frame.id : tree.childFrames?.map(find).find(Boolean);
      const frameId = find(frameTree);
      const lines = [`frame ${frameId ?? 'not found'} (${frame.url()})`];
      for (const world of contexts.values()) {
        if (world.auxData?.frameId !== frameId || !world.origin.includes(extensionId)) continue;
        const { result } = await devtools.send('Runtime.evaluate', {
          contextId: world.id,
          returnByValue: true,
          expression: `(() => {
            const handle = globalThis[Symbol.for(${JSON.stringify(CONTENT_HANDLE)})];
            const session = handle?.session;
            return JSON.stringify({
              running: !!handle,
              session: !!session,
              enabled: session?.enabled,
              matches: session?.index.count(),
              highlights: [...CSS.highlights.values()].map((h) => h.size),
              visibility: document.visibilityState,
            });
          })()`,
        });
        lines.push(`content script's world: ${String(result.value ?? result.description)}`);
      }
      return [...lines, ...log].join('\n');
    },
  };
}
