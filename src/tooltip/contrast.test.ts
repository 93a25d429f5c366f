// WCAG AA contrast of the tooltip's text, computed from tooltip.css itself: the category chips (text
// in the category colour on a tint of it over the panel) and the panel's text colours, in the light
// and the dark theme. axe checks the one chip the options preview happens to show; this checks all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATEGORIES } from '@/src/glossary/schema';
import { relativeLuminance } from './theme';

const css = fs.readFileSync(path.join(import.meta.dirname, 'tooltip.css'), 'utf8');
/** WCAG AA for normal-size text: the chips (11.5px) and labels (11px) are small. */
const AA = 4.5;

type Rgb = { r: number; g: number; b: number };

function hex(value: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${value}`);
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16) };
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color-mix(in srgb, c p%, transparent)` painted over an opaque `under`. */
function tint(c: Rgb, percent: number, under: Rgb): Rgb {
  const p = percent / 100;
  const mix = (x: number, y: number) => x * p + y * (1 - p);
  return { r: mix(c.r, under.r), g: mix(c.g, under.g), b: mix(c.b, under.b) };
}

/** The custom properties declared in the first rule with exactly this selector. */
function vars(selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const block = new RegExp(`(?:^|[}\\s])${escaped}\\s*\\{([^}]*)\\}`, 'm').exec(css)?.[1];
  if (block === undefined) throw new Error(`no rule for ${selector} in tooltip.css`);
  return Object.fromEntries([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);?/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const chipTint = Number(/\.category\s*\{[^}]*background:\s*color-mix\(in srgb, var\(--cat\) (\d+)%, var\(--bg\)\)/.exec(css)?.[1]);

const themes = [
  { name: 'light', panel: vars('.panel'), category: (c: string) => vars(`.cat-${c}`)['--cat'] },
  { name: 'dark', panel: { ...vars('.panel'), ...vars('.panel.dark') }, category: (c: string) => vars(`.dark .cat-${c}`)['--cat'] },
];

describe.each(themes)('tooltip colours, $name theme', ({ panel, category }) => {
  const bg = hex(panel['--bg']!);

  test('the chip tint is read from the stylesheet', () => {
    expect(chipTint).toBeGreaterThan(0);
  });

  test.each([...CATEGORIES])('the %s chip passes AA', (name) => {
    const colour = category(name);
    expect(colour, `--cat for ${name}`).toBeDefined();
    const text = hex(colour!);
    expect(contrast(text, tint(text, chipTint, bg))).toBeGreaterThanOrEqual(AA);
  });

  test.each(['--fg', '--muted', '--faint', '--english'])('%s text passes AA on the panel and in the quote', (name) => {
    const text = hex(panel[name]!);
    expect(contrast(text, bg)).toBeGreaterThanOrEqual(AA);
    expect(contrast(text, hex(panel['--quote-bg']!))).toBeGreaterThanOrEqual(AA);
  });
});

test('the contrast arithmetic matches WCAG: the old slogan chip failed at 4.35:1', () => {
  const old = hex('#c2410c');
  expect(contrast(old, tint(old, 12, hex('#ffffff')))).toBeCloseTo(4.35, 2);
  expect(contrast(hex('#000000'), hex('#ffffff'))).toBeCloseTo(21, 5);
});
