import { expect, test } from 'vitest';
import { parseRgb, relativeLuminance } from './theme';

test('parses the colour forms getComputedStyle returns', () => {
  expect(parseRgb('rgb(244, 244, 242)')).toEqual({ r: 244, g: 244, b: 242, a: 1 });
  expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
  expect(parseRgb('rgb(30 33 38 / 0.5)')).toEqual({ r: 30, g: 33, b: 38, a: 0.5 });
  expect(parseRgb('rgb(30 33 38 / 40%)')).toEqual({ r: 30, g: 33, b: 38, a: 0.4 });
  expect(parseRgb('transparent')).toBeUndefined();
  expect(parseRgb('color(srgb 1 1 1)')).toBeUndefined();
});

test('relative luminance runs from black to white', () => {
  expect(relativeLuminance({ r: 0, g: 0, b: 0 })).toBe(0);
  expect(relativeLuminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1, 6);
  expect(relativeLuminance({ r: 0x1e, g: 0x21, b: 0x26 })).toBeLessThan(0.05);
  expect(relativeLuminance({ r: 0xf4, g: 0xf4, b: 0xf2 })).toBeGreaterThan(0.85);
  // green weighs most, blue least
  expect(relativeLuminance({ r: 0, g: 255, b: 0 })).toBeGreaterThan(relativeLuminance({ r: 255, g: 0, b: 0 }));
  expect(relativeLuminance({ r: 255, g: 0, b: 0 })).toBeGreaterThan(relativeLuminance({ r: 0, g: 0, b: 255 }));
});
