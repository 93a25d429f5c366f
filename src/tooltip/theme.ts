// Light or dark tooltip, following the page the term sits on, and the OS when the page paints nothing.

/** Parses the `rgb()`/`rgba()` strings getComputedStyle returns; undefined for anything else. */
export function parseRgb(value: string): { r: number; g: number; b: number; a: number } | undefined {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value.trim());
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance of an sRGB colour with 0–255 channels, from 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Below this luminance a background reads as dark (mid-grey #777 is about 0.18). */
const DARK_BELOW = 0.18;

/**
 * Whether the page behind `element` is dark: the first mostly opaque background colour among its
 * ancestors (crossing shadow roots), else the root's, else the OS preference.
 */
export function looksDark(element: Element | null, win: Window = window): boolean {
  for (let el: Element | null = element; el; el = el.parentElement ?? hostOf(el)) {
    const colour = parseRgb(win.getComputedStyle(el).backgroundColor);
    if (colour && colour.a >= 0.5) return relativeLuminance(colour) < DARK_BELOW;
  }
  return win.matchMedia('(prefers-color-scheme: dark)').matches;
}

function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
