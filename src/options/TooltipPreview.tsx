// The tooltip exactly as pages show it: the tooltip module's own renderer and stylesheet, mounted in
// a shadow root here so the options page's CSS and the tooltip's never meet.
import { useEffect, useRef } from 'react';
import type { Entry } from '@/src/glossary/schema';
import type { Settings } from '@/src/settings/settings';
import { renderEntry } from '@/src/tooltip/render';
import { TOOLTIP_CSS } from '@/src/tooltip/styles';

// The page tooltip is a fixed, zero-sized popover host; here it is an ordinary block in the layout,
// with its details shown: its footer (the "More" and "edit entry" buttons, the stepping keys) would
// only point back at this form.
const PREVIEW_CSS = `
:host { all: initial !important; display: block !important; position: static !important;
  width: auto !important; height: auto !important; }
.panel, .panel.open { position: static; display: block; width: 100%; max-height: none; animation: none; }
.foot { display: none; }
`;

export function TooltipPreview({ entry, language, dark }: { entry: Entry; language: Settings['language']; dark: boolean }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host || panelRef.current) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const sheets = [TOOLTIP_CSS, PREVIEW_CSS].map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
    shadow.adoptedStyleSheets = sheets;
    const panel = document.createElement('div');
    panel.className = 'panel open';
    shadow.replaceChildren(panel);
    panelRef.current = panel;
  }, []);

  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    panel.classList.toggle('dark', dark);
    panel.replaceChildren(renderEntry(document, entry, { language, headingId: 'tifa-preview-term', onEdit: () => undefined, expanded: true }));
  }, [entry, language, dark]);

  return <div ref={hostRef} className="tooltip-preview" data-testid="tooltip-preview" />;
}
