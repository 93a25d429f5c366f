// Content-script wiring: starts this frame's page session and answers the page report.
// The tooltip plugs in below with the session's index and glossary view; its UI loads on first use.
import { parseRequest, sendRequest } from '@/src/messages';
import { startLazyTooltip } from '@/src/tooltip/lazy';
import { loadTooltipUi } from '@/src/tooltip/ui-hook';
import { startSession, type PageSession } from './session';
import { watchSiteActive } from '@/src/settings/site-watch';

export type { PageSession };

/** Starts Tifa in this frame; returns the session (its `setEnabled` is the site on/off switch). */
export function startContent(): PageSession {
  const session = startSession(document);
  // Site rules and the pause (issue 7): nothing is painted until the rule for this page is known, then
  // the session follows every switch live.
  void session.setEnabled(false);
  const site = watchSiteActive((active) => session.setEnabled(active));

  const stopTooltip = startLazyTooltip(
    {
      matches: session.index,
      glossary: session.glossary,
      settings: session.settings,
      openOptions: (entryId) => void sendRequest({ type: 'tifa:open-options', entryId }).catch(() => undefined),
    },
    loadTooltipUi,
  );
  // The tooltip leaves with the session (extension reloaded or updated).
  const destroySession = session.destroy;
  session.destroy = () => {
    site.stop();
    stopTooltip();
    destroySession();
  };

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const request = parseRequest(message);
    if (request?.type !== 'tifa:page-report') return undefined;
    // Only the top frame answers (it adds up same-origin frames), so the popup gets one report per tab.
    if (window !== window.top) return undefined;
    // Answer after the first pass, so a report asked for right after load is complete.
    void Promise.all([session.ready.catch(() => undefined), site.ready]).then(() => sendResponse(session.report()));
    return true;
  });
  return session;
}
