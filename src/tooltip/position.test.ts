import { describe, expect, test } from 'vitest';
import { placeTooltip, type Box } from './position';

const viewport = { width: 1000, height: 800 };
const size = { width: 400, height: 300 };
const term = (left: number, top: number, width = 60, height = 24): Box => ({ left, top, right: left + width, bottom: top + height });

describe('placeTooltip', () => {
  test('goes below the term, aligned with its start, when there is room', () => {
    const at = placeTooltip(term(100, 100), size, viewport);
    expect(at).toMatchObject({ side: 'below', left: 100, top: 130 });
    expect(at.maxHeight).toBeGreaterThanOrEqual(size.height);
  });

  test('flips above a term near the bottom of the viewport', () => {
    const at = placeTooltip(term(100, 700), size, viewport);
    expect(at.side).toBe('above');
    expect(at.top + size.height).toBe(700 - 6);
  });

  test('is pushed back inside the right edge', () => {
    const at = placeTooltip(term(950, 100), size, viewport);
    expect(at.left + size.width).toBe(viewport.width - 8);
  });

  test('is pushed back inside the left edge for a term partly off screen', () => {
    expect(placeTooltip(term(-30, 100), size, viewport).left).toBe(8);
  });

  test('a tooltip taller than both sides takes the roomier side and scrolls', () => {
    const tall = { width: 400, height: 2000 };
    const below = placeTooltip(term(100, 200), tall, viewport);
    expect(below.side).toBe('below');
    expect(below.maxHeight).toBe(800 - 8 - (224 + 6));
    expect(below.top).toBe(230);
    const above = placeTooltip(term(100, 600), tall, viewport);
    expect(above.side).toBe('above');
    expect(above.maxHeight).toBe(600 - 6 - 8);
    expect(above.top).toBe(8);
  });

  test('with almost no room either side it keeps a readable height, covers the term, stays inside', () => {
    const short = { width: 400, height: 500 };
    const tiny = { width: 420, height: 200 };
    const at = placeTooltip(term(0, 90), short, tiny);
    expect(at.top).toBeGreaterThanOrEqual(8);
    expect(at.top + Math.min(short.height, at.maxHeight)).toBeLessThanOrEqual(200 - 8);
    expect(at.maxHeight).toBe(120);
  });

  test('a viewport narrower than the tooltip starts it at the left margin', () => {
    const at = placeTooltip(term(200, 100), size, { width: 320, height: 800 });
    expect(at.left).toBe(8);
  });

  test('a term scrolled partly above the viewport places the tooltip below its visible part', () => {
    const at = placeTooltip(term(100, -10), size, viewport);
    expect(at).toMatchObject({ side: 'below', top: 14 + 6 });
  });

  test('a cap keeps a tall tooltip to it, whatever the room, and picks the side by the capped height', () => {
    const tall = { width: 400, height: 2000 };
    const at = placeTooltip(term(100, 100), tall, viewport, { cap: 400 });
    expect(at).toMatchObject({ side: 'below', top: 130, maxHeight: 400 });
    // 500 px of room above, 176 below: a 400 px tooltip fits above.
    expect(placeTooltip(term(100, 600), tall, viewport, { cap: 400 })).toMatchObject({ side: 'above', maxHeight: 400, top: 600 - 6 - 400 });
  });

  test('growing in place keeps its side, with the room that side has', () => {
    const tall = { width: 400, height: 2000 };
    const at = placeTooltip(term(100, 200), tall, viewport, { side: 'above' });
    expect(at).toMatchObject({ side: 'above', top: 8, maxHeight: 200 - 6 - 8 });
  });
});
