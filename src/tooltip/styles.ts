// The tooltip's stylesheet, adopted into its shadow root (a constructed sheet, so page CSPs that
// forbid inline styles do not block it). The :host rules are !important because the host lives in
// the page's tree, where the page's own rules could otherwise reach it; inside the shadow root
// nothing of the page applies.
export const TOOLTIP_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  background: transparent !important;
  z-index: 2147483647 !important;
}

.live {
  position: fixed; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}

.panel {
  --bg: #ffffff;
  --fg: #1f2328;
  --muted: #5f6670;
  --faint: #8a9099;
  --line: #e4e6ea;
  --accent: #9f1d22;
  --english: #0d4a8f;
  --quote-bg: #f7f6f3;
  --shadow: 0 1px 2px rgb(0 0 0 / 0.08), 0 8px 28px rgb(0 0 0 / 0.16);
  display: none;
  position: fixed;
  box-sizing: border-box;
  width: min(400px, calc(100vw - 16px));
  overflow: auto;
  overscroll-behavior: contain;
  padding: 14px 16px 10px;
  border: 1px solid var(--line);
  border-radius: 10px;
  background: var(--bg);
  color: var(--fg);
  box-shadow: var(--shadow);
  font: 14px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  text-align: left;
  cursor: auto;
  pointer-events: auto;
  scrollbar-width: thin;
}
.panel.open { display: block; animation: tifa-in 110ms ease-out; }
.panel.above.open { animation-name: tifa-in-above; }
.panel.pinned { border-color: var(--accent); }
.panel.dark {
  --bg: #1e2126;
  --fg: #e8eaed;
  --muted: #a9afb8;
  --faint: #80868f;
  --line: #3a3f47;
  --accent: #f28b82;
  --english: #8ab4f8;
  --quote-bg: #262a30;
  --shadow: 0 1px 2px rgb(0 0 0 / 0.4), 0 10px 32px rgb(0 0 0 / 0.55);
  color-scheme: dark;
}
@keyframes tifa-in { from { opacity: 0; transform: translateY(-3px); } }
@keyframes tifa-in-above { from { opacity: 0; transform: translateY(3px); } }
@media (prefers-reduced-motion: reduce) { .panel.open { animation: none; } }

:lang(zh) { font-family: "Noto Sans CJK SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", system-ui, sans-serif; }
p, h2, h3, ol, blockquote { margin: 0; padding: 0; }

.head { display: flex; align-items: flex-start; justify-content: space-between; gap: 12px; }
.title { display: flex; align-items: baseline; flex-wrap: wrap; column-gap: 10px; min-width: 0; }
.term { font-size: 20px; line-height: 1.3; font-weight: 700; letter-spacing: 0.02em; color: var(--fg); }
.pinyin { font-size: 13px; color: var(--muted); }
.category {
  flex: none; margin-top: 3px; padding: 1px 8px; border-radius: 999px;
  font-size: 11.5px; line-height: 18px; font-weight: 600; white-space: nowrap;
  color: var(--cat); background: color-mix(in srgb, var(--cat) 12%, transparent);
  border: 1px solid color-mix(in srgb, var(--cat) 30%, transparent);
}
.cat-slogan { --cat: #c2410c; } .cat-institution { --cat: #1d4ed8; } .cat-practice { --cat: #047857; }
.cat-policy { --cat: #7c3aed; } .cat-campaign { --cat: #b91c1c; } .cat-document { --cat: #4b5563; }
.cat-plan { --cat: #0e7490; } .cat-concept { --cat: #a16207; } .cat-jargon { --cat: #be185d; }
.dark .cat-slogan { --cat: #fdba74; } .dark .cat-institution { --cat: #93c5fd; } .dark .cat-practice { --cat: #6ee7b7; }
.dark .cat-policy { --cat: #c4b5fd; } .dark .cat-campaign { --cat: #fca5a5; } .dark .cat-document { --cat: #d1d5db; }
.dark .cat-plan { --cat: #67e8f9; } .dark .cat-concept { --cat: #fcd34d; } .dark .cat-jargon { --cat: #f9a8d4; }

.variant { margin-top: 2px; font-size: 12px; color: var(--faint); }
.english { margin-top: 6px; }
.official { font-size: 15px; font-weight: 600; color: var(--english); }
.alternatives { font-size: 12.5px; color: var(--muted); }

.summary { margin-top: 8px; display: grid; gap: 3px; }
.summary-text { font-weight: 500; }
.explanation { margin-top: 8px; display: grid; gap: 4px; color: var(--muted); font-size: 13px; }

.label {
  margin-bottom: 4px; font-size: 11px; font-weight: 700; letter-spacing: 0.06em;
  text-transform: uppercase; color: var(--faint);
}
.components, .source { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--line); }
.component-list { padding-left: 1.6em; display: grid; gap: 3px; font-size: 13px; }
.component::marker { color: var(--accent); font-weight: 700; }
.component-zh, .component-en { display: block; }
.component-zh + .component-en { color: var(--muted); font-size: 12.5px; }

.quote { padding: 6px 10px; border-left: 3px solid var(--accent); border-radius: 0 6px 6px 0; background: var(--quote-bg); }
.quote-text { font-size: 13px; line-height: 1.65; }
.section { display: block; margin-top: 4px; font-size: 11.5px; font-style: normal; color: var(--faint); }

.foot {
  display: flex; align-items: center; justify-content: flex-end; gap: 12px;
  margin-top: 10px; padding-top: 6px; border-top: 1px solid var(--line);
  font-size: 12px; color: var(--faint);
}
.since { margin-right: auto; }
.edit {
  all: unset; cursor: pointer; font-size: 12.5px; font-weight: 600; color: var(--english);
  padding: 2px 4px; border-radius: 4px;
}
.edit:hover { text-decoration: underline; }
.edit:focus-visible { outline: 2px solid var(--english); outline-offset: 1px; }
`;
