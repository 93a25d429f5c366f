// The table of real contexts of ambiguous terms (test/unit/fixtures/ambiguous-contexts.ts, issue 11)
// in a page, with the built extension: each context is a paragraph, and the candidate must be
// painted exactly where the Node judgement (segmentation, then sense cues) confirms it. So the page's
// path — the content script's matcher and context window, the message to the service worker, jieba's
// web build there, the sense cues of the shipped glossary — agrees with the unit table on every row,
// and the table's figures (real occurrences marked, traps marked) hold in the browser.
// Screenshot: test-results/ambiguous-contexts.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { judgeContexts } from '../unit/fixtures/ambiguous-judge';
import { launchWithExtension, screenshot, waitFor, type ExtensionBrowser } from './harness';
import { startFixtureServer, type FixtureServer } from './server';

const judged = judgeContexts();
let dir: string;
let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-contexts-'));
  const rows = judged.map((j, i) => `<p data-row="${i}">${escapeHtml(j.text.replace('【', '').replace('】', ''))}</p>`);
  fs.writeFileSync(path.join(dir, 'contexts.html'), `<!doctype html><meta charset="utf-8"><title>Contexts</title><article>${rows.join('\n')}</article>`);
  server = await startFixtureServer(dir);
  // Every occurrence and everyday words too (干部 is everyday): the verdict, not the display mode, decides.
  browser = await launchWithExtension({ allowedOrigins: [server.origin] });
  page = await browser.open(server.url('contexts.html'));
  // On a long page Tifa paints what lies far from the viewport only when it comes near; the verdicts
  // are what is tested here, so the whole table is made the viewport.
  await page.setViewportSize({ width: 1000, height: 16_000 });
  await page.reload();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Where Tifa painted, per row: "offset:text" of every painted range in that paragraph. */
function paintedByRow(target: Page): Promise<Record<number, string[]>> {
  return target.evaluate(() => {
    const byRow: Record<number, string[]> = {};
    for (const [, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      for (const r of highlight) {
        const p = r.startContainer.parentElement?.closest('p[data-row]');
        if (!p) continue;
        // Offsets within the paragraph's text (a paragraph is one text node here).
        const live = new Range();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        (byRow[Number(p.getAttribute('data-row'))] ??= []).push(`${r.startOffset}:${live.toString()}`);
      }
    }
    return byRow;
  });
}

describe('the real-context table in a page', () => {
  test('each candidate is painted exactly where the table’s verdict confirms it', async () => {
    const expected = judged.map((j) => j.confirmed);
    const key = (i: number) => {
      const j = judged[i]!;
      return `${j.text.indexOf('【')}:${j.term}`;
    };
    const differingIn = (byRow: Record<number, string[]>) => {
      const inPage = judged.map((_, i) => (byRow[i] ?? []).includes(key(i)));
      return { inPage, differing: judged.filter((_, i) => inPage[i] !== expected[i]).map((j) => `${j.real ? 'real' : 'trap'}: ${j.text}`) };
    };
    // Confirmation goes through the service worker (jieba loads on first use): wait until the page
    // agrees with the table, or time out and show the rows where it does not.
    let result = differingIn({});
    await waitFor(async () => (result = differingIn(await paintedByRow(page))).differing.length === 0, 30_000, 250).catch(() => undefined);
    const { inPage, differing } = result;
    expect(differing).toEqual([]);

    const real = judged.filter((j) => j.real);
    const realMarked = real.filter((j) => inPage[judged.indexOf(j)]).length;
    const trapsMarked = judged.filter((j, i) => !j.real && inPage[i]).length;
    // The aim of issue 11: at least 98% of real occurrences marked; the traps the table records as
    // unresolvable (jiebaMiss without a sense cue) are the only ones marked.
    expect(realMarked / real.length).toBeGreaterThanOrEqual(0.98);
    expect(trapsMarked).toBe(judged.filter((j) => !j.real && j.jiebaMiss && !j.senseCue).length);
    await page.setViewportSize({ width: 1000, height: 900 });
    await screenshot(page, 'ambiguous-contexts');
  });
});
