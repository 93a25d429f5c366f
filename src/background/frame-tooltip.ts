// Routes a small sub-frame's tooltip to its tab's top frame (issue 16: in a 260 px ad-sized frame the
// tooltip was squeezed to 126 px). Through the background rather than a window message: a message
// between windows reaches the page's own listeners, and would tell it that Tifa is there. The top
// frame's part (src/tooltip/frame-host.ts) is injected on the first request, into frame 0 only, and
// answers from then on until that document goes.
import { FRAME_TOOLTIP_SCRIPT, sendToTab, type FrameTooltipMessage, type Sender } from '@/src/messages';

const NOT_SHOWN = { shown: false };

export async function routeFrameTooltip(message: FrameTooltipMessage, sender: Sender): Promise<{ shown: boolean; declined?: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return NOT_SHOWN;
  // The top frame's host tells a sub-frame that it closed that frame's tooltip on its own.
  if (message.op === 'closed') {
    if (sender.frameId !== 0 || !message.frameId) return NOT_SHOWN;
    await sendToTab(tabId, { type: 'tifa:frame-tooltip', op: 'closed' }, message.frameId).catch(() => undefined);
    return { shown: true };
  }
  // Only a sub-frame's tooltip moves; the top frame shows its own.
  if (!sender.frameId) return NOT_SHOWN;
  const forwarded = { type: 'tifa:frame-tooltip' as const, ...message, frameId: sender.frameId };
  const toTop = () => sendToTab(tabId, forwarded, 0).then((answer) => (typeof answer?.shown === 'boolean' ? answer : undefined));
  const answer = await toTop().catch(() => undefined);
  if (answer || message.op !== 'show') return answer ?? NOT_SHOWN;
  // No host in this document of the top frame yet: put one there, then ask again.
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [`/${FRAME_TOOLTIP_SCRIPT}.js`] });
  } catch {
    // A page Tifa may not run in (another extension's page, a PDF viewer): the frame shows its own tooltip.
    return NOT_SHOWN;
  }
  return (await toTop().catch(() => undefined)) ?? NOT_SHOWN;
}
