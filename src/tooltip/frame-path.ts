// How the top frame finds where a sub-frame is, to show that frame's tooltip over it
// (src/tooltip/frame-host.ts). A frame can name its place without reading anything it may not: its
// index in each parent's `frames` (readable across origins, and compared by identity), from the top
// down. The top frame follows those indices to the frame's element in its own document and adds up
// the offsets; it can look inside same-origin frames on the way, not cross-origin ones.

/** This frame's index in its parent's `frames`, and each parent's in its parent's, from the top frame down; undefined in the top frame or if a step cannot be found. */
export function framePath(win: Window): number[] | undefined {
  const path: number[] = [];
  try {
    for (let frame: Window = win; frame !== frame.top; frame = frame.parent) {
      const parent = frame.parent;
      let index = 0;
      while (index < parent.length && parent[index] !== frame) index++;
      if (index === parent.length) return undefined;
      path.unshift(index);
    }
  } catch {
    return undefined;
  }
  return path.length > 0 ? path : undefined;
}

export interface FramePlace {
  /** The element in `win`'s document that holds the frame (or the frame holding it). */
  element: Element;
  /** Where the frame's viewport starts in `win`'s viewport (CSS pixels). */
  left: number;
  top: number;
}

/**
 * Where the frame `path` leads to shows its viewport in `win`'s; undefined if a frame on the way is
 * cross-origin or gone. `isFrame` recognises the frame's element where window identity does not
 * (Firefox's content scripts see a cross-origin frame's window through a wrapper of their own; there
 * `runtime.getFrameId` names an element's frame).
 */
export function framePlace(win: Window, path: readonly number[], isFrame?: (element: Element) => boolean): FramePlace | undefined {
  let left = 0;
  let top = 0;
  let outer: Element | undefined;
  let current: Window = win;
  for (const index of path) {
    const child = current[index];
    let doc: Document;
    try {
      doc = current.document;
    } catch {
      return undefined;
    }
    if (!child) return undefined;
    const frames = [...doc.querySelectorAll('iframe, frame, object')];
    const element = frames.find((e) => (e as HTMLIFrameElement).contentWindow === child) ?? (isFrame && frames.find(isFrame));
    if (!element) return undefined;
    const box = element.getBoundingClientRect();
    const style = current.getComputedStyle(element);
    left += box.left + element.clientLeft + (parseFloat(style.paddingLeft) || 0);
    top += box.top + element.clientTop + (parseFloat(style.paddingTop) || 0);
    outer ??= element;
    current = child;
  }
  return outer && { element: outer, left, top };
}
