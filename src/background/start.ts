// Background service worker: answers the typed messages of src/messages.ts.
import { parseRequest } from '@/src/messages';

export function startBackground(): void {
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const request = parseRequest(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'tifa:open-options':
        void browser.runtime.openOptionsPage();
        return undefined;
      default:
        return undefined;
    }
    void sendResponse;
  });
}
