// Puts text on the clipboard from the tooltip, on the reader's click or key press. The asynchronous
// Clipboard API where the page has it (secure pages); on a plain-http page, where it is missing, a
// copy command on a text field inside the tooltip's own shadow root (the page's DOM is not touched).
export async function copyText(doc: Document, text: string, near?: Node): Promise<void> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Refused (no focus, or a permissions policy): the copy command may still be allowed.
    }
  }
  const root = near?.getRootNode();
  const parent = root instanceof ShadowRoot ? root : undefined;
  if (!parent) throw new Error('nothing to copy with');
  const field = doc.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0';
  parent.append(field);
  try {
    field.select();
    if (!doc.execCommand('copy')) throw new Error('copy refused');
  } finally {
    field.remove();
  }
}
