// The top frame's side of a small frame's tooltip (issue 16). The background injects this into a
// tab's top frame when a sub-frame first asks (src/background/frame-tooltip.ts); from then on it
// shows sub-frames' tooltips over the page, where they can be read, with the tooltip the frames
// themselves use. It has no matches of its own: the top frame's own terms are its content script's.
import { answerRequests, parseRequest, sendRequest, type FrameTooltipMessage } from '@/src/messages';
import type { GlossaryView, MatchIndex } from '@/src/page/types';
import { framePlace } from './frame-path';
import type { Language } from './render';
import { startTooltip, type TooltipController } from './tooltip';

/** Where a host already running in this document's isolated world is noted: a second injection adds nothing. */
const RUNNING = Symbol.for('tifa.frame-tooltip');

const NO_MATCHES: MatchIndex = { list: () => [], count: () => 0, values: () => [], at: () => undefined, subscribe: () => () => undefined };
/** Frames send the entry along. */
const NO_ENTRIES: GlossaryView = { has: () => false, entry: () => undefined, load: async () => undefined };

/** Firefox's `runtime.getFrameId` (Chromium has none): the frame id of a frame element. */
const runtime = browser.runtime as { getFrameId?: (target: Element) => number };
const frameIdOf = runtime.getFrameId && ((element: Element): number => runtime.getFrameId!(element));

export function startFrameHost(): void {
  const slot = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (slot[RUNNING]) return;
  slot[RUNNING] = true;
  const signal = new AbortController().signal;
  let language: Language = 'both';
  let tooltip: TooltipController | undefined;
  const start = (): TooltipController =>
    (tooltip ??= startTooltip({
      matches: NO_MATCHES,
      glossary: NO_ENTRIES,
      settings: () => ({ language, hoverDelayMs: 0 }),
      signal,
      onFrameTermClosed: (frameId) => void sendRequest({ type: 'tifa:frame-tooltip', op: 'closed', frameId }).catch(() => undefined),
    }));

  function answer(message: FrameTooltipMessage): { shown: boolean; declined?: boolean } {
    const frameId = message.frameId;
    if (!frameId) return { shown: false };
    if (message.op === 'close') tooltip?.closeFrameTerm(frameId, message.force);
    else if (message.op === 'act') tooltip?.frameAct(frameId, message.action);
    if (message.op !== 'show') return { shown: !!tooltip };
    const place = framePlace(window, message.path, frameIdOf && ((element) => frameIdOf(element) === frameId));
    if (!place) return { shown: false };
    const { left, top, width, height } = message.anchor;
    const anchor = new DOMRect(place.left + left, place.top + top, width, height);
    // Out of this viewport (a frame scrolled away from a term it stepped to): the frame shows it itself.
    if (anchor.bottom < 0 || anchor.top > window.innerHeight || anchor.right < 0 || anchor.left > window.innerWidth) return { shown: false };
    language = message.language;
    return start().showFrameTerm({ ...message, frameId, element: place.element, anchor }) ? { shown: true } : { shown: false, declined: true };
  }

  answerRequests({ 'tifa:frame-tooltip': answer }, parseRequest, signal);
}
