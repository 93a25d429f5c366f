// The wrapping painter (src/page/wrap-painter.ts), for browsers without the CSS Custom Highlight
// API, in real Firefox. Every supported browser has the API and neither Firefox 153 nor Chromium
// can switch it off, so the package under test is the built Firefox package with one script added
// in front of the content script, in the same isolated world: it hides `Highlight` there, as a
// browser without the API would. Everything else is the real extension: createPainter finds no API,
// asks the background to inject entrypoints/wrap-painter.ts, and the page is painted by wrapping.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WRAPPER_TAG } from '../../src/page/types';
import { bundleReactFixture, saysNothing } from '../e2e/highlight-support';
import { startFixtureServer, type FixtureServer } from '../e2e/server';
import type { TermBox } from '../e2e/tooltip-helpers';
import { FIREFOX_EXTENSION_DIR, KEY, launchFirefox, waitFor, type FirefoxBrowser, type Tab } from './harness';
import { clickByText, hover, openTooltip, pixelsNear, reportCounts, setUserGlossary, tally, termBox, TEST_GLOSSARY } from './support';

const NO_HIGHLIGHT_API = `// Test only: the content scripts' world of a browser without the CSS Custom Highlight API.
globalThis.Highlight = undefined;
`;

/** A copy of the built package whose content script finds no Highlight API. */
function packageWithoutHighlightApi(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-firefox-wrap-'));
  fs.cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'no-highlight-api.js'), NO_HIGHLIGHT_API);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { content_scripts: Array<{ js: string[] }> };
  for (const script of manifest.content_scripts) script.js.unshift('no-highlight-api.js');
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return dir;
}

let server: FixtureServer;
let ff: FirefoxBrowser;
let packageDir: string;

beforeAll(async () => {
  await bundleReactFixture();
  packageDir = packageWithoutHighlightApi();
  server = await startFixtureServer();
  ff = await launchFirefox({ extensionDir: packageDir });
  await setUserGlossary(ff, TEST_GLOSSARY);
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
  if (packageDir) fs.rmSync(packageDir, { recursive: true, force: true });
});

async function openReported(page: string): Promise<Tab> {
  const tab = await ff.open(server.url(page));
  await waitFor(() => ff.pageReport(tab), 15_000);
  return tab;
}

async function reportWhen(tab: Tab, ready: (counts: Record<string, number>) => boolean): Promise<Record<string, number>> {
  return (await waitFor(async () => {
    const counts = reportCounts(await ff.pageReport(tab));
    return ready(counts) ? counts : undefined;
  }, 10_000))!;
}

/**
 * The painted matches: runs of adjacent wrappers of one class joined (a match across inline
 * elements is wrapped once per text node), with their first box; `quiet` wrappers (kept so later
 * wrapping never moves a match) are left out, as no rule styles them: what shows is what counts.
 */
function wrapped(tab: Tab): Promise<Array<TermBox & { inTrap: boolean; inEditable: boolean }>> {
  return tab.evaluate((tag) => {
    const styled = (m: Element) => {
      const style = getComputedStyle(m);
      return style.textDecorationLine !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
    };
    const marks = [...document.querySelectorAll(tag)].filter(styled);
    const out: Array<{ text: string; x: number; y: number; width: number; height: number; inTrap: boolean; inEditable: boolean }> = [];
    let previous: Element | null = null;
    for (const mark of marks) {
      const r = mark.getBoundingClientRect();
      const joined =
        previous &&
        previous.className === mark.className &&
        (() => {
          // Adjacent in text: no character and no line break between them.
          const between = new Range();
          between.setStartAfter(previous);
          between.setEndBefore(mark);
          return between.toString() === '' && !between.cloneContents().querySelector('br');
        })();
      const last = out[out.length - 1];
      if (joined && last) last.text += mark.textContent ?? '';
      else
        out.push({
          text: mark.textContent ?? '',
          x: r.x,
          y: r.y,
          width: r.width,
          height: r.height,
          inTrap: !!mark.closest('.trap'),
          inEditable: !!mark.closest('[contenteditable], textarea, input'),
        });
      previous = mark;
    }
    return out;
  }, WRAPPER_TAG);
}

const markCount = (tab: Tab) => tab.evaluate((tag) => document.querySelectorAll(tag).length, WRAPPER_TAG);
/**
 * The page's text now and as served (parsed again), <noscript> left out of both: DOMParser parses
 * it as markup where the page, with scripting on, holds it as text.
 */
const textNowAndAsServed = (tab: Tab) =>
  tab.evaluate(async () => {
    const text = (body: HTMLElement) => {
      const copy = body.cloneNode(true) as HTMLElement;
      for (const n of copy.querySelectorAll('noscript')) n.remove();
      return copy.textContent;
    };
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html').body;
    return { now: text(document.body), served: text(served) };
  });

describe('a news article without the Highlight API', () => {
  let tab: Tab;
  beforeAll(async () => {
    tab = await openReported('pages/news-simplified.html');
  });
  afterAll(() => tab.close());

  test('is painted by wrapping: the same report and the same terms, none in editable areas or traps, the text unchanged', async () => {
    const counts = await reportWhen(tab, (c) => c['tuo-pin-gong-jian'] === 1 && c['dang-zu'] === 1);
    expect(counts).toEqual({
      'shi-si-wu': 1,
      'si-ge-yi-shi': 1,
      'liang-ge-wei-hu': 3,
      'dang-zu': 1,
      'san-hui-yi-ke': 1,
      'dui-biao': 1,
      'hui-tou-kan': 1,
      'di-yi-shu-ji': 1,
      'dian-xiao-er': 1,
      'tuo-pin-gong-jian': 1,
    });
    const marks = (await waitFor(async () => {
      const list = await wrapped(tab);
      return list.length === 12 ? list : undefined;
    }))!;
    expect(tally(marks)).toEqual({ 十四五: 1, 四个意识: 1, 两个维护: 3, 党组: 1, 三会一课: 1, 对表: 1, 回头看: 1, 第一书记: 1, 店小二: 1, 脱贫攻坚: 1 });
    expect(marks.filter((m) => m.inTrap || m.inEditable)).toEqual([]);
    // The wrappers say nothing of Tifa or of the categories (issue 16): a neutral tag, random classes.
    const classes = await tab.evaluate((tag) => [...new Set([...document.querySelectorAll(tag)].map((m) => m.className))], WRAPPER_TAG);
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.filter((c) => !saysNothing(c))).toEqual([]);
    // Not through the registry: the content script's world had no API, the page's is untouched.
    expect(await tab.evaluate(() => CSS.highlights.size)).toBe(0);
    const { now, served } = await textNowAndAsServed(tab);
    expect(now).toBe(served);
    // The page's own script ran and its variable is intact.
    expect(await tab.evaluate(() => (window as unknown as { pageScriptVariable: string }).pageScriptVariable)).toBe('两个维护 三会一课');
  });

  test('the wrapped terms are underlined in the same colour', async () => {
    await tab.screenshot('wrap-news-simplified');
    expect(await pixelsNear(ff, tab, 'p.lead', '#d9730d')).toBeGreaterThan(40);
    expect(await pixelsNear(ff, tab, 'div.byline', '#d9730d')).toBe(0);
  });

  test('hovering a wrapped term explains it', async () => {
    await hover(tab, await termBox(tab, '回头看', wrapped));
    const tip = await openTooltip(tab);
    expect(tip.term).toBe('回头看');
    expect(tip.role).toBe('tooltip');
    await new Promise((r) => setTimeout(r, 250));
    await tab.screenshot('wrap-tooltip');
    await tab.press(KEY.Escape);
  });

  test('switching the site off unwraps everything: the DOM is again exactly as the page built it', async () => {
    const popup = await ff.openPopupFor(tab);
    await waitFor(() => popup.evaluate(() => !!document.querySelector('main[aria-busy="false"] .controls [role="switch"]')), 10_000);
    await popup.clickElement('.controls [role="switch"]');
    try {
      await tab.activate();
      await waitFor(async () => (await markCount(tab)) === 0, 5000);
      expect((await ff.pageReport(tab)).enabled).toBe(false);
      const same = await tab.evaluate(async () => {
        const source = await (await fetch(location.href)).text();
        // The tooltip's host, added when the previous test hovered a term, left with the tooltip.
        return new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML === document.documentElement.outerHTML;
      });
      expect(same).toBe(true);
    } finally {
      await popup.activate();
      await popup.clickElement('.controls [role="switch"]');
    }
    await tab.activate();
    await waitFor(async () => (await wrapped(tab)).length === 12, 5000);
    await popup.close();
  });
});

test('a React page keeps working: its buttons re-render over wrapped text, and the wrapping follows', async () => {
  const tab = await ff.open(server.url('pages/react.html'));
  await waitFor(() => tab.evaluate(() => !!document.getElementById('like')), 10_000);
  await reportWhen(tab, (c) => c['liang-ge-wei-hu'] === 1 && c['si-ge-yi-shi'] === 1 && c['dian-xiao-er'] === 1);
  await waitFor(async () => (await wrapped(tab)).some((m) => m.text === '四个意识'));
  const text = (selector: string) => tab.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

  await tab.clickElement('#like');
  await tab.clickElement('#like');
  await waitFor(async () => (await text('#like')) === '点赞 2');

  await tab.clickElement('#add');
  await tab.clickElement('#add');
  await waitFor(async () => (await tab.evaluate(() => document.querySelectorAll('#items li').length)) === 3);
  await reportWhen(tab, (c) => c['di-yi-shu-ji'] === 2);
  await waitFor(async () => tally(await wrapped(tab))['第一书记'] === 2);

  // React rewrites the <b> whose text Tifa wrapped: the old term goes, the new one is found.
  await tab.clickElement('#swap');
  await reportWhen(tab, (c) => c['san-hui-yi-ke'] === 1 && c['si-ge-yi-shi'] === undefined);
  expect(await text('#lead b')).toBe('三会一课');

  // React removes the list items holding wrapped terms.
  await clickByText(tab, 'button', /^清空$/);
  await reportWhen(tab, (c) => c['di-yi-shu-ji'] === undefined && c['liang-ge-wei-hu'] === undefined);
  expect(await tab.evaluate(() => document.querySelectorAll('#items li').length)).toBe(0);
  await waitFor(async () => {
    const t = tally(await wrapped(tab));
    return t['三会一课'] === 1 && t['店小二'] === 1 && Object.keys(t).length === 2;
  });
  await tab.clickElement('#like');
  await waitFor(async () => (await text('#like')) === '点赞 3');
  expect(await text('#lead')).toBe('要点：增强三会一课，当好“店小二”。');
  expect(ff.scriptErrors.filter((e) => e.context === tab.context)).toEqual([]);
  await tab.screenshot('wrap-react');
  await tab.close();
});

test('typing keeps working: editable fields are never wrapped, and the page hears every input', async () => {
  const tab = await openReported('pages/editable.html');
  expect(reportCounts(await ff.pageReport(tab))).toEqual({ 'liang-ge-wei-hu': 1, 'si-ge-yi-shi': 1 });
  await waitFor(async () => (await wrapped(tab)).length === 2);
  // The page's own listener, as an editor would have.
  await tab.evaluate(() => {
    const w = window as unknown as { inputs: number };
    w.inputs = 0;
    document.addEventListener('input', () => w.inputs++);
  });
  await tab.clickElement('#editor p');
  await tab.press(KEY.End);
  await tab.type('回头看');
  await tab.clickElement('#notes');
  await tab.press(KEY.End);
  await tab.type('十四五');
  await waitFor(async () => (await tab.evaluate(() => document.getElementById('editor')?.textContent)) === '草稿：做到两个维护，落实三会一课。回头看');
  expect(await tab.evaluate(() => (document.getElementById('notes') as HTMLTextAreaElement).value)).toBe('备注：第一书记十四五');
  expect(await tab.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBe(6);
  await new Promise((r) => setTimeout(r, 400)); // give a (wrong) rescan time to happen
  const marks = await wrapped(tab);
  expect(tally(marks)).toEqual({ 两个维护: 1, 四个意识: 1 });
  expect(marks.filter((m) => m.inEditable)).toEqual([]);

  // An element that becomes editable is unwrapped, leaving its text as it was; wrapped again after.
  const before = await tab.evaluate(() => document.getElementById('toggle')?.textContent);
  await tab.evaluate(() => document.getElementById('toggle')?.setAttribute('contenteditable', 'true'));
  await reportWhen(tab, (c) => c['si-ge-yi-shi'] === undefined);
  await waitFor(async () => (await tab.evaluate((tag) => document.querySelectorAll(`#toggle ${tag}`).length, WRAPPER_TAG)) === 0);
  expect(await tab.evaluate(() => document.getElementById('toggle')?.textContent)).toBe(before);
  await tab.evaluate(() => document.getElementById('toggle')?.removeAttribute('contenteditable'));
  await reportWhen(tab, (c) => c['si-ge-yi-shi'] === 1);
  expect(ff.scriptErrors.filter((e) => e.context === tab.context)).toEqual([]);
  await tab.close();
});
