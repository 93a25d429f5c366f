// A style sheet Tifa owns, adopted by documents and shadow roots: it adds no element to the page.

/** Adds `sheet` to a document's or shadow root's adopted sheets unless it is there already. */
function adoptSheet(target: Document | ShadowRoot, sheet: CSSStyleSheet): boolean {
  try {
    const current = target.adoptedStyleSheets;
    if (!current.includes(sheet)) target.adoptedStyleSheets = [...current, sheet];
    return true;
  } catch {
    return false;
  }
}

function dropSheet(target: Document | ShadowRoot, sheet: CSSStyleSheet): void {
  try {
    if (target.adoptedStyleSheets.includes(sheet)) {
      target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  } catch {
    // The page may have frozen or replaced the list; nothing of ours to remove then.
  }
}

/** One sheet: its CSS (`set`), the roots that adopted it, and its removal from all of them (`destroy`). */
export class OwnStyle {
  readonly #sheet: CSSStyleSheet;
  readonly #roots = new Set<Document | ShadowRoot>();
  #css = '';

  constructor() {
    this.#sheet = new CSSStyleSheet();
  }

  /** Writes `css` unless the sheet holds it already: each write restyles every document that adopted it. */
  set(css: string): void {
    if (css === this.#css) return;
    this.#css = css;
    this.#sheet.replaceSync(css);
  }

  adopt(root: Document | ShadowRoot): void {
    if (adoptSheet(root, this.#sheet)) this.#roots.add(root);
  }

  /** Re-adopts where a page replaced its adopted sheets (frameworks assign the whole list). */
  reassert(): void {
    for (const root of this.#roots) adoptSheet(root, this.#sheet);
  }

  destroy(): void {
    for (const root of this.#roots) dropSheet(root, this.#sheet);
    this.#roots.clear();
  }
}
