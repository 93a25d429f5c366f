// Background service worker: answers the typed messages of src/messages.ts.
import { parseRequest } from '@/src/messages';
import { getGlossary, watchGlossary } from './glossary-service';
import { segmentCheck } from './segmenter';
import { startBadge } from './badge';
import { startContextMenu } from './context-menu';
import { startSiteCommand } from './site-command';
import { injectTooltipUi } from './tooltip-ui';

export function startBackground(): void {
  watchGlossary();
  // Popup and per-site control (issue 7): toolbar badge, "Add to Tifa glossary", the site toggle key.
  startBadge();
  startContextMenu();
  startSiteCommand();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const request = parseRequest(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'tifa:get-glossary':
        getGlossary().then(sendResponse, (error: unknown) => console.error('Tifa: glossary failed to load', error));
        return true;
      case 'tifa:segment-check':
        segmentCheck(request.text, request.candidates).then(
          (confirmed) => sendResponse({ confirmed }),
          (error: unknown) => {
            // Without segmentation nothing ambiguous is confirmed: a missed mark beats a wrong one.
            console.error('Tifa: segmentation failed', error);
            sendResponse({ confirmed: request.candidates.map(() => false) });
          },
        );
        return true;
      case 'tifa:load-tooltip':
        void injectTooltipUi(sender).then(sendResponse);
        return true;
      case 'tifa:open-options':
        // openOptionsPage() cannot carry a hash, so an entry is opened as its own tab (#entry=<id>).
        if (request.entryId) {
          void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#entry=${encodeURIComponent(request.entryId)}`) });
        } else {
          void browser.runtime.openOptionsPage();
        }
        return undefined;
      default:
        return undefined;
    }
    void sendResponse;
  });
}
