// Background service worker: answers the typed messages of src/messages.ts.
import { parseRequest } from '@/src/messages';
import { getGlossary, watchGlossary } from './glossary-service';
import { entriesById, publishPageGlossary } from './page-glossary';
import { segmentCheck } from './segmenter';
import { startBadge } from './badge';
import { startContextMenu } from './context-menu';
import { startSiteCommand } from './site-command';
import { startToolbarIcon } from './toolbar-icon';
import { injectScript } from './inject-script';
import { findNewFormulations } from './new-formulations';

/** Publishes the page glossary; a failure is logged, and pages ask again (tifa:get-page-glossary). */
function publish(): void {
  publishPageGlossary().catch((error: unknown) => console.error('Tifa: page glossary failed', error));
}

export function startBackground(): void {
  // Pages read the page glossary from storage: keep it in step with every glossary change, and
  // with the shipped glossary of this version (an update may have changed it).
  watchGlossary(publish);
  publish();
  // Popup and per-site control (issue 7): toolbar badge, "Add to Tifa glossary", the site toggle key.
  startBadge();
  startToolbarIcon();
  startContextMenu();
  startSiteCommand();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const request = parseRequest(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'tifa:get-glossary':
        getGlossary().then(sendResponse, (error: unknown) => console.error('Tifa: glossary failed to load', error));
        return true;
      case 'tifa:get-page-glossary':
        publishPageGlossary().then(
          (encoded) => sendResponse({ encoded }),
          (error: unknown) => console.error('Tifa: page glossary failed', error),
        );
        return true;
      case 'tifa:get-entries':
        entriesById(request.ids).then(
          (entries) => sendResponse({ entries }),
          (error: unknown) => console.error('Tifa: entries failed to load', error),
        );
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
      case 'tifa:new-formulations':
        findNewFormulations(request.text, request.dismissed).then(
          (found) => sendResponse({ found }),
          (error: unknown) => {
            console.error('Tifa: new formulations failed', error);
            sendResponse({ found: [], error: error instanceof Error ? error.message : String(error) });
          },
        );
        return true;
      case 'tifa:load-script':
        void injectScript(request.script, sender).then(sendResponse);
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
  });
}
