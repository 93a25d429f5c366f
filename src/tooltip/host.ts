// The tooltip's host element, in the page's DOM only while a tooltip is shown (issue 16: the page
// should not learn that Tifa is there). It says nothing about Tifa: a random custom-element name
// (page selectors such as `div` never match it, and no page can look for it), no attribute but the
// `popover` that puts it in the top layer (so the page's own dialogs, sticky headers and z-index
// stacks cannot cover it), and a closed shadow root, which page scripts cannot open. Tifa's scripts
// know it by a mark in their own isolated world (OWN_UI). Tests read it through the browser's
// remote protocol (test/e2e/tooltip-helpers.ts), which sees closed shadow roots.
import { randomName } from '@/src/page/random-name';
import { OWN_UI } from '@/src/page/types';
import { TOOLTIP_CSS } from './styles';

/** The heading's id, inside the closed shadow root (where no page sees it). */
export const HEADING_ID = 'tifa-tooltip-term';

export interface TooltipHost {
  host: HTMLElement;
  panel: HTMLElement;
  /** Visually hidden polite live region: what keyboard users hear when a tooltip opens. */
  live: HTMLElement;
  /** Puts the host in `parent` (if it is not there) and on top of the top layer; true if it was not in the page. */
  raise(parent: Element): boolean;
  /** Takes the host out of the page (it is kept for the next tooltip). */
  lower(): void;
}

export function createHost(doc: Document): TooltipHost {
  const host = doc.createElement(`${randomName()}-${randomName()}`);
  (host as unknown as Record<symbol, boolean>)[OWN_UI] = true;
  host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptStyles(doc, shadow, TOOLTIP_CSS);

  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('role', 'tooltip');
  panel.setAttribute('aria-labelledby', HEADING_ID);

  const live = doc.createElement('div');
  live.className = 'live';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');

  shadow.append(panel, live);

  const isOpen = () => {
    try {
      return host.matches(':popover-open');
    } catch {
      return false;
    }
  };

  return {
    host,
    panel,
    live,
    raise(parent) {
      const inserted = !host.isConnected;
      if (host.parentNode !== parent) {
        if (isOpen()) host.hidePopover();
        parent.append(host);
      }
      // Re-showing moves the host to the top of the top layer, above a dialog opened since.
      if (typeof host.showPopover === 'function') {
        if (isOpen()) host.hidePopover();
        host.showPopover();
      }
      return inserted;
    },
    lower() {
      if (isOpen()) host.hidePopover();
      host.remove();
    },
  };
}

/** A constructed stylesheet is exempt from the page's CSP; a <style> element is the fallback. */
function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}
