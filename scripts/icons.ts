// Renders assets/icon.svg into the PNGs the manifest and the toolbar use, in headless Chromium (the
// browser the e2e tests already need, so no image library joins the dependencies):
//   public/icon/{16,32,48,128}.png      the extension's icon (WXT lists public/icon/<size>.png in the manifest)
//   public/icon-off/{16,32}.png         the toolbar icon where Tifa is off (src/background/toolbar-icon.ts)
//   store/icon-preview.png              every size as rendered, on a light and a dark toolbar, and the
//                                       16 px icons enlarged pixel for pixel, to judge legibility
// Run after editing the SVG:  flock /work/browser.lock npx tsx scripts/icons.ts   (then commit the PNGs)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, ROOT } from '../test/e2e/harness';

const SOURCE = path.join(ROOT, 'assets/icon.svg');
const ICON_SIZES = [16, 32, 48, 128];
// The toolbar shows 16 px (32 px on high-density screens); the off variant exists only there.
const OFF_SIZES = [16, 32];
// The "off" variant: the same mark in greys, still visible on a dark toolbar (tile) and a light one.
const OFF_COLOURS: Record<string, string> = { '#b3322a': '#737373', '#ffffff': '#f2f2f2', '#ffd23f': '#c4c4c4' };

const svg = fs.readFileSync(SOURCE, 'utf8');
const offSvg = Object.entries(OFF_COLOURS).reduce((s, [from, to]) => {
  if (!s.includes(`"${from}"`)) throw new Error(`assets/icon.svg no longer uses ${from}: update OFF_COLOURS`);
  return s.replaceAll(`"${from}"`, `"${to}"`);
}, svg);

/** A sheet of the rendered PNGs themselves (not the SVG), as toolbars would show them. */
async function preview(page: import('playwright-core').Page): Promise<void> {
  const png = (file: string) => `data:image/png;base64,${fs.readFileSync(path.join(ROOT, file)).toString('base64')}`;
  const toolbar = (background: string, colour: string, label: string) => `
    <div style="background:${background};color:${colour};padding:10px 14px;display:flex;gap:18px;align-items:center">
      <span style="width:150px">${label}</span>
      ${ICON_SIZES.map((s) => `<img src="${png(`public/icon/${s}.png`)}" width="${s}" height="${s}">`).join('')}
      <span style="width:24px"></span>
      ${OFF_SIZES.map((s) => `<img src="${png(`public/icon-off/${s}.png`)}" width="${s}" height="${s}">`).join('')}
      <span style="width:24px"></span>
      <img src="${png('public/icon/16.png')}" width="128" height="128" style="image-rendering:pixelated">
      <img src="${png('public/icon-off/16.png')}" width="128" height="128" style="image-rendering:pixelated">
    </div>`;
  await page.setContent(`<!doctype html><body style="margin:0;font:14px sans-serif">
    <div id="sheet" style="display:inline-block">
      ${toolbar('#f9f9fb', '#15141a', 'Light toolbar')}
      ${toolbar('#2b2a33', '#fbfbfe', 'Dark toolbar')}
      ${toolbar('#dee1e6', '#202124', 'Chrome light')}
      ${toolbar('#202124', '#e8eaed', 'Chrome dark')}
    </div></body>`);
  const file = path.join(ROOT, 'store/icon-preview.png');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.locator('#sheet').screenshot({ path: file });
  console.log(path.relative(ROOT, file));
}

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--headless=new', ...CHROMIUM_FLAGS] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (source: string, size: number, file: string): Promise<void> => {
    const sized = source.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${sized}</body>`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.locator('svg').screenshot({ path: file, omitBackground: true });
    console.log(`${path.relative(ROOT, file)}  ${size}×${size}`);
  };
  for (const size of ICON_SIZES) await render(svg, size, path.join(ROOT, `public/icon/${size}.png`));
  for (const size of OFF_SIZES) await render(offSvg, size, path.join(ROOT, `public/icon-off/${size}.png`));
  await preview(page);
} finally {
  await browser.close();
}
