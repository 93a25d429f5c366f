// Content-script wiring: starts this frame's page session and answers the page report.
// The tooltip plugs in below with the session's index and glossary view.
import { parseRequest } from '@/src/messages';
import { startSession, type PageSession } from './session';

export type { PageSession };

/** Starts Tifa in this frame; returns the session (its `setEnabled` is the site on/off switch). */
export function startContent(): PageSession {
  const session = startSession(document);

  // Tooltip: startTooltip({ matches: session.index, glossary: session.glossary, settings: session.settings, ... })

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const request = parseRequest(message);
    if (request?.type !== 'tifa:page-report') return undefined;
    // Only the top frame answers (it adds up same-origin frames), so the popup gets one report per tab.
    if (window !== window.top) return undefined;
    // Answer after the first pass, so a report asked for right after load is complete.
    void session.ready.catch(() => undefined).then(() => sendResponse(session.report()));
    return true;
  });
  return session;
}
