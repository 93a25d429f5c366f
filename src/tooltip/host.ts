// The tooltip's host element: an open shadow root on a custom-named element (page selectors such as
// `div` never match it), shown in the top layer with the Popover API so the page's own dialogs,
// sticky headers and z-index stacks cannot cover it.
import { TIFA_UI_ATTRIBUTE } from '@/src/page/types';
import { TOOLTIP_CSS } from './styles';

const HOST_TAG = 'tifa-tooltip';
export const HEADING_ID = 'tifa-tooltip-term';

export interface TooltipHost {
  host: HTMLElement;
  panel: HTMLElement;
  /** Visually hidden polite live region: what keyboard users hear when a tooltip opens. */
  live: HTMLElement;
  /** Puts the host in `parent` (if it is not there) and on top of the top layer. */
  raise(parent: Element): void;
  lower(): void;
  remove(): void;
}

export function createHost(doc: Document): TooltipHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-tifa-tooltip', '');
  // Marks Tifa's own UI: the scanner neither scans it (its text is glossary text) nor watches it.
  host.setAttribute(TIFA_UI_ATTRIBUTE, '');
  host.setAttribute('popover', 'manual');
  // Open, so tests and assistive tools can read it; it holds nothing the page could not see anyway.
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, shadow, TOOLTIP_CSS);

  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('role', 'tooltip');
  panel.setAttribute('aria-labelledby', HEADING_ID);
  panel.id = 'tifa-tooltip-panel';

  const live = doc.createElement('div');
  live.className = 'live';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');

  shadow.append(panel, live);
  doc.documentElement.append(host);

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
      if (host.parentNode !== parent) {
        if (isOpen()) host.hidePopover();
        parent.append(host);
      }
      // Re-showing moves the host to the top of the top layer, above a dialog opened since.
      if (typeof host.showPopover !== 'function') return;
      if (isOpen()) host.hidePopover();
      host.showPopover();
    },
    lower() {
      if (isOpen()) host.hidePopover();
      if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
    },
    remove() {
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
