// Backups as a user makes and restores them on the options page: a glossary filled to the entry
// limit with entries like the shipped ones exports and imports back whole (JSON and CSV); a merge
// that would pass the limit is refused with the numbers before anything changes; a large import
// shows its progress and disables what would write, on every tab, while the page keeps responding;
// and leaving the page midway leaves the old glossary or the new one, never part of each; and an
// import saved while the service worker starts again loses no entry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { exportJson } from '../../src/glossary/export';
import { MAX_GLOSSARY_ENTRIES, type Entry } from '../../src/glossary/schema';
import { generatedEntries, shortEntries } from '../support/big-glossary';
import { setUserGlossary, shippedFromData, storedGlossarySample } from './glossary-storage';
import { screenshot } from './harness';
import { useExtensionBrowser } from './use-extension';

declare const chrome: { storage: { local: { clear(): Promise<void> } } };

const fixture = useExtensionBrowser();
const SHIPPED = shippedFromData();
/** Generous guards against a hang while 200 MB files are read and stored; not speed limits. */
const LONG = 600_000;
const count = (n: number) => n.toLocaleString('en');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-backups-'));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});
// The clean-up, and every action at the entry limit below, wait as long as those guards: after a
// 50,000-entry import, one fresh-clone run on two cores saw the options page take no click for 30 s
// (Playwright's default) and the worker not clear storage within the hook's 60 s. Load, not a hang.
beforeEach(async () => {
  await fixture.browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
  for (const page of fixture.browser.context.pages()) if (page.url().includes('options.html')) await page.close();
}, LONG);

const stored = (positions?: number[]) => storedGlossarySample<Entry>(fixture.browser.serviceWorker, positions);

function writeFile(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

async function openOptions(hash = '#import'): Promise<Page> {
  const page = await fixture.browser.openOptions(hash);
  await page.locator('.workspace, .io').first().waitFor();
  return page;
}

const mergeButton = (page: Page) => page.getByRole('button', { name: /合并|Merge/ });
const replaceButton = (page: Page) => page.getByRole('button', { name: /替换整个词库|Replace the glossary/ });
const exportButton = (page: Page, kind: 'JSON' | 'CSV') => page.getByRole('button', { name: new RegExp(`(导出|Export) ${kind}`) });
const resetButton = (page: Page) => page.getByRole('button', { name: /恢复内置词库|Reset to the shipped/ });
const fileInput = (page: Page) => page.locator('[data-testid="import-file"]');

/** Chooses `file` and waits for its preview. */
async function preview(page: Page, file: string): Promise<void> {
  await fileInput(page).setInputFiles(file);
  await page.locator('[data-testid="import-preview"]').waitFor({ timeout: LONG });
}

/** Imports `file` by merging or replacing, and waits until it is stored and said so. */
async function importFile(page: Page, file: string, mode: 'merge' | 'replace'): Promise<void> {
  await preview(page, file);
  await (mode === 'merge' ? mergeButton(page) : replaceButton(page)).click();
  await page.locator('.io .notice.success').waitFor({ timeout: LONG });
}

async function exportFile(page: Page, kind: 'JSON' | 'CSV'): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), exportButton(page, kind).click()]);
  const file = path.join(tmp, `export-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

async function resetToShipped(page: Page): Promise<void> {
  await resetButton(page).click();
  await page.getByRole('dialog').getByRole('button', { name: /^(恢复|Reset)$/ }).click();
  await expect.poll(() => stored(), { timeout: LONG }).toBeNull();
}

describe('backups at the entry limit', () => {
  test('a glossary filled to the limit with entries like the shipped ones exports and imports back whole, JSON and CSV', { timeout: 4 * LONG }, async () => {
    // Fill: the shipped glossary plus a file of realistic entries, up to the limit exactly.
    const own = generatedEntries(MAX_GLOSSARY_ENTRIES - SHIPPED.length);
    const page = await openOptions();
    page.setDefaultTimeout(LONG);
    await importFile(page, writeFile('fill.json', exportJson(own)), 'merge');
    const full = await stored([0, SHIPPED.length, -1]);
    expect(full?.count).toBe(MAX_GLOSSARY_ENTRIES);
    expect(full?.sample.map((e) => e.id)).toEqual([SHIPPED[0]!.id, own[0]!.id, own.at(-1)!.id]);

    const json = await exportFile(page, 'JSON');
    const csv = await exportFile(page, 'CSV');
    // Far beyond the 20 MB that refused a full glossary's export before.
    expect(fs.statSync(json).size).toBeGreaterThan(150_000_000);
    expect(fs.statSync(csv).size).toBeGreaterThan(100_000_000);

    for (const [file, mode] of [
      [json, 'replace'],
      [csv, 'merge'],
    ] as const) {
      await resetToShipped(page);
      // After the reset the glossary is the shipped one: the export's shipped entries are unchanged, its own ones new.
      await importFile(page, file, mode);
      const back = await stored([0, SHIPPED.length, -1]);
      expect(back?.count).toBe(MAX_GLOSSARY_ENTRIES);
      expect(back?.sample).toEqual(full?.sample);
    }
    await page.close();
  });

  test('a merge that would pass the limit is refused before anything changes, with the numbers', { timeout: LONG }, async () => {
    const adds = MAX_GLOSSARY_ENTRIES - SHIPPED.length + 1;
    const page = await openOptions();
    page.setDefaultTimeout(LONG);
    await preview(page, writeFile('over.json', exportJson(shortEntries(adds))));
    const refusal = page.locator('[data-testid="import-refusal"]');
    await refusal.waitFor();
    // Entries now, entries the file adds, the total and the limit.
    expect(await refusal.textContent()).toMatch(new RegExp(`${count(SHIPPED.length)}.*${count(adds)}.*50,001.*50,000`));
    expect(await mergeButton(page).isDisabled()).toBe(true);
    expect(await mergeButton(page).getAttribute('aria-describedby')).toBe('import-refusal');
    // Replacing with the file alone stays within the limit.
    expect(await replaceButton(page).isEnabled()).toBe(true);
    await screenshot(page, 'backups-merge-refused');
    await mergeButton(page).click({ force: true });
    expect(await stored()).toBeNull();
    await page.close();
  });
});

describe('while a large import runs', () => {
  /** Records, on every change of the progress banner, its phase and whether the buttons that write or export were disabled. */
  async function recordProgress(page: Page): Promise<void> {
    await page.evaluate(() => {
      const seen: Array<{ phase: string; disabled: boolean[] }> = [];
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      const banner = document.querySelector('[data-testid="import-progress"]')!;
      const record = () => {
        const phase = banner.getAttribute('data-phase');
        if (!phase) return;
        const buttons = [...document.querySelectorAll<HTMLButtonElement | HTMLInputElement>('.io button.button, [data-testid="import-file"]')].filter(
          (b) => /导出|Export|恢复内置词库|Reset to the shipped/.test(b.textContent ?? '') || b.type === 'file',
        );
        seen.push({ phase, disabled: buttons.map((b) => b.disabled) });
      };
      new MutationObserver(record).observe(banner, { attributes: true, childList: true, subtree: true, characterData: true });
    });
  }
  const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: Array<{ phase: string; disabled: boolean[] }> }).progressSeen);

  test('progress with a name and a live status; export, import, reset, save, delete and switches disabled on every tab; the page keeps responding', { timeout: LONG }, async () => {
    const own = generatedEntries(12_000);
    const file = writeFile('large.json', exportJson(own));
    const page = await openOptions('');
    // An entry open in the editor, as a user would have it while importing.
    await page.locator('#search').fill('dang-zu');
    await page.locator('[data-entry-id="dang-zu"] .row-main').click();
    await page.locator('#f-term').waitFor();
    await page.getByRole('tab', { name: /导入导出|Import/ }).click();
    await recordProgress(page);

    // Another extension page holds the glossary's lock (as a write from another tab would), so the
    // merge, once started, waits in plain view.
    const other = await fixture.browser.openOptions('#settings');
    await other.evaluate(() => {
      const release = new Promise<void>((resolve) => ((window as unknown as { releaseLock: () => void }).releaseLock = resolve));
      void navigator.locks.request('tifa:glossary', () => release);
    });

    await preview(page, file);
    await mergeButton(page).click();
    const bar = page.getByRole('progressbar', { name: /导入进度|Import progress/ });
    await bar.waitFor();
    const status = page.locator('[data-testid="import-progress"] [role="status"]');
    expect(await status.textContent()).toMatch(/比较|Comparing/);
    expect(await bar.getAttribute('max')).toBe(String(own.length));
    for (const button of [exportButton(page, 'JSON'), exportButton(page, 'CSV'), resetButton(page), fileInput(page), replaceButton(page)]) {
      expect(await button.isDisabled()).toBe(true);
    }
    await screenshot(page, 'backups-import-progress');

    // Another tab of the page: the editor's writes wait too, but the list still answers a search.
    await page.getByRole('tab', { name: /词库|Glossary/ }).first().click();
    await page.locator('#f-term').waitFor();
    expect(await page.getByRole('button', { name: /^(保存|Save)$/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /^(删除|Delete)$/ }).isDisabled()).toBe(true);
    await page.locator('#search').fill('lgwh');
    await page.locator('[data-entry-id="liang-ge-wei-hu"]').waitFor();
    expect(await page.locator('[data-entry-id="liang-ge-wei-hu"] input[role="switch"]').isDisabled()).toBe(true);
    expect(await bar.isVisible()).toBe(true);
    await screenshot(page, 'backups-import-progress-editor');

    await other.evaluate(() => (window as unknown as { releaseLock: () => void }).releaseLock());
    await bar.waitFor({ state: 'detached', timeout: LONG });
    expect((await stored())?.count).toBe(SHIPPED.length + own.length);
    expect(await page.getByRole('button', { name: /^(保存|Save)$/ }).isEnabled()).toBe(true);
    await page.getByRole('tab', { name: /导入导出|Import/ }).click();
    expect(await exportButton(page, 'JSON').isEnabled()).toBe(true);

    // Every phase the banner went through, reading the file and saving included, had the buttons disabled.
    const seen = await progressSeen(page);
    expect(new Set(seen.map((s) => s.phase))).toEqual(new Set(['reading', 'checking', 'comparing', 'saving']));
    const onImportTab = seen.filter((s) => s.disabled.length > 0);
    expect(onImportTab.length).toBeGreaterThan(0);
    expect(onImportTab.every((s) => s.disabled.every(Boolean))).toBe(true);
    await other.close();
    await page.close();
  });

  test('leaving the page while an import is saved asks first, and leaves the old glossary or the new one whole', { timeout: LONG }, async () => {
    const own = generatedEntries(12_000);
    const page = await openOptions();
    await preview(page, writeFile('leave.json', exportJson(own)));
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    // Leaves as soon as the first batch of entries is written: mid-way through saving.
    await page.evaluate(() => {
      const banner = document.querySelector('[data-testid="import-progress"]')!;
      new MutationObserver(() => {
        if (banner.getAttribute('data-phase') === 'saving' && /[1-9]/.test(banner.querySelector('progress')?.getAttribute('value') ?? '')) location.href = 'about:blank';
      }).observe(banner, { attributes: true, subtree: true });
    });
    await mergeButton(page).click();
    await page.waitForURL('about:blank', { timeout: LONG });
    expect(dialogs).toEqual(['beforeunload']);
    // Whatever was written before leaving, the glossary in effect is whole: the shipped one (nothing
    // stored) or the merged one, every entry it names readable.
    const after = await stored([0, -1]);
    if (after) {
      expect(after.count).toBe(SHIPPED.length + own.length);
      expect(after.sample.map((e) => e?.id)).toEqual([SHIPPED[0]!.id, own.at(-1)!.id]);
    }
    const again = await openOptions('');
    await expect.poll(() => again.locator('#list-count').textContent()).toMatch(new RegExp(after ? count(after.count).replace(',', ',?') : String(SHIPPED.length)));
    await page.close();
    await again.close();
  });
});

// Last in this file: the harness's handle on the service worker does not follow it once stopped.
describe('an import saved while the service worker starts again', () => {
  // As it starts, the worker removes the entry slots no index names: leftovers of a write cut off
  // midway (src/glossary/storage/store.ts migrateGlossary). Stopped while an import is being saved,
  // it is started again by the next batch of entries, before the index that names them is written:
  // the options page holds the glossary's lock while it writes, and the worker's start takes it too,
  // so it waits. (Without the lock this test lost the import's entries.)
  test('keeps every entry of the import', { timeout: LONG }, async () => {
    const own = generatedEntries(12_000);
    // A glossary of the user's own: with only the shipped one (no index) there is nothing to sweep.
    await setUserGlossary(fixture.browser.serviceWorker, { entries: SHIPPED.slice(0, 10) });
    const page = await openOptions();
    await preview(page, writeFile('restart.json', exportJson(own)));
    const devtools = await fixture.browser.context.newCDPSession(page);
    let running = true;
    const startedAt: number[] = [];
    devtools.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const now = versions.some((v) => v.runningStatus === 'running');
      if (now && !running) startedAt.push(Date.now());
      running = now;
    });
    await devtools.send('ServiceWorker.enable');
    await replaceButton(page).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="import-progress"]')?.getAttribute('data-phase') === 'saving', undefined, { polling: 'raf', timeout: LONG });
    await devtools.send('ServiceWorker.stopAllWorkers');
    const stoppedAt = Date.now();
    await page.locator('.io .notice.success').waitFor({ timeout: LONG });
    const savedAt = Date.now();
    // The worker was started again while the entries were being written: the case this test is about.
    expect(startedAt.filter((at) => at > stoppedAt && at < savedAt)).toHaveLength(1);
    const after = await storedGlossarySample<Entry>(page, [0, 5_999, -1]);
    expect({ count: after?.count, ids: after?.sample.map((e) => e?.id) }).toEqual({ count: own.length, ids: [own[0]!.id, own[5_999]!.id, own.at(-1)!.id] });
    await screenshot(page, 'backups-import-during-worker-restart');
    await devtools.detach();
    await page.close();
  });
});
