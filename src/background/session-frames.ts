// The frames told of a change of the settings or the page glossary (src/settings/session-copy.ts).
// A tab's top frame has the content script from the manifest; a sub-frame has it only once its gate
// found Chinese text and asked for it (src/page/frame-gate.ts). Telling every frame instead
// (`allFrames`) ran a function in every ad and embed frame of every tab on each change, for nothing.
// The sub-frames given the content script are kept in storage.session: the worker stops when idle,
// and the tabs and their frames stay.
import { tellFrames, type FrameRef, type PageRequest } from '@/src/messages';
import { injectScript } from './inject-script';

const SUB_FRAMES_KEY = 'content-sub-frames';

/**
 * The sub-frames given the content script, by tab id and frame id, each with when it was last given
 * it (Date.now()): a frame that navigated and was given it again while a change was being told is
 * not forgotten for having been out of reach then.
 */
type SubFrames = Record<string, Record<string, number>>;

async function readSubFrames(): Promise<SubFrames> {
  const stored: unknown = (await browser.storage.session.get(SUB_FRAMES_KEY))[SUB_FRAMES_KEY];
  return stored && typeof stored === 'object' ? (stored as SubFrames) : {};
}

let updating: Promise<unknown> = Promise.resolve();

/** Changes the stored sub-frames, one change after another: each reads what the one before wrote. */
function updateSubFrames(change: (frames: SubFrames) => void): Promise<void> {
  const next = updating
    .catch(() => undefined)
    .then(async () => {
      const frames = await readSubFrames();
      change(frames);
      await browser.storage.session.set({ [SUB_FRAMES_KEY]: frames });
    });
  updating = next;
  return next;
}

/**
 * Keeps the sub-frame that sent a request, to be told of changes: one given the content script, or
 * one shown again from the back/forward cache, which was out of reach while a change was told.
 */
export async function keepSubFrame(sender: { tab?: { id?: number }; frameId?: number }): Promise<void> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || !frameId) return;
  const given = Date.now();
  await updateSubFrames((frames) => {
    (frames[tabId] ??= {})[frameId] = given;
  }).catch((error: unknown) => console.error('Tifa: could not keep the frame', error));
}

/**
 * Injects the content script into the sub-frame whose gate asks for it, which is told of changes
 * from then on. It is kept before the script runs: a change stored after the script read storage is
 * told to it. If it cannot be kept, the script still runs.
 */
export async function injectContentScript(sender: { tab?: { id?: number }; frameId?: number }): Promise<boolean> {
  await keepSubFrame(sender);
  return injectScript('page-content', sender);
}

/**
 * Tells every tab's top frame and the sub-frames given the content script. Forgets the tabs closed
 * since, and the sub-frames it could not reach (gone with their document).
 */
export async function tellContentFrames(request: PageRequest): Promise<void> {
  const [tabs, subFrames] = await Promise.all([browser.tabs.query({}), readSubFrames().catch((): SubFrames => ({}))]);
  /** Each sub-frame with when it was given the script, as read here. */
  const frames: Array<FrameRef & { given?: number }> = [];
  for (const { id: tabId } of tabs) {
    if (tabId === undefined) continue;
    frames.push({ tabId, frameId: 0 });
    for (const [frameId, given] of Object.entries(subFrames[tabId] ?? {})) frames.push({ tabId, frameId: Number(frameId), given });
  }
  const gone = (await tellFrames(request, frames)).filter((frame) => frame.frameId !== 0);
  const open = new Set(tabs.map((tab) => String(tab.id)));
  // Only tabs read above: one whose frame was kept meanwhile is not known to be closed.
  const closed = Object.keys(subFrames).filter((tabId) => !open.has(tabId));
  if (gone.length === 0 && closed.length === 0) return;
  await updateSubFrames((frames) => {
    for (const tabId of closed) delete frames[tabId];
    for (const frame of gone) {
      const kept = frames[frame.tabId];
      // Given the script again since it was read above: its new document runs it.
      if (!kept || kept[frame.frameId] !== frame.given) continue;
      delete kept[frame.frameId];
      if (Object.keys(kept).length === 0) delete frames[frame.tabId];
    }
  }).catch((error: unknown) => console.error('Tifa: could not forget frames', error));
}

/**
 * Gives the pages open as Tifa is installed or updated the content script, which Chromium injects
 * only into pages loaded afterwards (Firefox injects into open ones itself). After an update the
 * scripts already in a page belong to the extension as it was: cut off from it, they read no
 * storage, hear of no change and load no tooltip, and stop themselves (src/page/start.ts: the new
 * version runs in a world of its own, which cannot reach them). Each tab's top frame gets the content
 * script, and every frame the gate, which has the content script injected into a sub-frame holding
 * Chinese text, as on a page load.
 * Discarded tabs are left alone: the browser loads them anew when they are shown.
 */
export async function startInOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'], discarded: false });
  await Promise.all(
    tabs.map(({ id: tabId }) =>
      tabId === undefined
        ? undefined
        : Promise.all([
            browser.scripting.executeScript({ target: { tabId }, files: ['/page-content.js'] }),
            browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/frame-gate.js'] }),
            // A page no extension may script (the web store, an error page) keeps its own.
          ]).catch(() => undefined),
    ),
  );
}
