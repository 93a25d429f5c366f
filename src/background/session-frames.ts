// The frames told of a change of the settings or the page glossary (src/settings/session-copy.ts).
// A tab's top frame has the content script from the manifest; a sub-frame has it only once its gate
// found Chinese text and asked for it (src/page/frame-gate.ts). Telling every frame instead
// (`allFrames`) cost a page of 200 ad frames ~0.2 ms a frame on each change (test/bench/edit-cost.ts).
// The sub-frames given the content script are kept in storage.session: the worker stops when idle,
// and the tabs and their frames stay.
import { tellFrames, type FrameRef, type PageRequest } from '@/src/messages';
import { injectScript } from './inject-script';

const SUB_FRAMES_KEY = 'content-sub-frames';

/** The sub-frames given the content script, by tab id. */
type SubFrames = Record<string, number[]>;

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
 * Injects the content script into the sub-frame whose gate asks for it, which is told of changes
 * from then on. It is kept before the script runs: a change stored after the script read storage is
 * told to it. If it cannot be kept, the script still runs.
 */
export async function injectContentScript(sender: { tab?: { id?: number }; frameId?: number }): Promise<boolean> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId !== undefined && frameId) {
    await updateSubFrames((frames) => {
      const list = (frames[tabId] ??= []);
      if (!list.includes(frameId)) list.push(frameId);
    }).catch((error: unknown) => console.error('Tifa: could not keep the frame', error));
  }
  return injectScript('page-content', sender);
}

/**
 * Tells every tab's top frame and the sub-frames given the content script. Forgets the tabs closed
 * since, and the sub-frames it could not reach (gone with their document).
 */
export async function tellContentFrames(request: PageRequest): Promise<void> {
  const [tabs, subFrames] = await Promise.all([browser.tabs.query({}), readSubFrames().catch((): SubFrames => ({}))]);
  const frames: FrameRef[] = [];
  for (const { id: tabId } of tabs) {
    if (tabId === undefined) continue;
    frames.push({ tabId, frameId: 0 });
    for (const frameId of subFrames[tabId] ?? []) frames.push({ tabId, frameId });
  }
  const gone = (await tellFrames(request, frames)).filter((frame) => frame.frameId !== 0);
  const open = new Set(tabs.map((tab) => String(tab.id)));
  // Only tabs read above: one whose frame was kept meanwhile is not known to be closed.
  const closed = Object.keys(subFrames).filter((tabId) => !open.has(tabId));
  if (gone.length === 0 && closed.length === 0) return;
  await updateSubFrames((frames) => {
    for (const tabId of closed) delete frames[tabId];
    for (const { tabId, frameId } of gone) {
      const kept = frames[tabId]?.filter((id) => id !== frameId) ?? [];
      if (kept.length > 0) frames[tabId] = kept;
      else delete frames[tabId];
    }
  }).catch((error: unknown) => console.error('Tifa: could not forget frames', error));
}
