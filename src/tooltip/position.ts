// Where the tooltip goes: next to the term, inside the viewport. Pure arithmetic on rectangles.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** The tooltip's content scrolls beyond this height. */
  maxHeight: number;
  side: 'below' | 'above';
}

export interface PlaceOptions {
  /** Space between the term and the tooltip. */
  gap?: number;
  /** Space kept free at the viewport's edges. */
  margin?: number;
  /** Below this much room on both sides, the tooltip still gets this height and may cover the term. */
  minHeight?: number;
  /** The tallest the tooltip may be, whatever the room (its content scrolls beyond). */
  cap?: number;
  /** Keep to this side of the term (a tooltip growing in place), room or not. */
  side?: Placement['side'];
}

/**
 * Places a tooltip of the given natural size against `anchor` (viewport coordinates).
 * Below the term when it fits, else above when that fits, else on the roomier side with a
 * max-height so its content scrolls; never taller than `cap`. Horizontally it starts at the term and is pushed back inside
 * the viewport at either edge.
 */
export function placeTooltip(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  { gap = 6, margin = 8, minHeight = 120, cap = Infinity, side: keep }: PlaceOptions = {},
): Placement {
  const natural = Math.min(size.height, cap);
  const width = Math.min(size.width, viewport.width - 2 * margin);
  const left = clamp(anchor.left, margin, viewport.width - margin - width);

  // The term may be partly scrolled out of view: measure room from the visible part of it.
  const anchorTop = clamp(anchor.top, 0, viewport.height);
  const anchorBottom = clamp(anchor.bottom, 0, viewport.height);
  const roomBelow = viewport.height - margin - (anchorBottom + gap);
  const roomAbove = anchorTop - gap - margin;

  let side: Placement['side'];
  if (keep) side = keep;
  else if (natural <= roomBelow) side = 'below';
  else if (natural <= roomAbove) side = 'above';
  else side = roomBelow >= roomAbove ? 'below' : 'above';

  const room = Math.min(side === 'below' ? roomBelow : roomAbove, cap);
  const maxHeight = Math.max(Math.min(room, viewport.height - 2 * margin), Math.min(minHeight, viewport.height - 2 * margin));
  const height = Math.min(size.height, maxHeight);
  const wanted = side === 'below' ? anchorBottom + gap : anchorTop - gap - height;
  const top = clamp(wanted, margin, viewport.height - margin - height);
  return { left, top, maxHeight, side };
}

function clamp(value: number, min: number, max: number): number {
  // When min > max (a viewport narrower than the margins), the low edge wins so the start is readable.
  return Math.max(min, Math.min(value, max));
}
