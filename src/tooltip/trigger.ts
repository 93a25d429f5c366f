// The stepping shortcut, shared by the full tooltip (tooltip.ts, loaded on demand) and the small gate
// that stays in the content script (lazy.ts): both must take the same key presses.

/**
 * The stepping shortcut a key press asks for: 1 for Alt+Shift+. (next term), -1 for Alt+Shift+,
 * (previous), 0 for anything else, a press the page already handled, or one typed into a field.
 */
export function stepDirection(event: KeyboardEvent, doc: Document): 1 | -1 | 0 {
  if (event.defaultPrevented || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return 0;
  // Physical keys: Shift and Alt change the characters these keys produce on every layout.
  const direction = event.code === 'Period' ? 1 : event.code === 'Comma' ? -1 : 0;
  return direction && !focusIsEditable(doc) ? direction : 0;
}

/** Keys typed into a field belong to the field: the focused element, looking through shadow roots. */
export function focusIsEditable(doc: Document): boolean {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return false;
  if (active instanceof HTMLElement && active.isContentEditable) return true;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return true;
  if (active instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit'].includes(active.type);
  }
  return false;
}
