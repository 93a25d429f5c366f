// The options page's layout at the widths people open it in (1280, 1024 and 800 px windows), in
// English (the longer labels): the entry editor of an edited shipped entry shows every field and
// button whole; the toast covers no control and goes by itself (on a fake clock); a long term stops
// before its on/off switch; the list's menus show their whole choice.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from './harness';
import { setUserGlossary, shippedFromData } from './glossary-storage';
import { useExtensionBrowser } from './use-extension';

declare const chrome: { storage: { local: { clear(): Promise<void> } } };

const fixture = useExtensionBrowser({ locale: 'en-US', viewport: { width: 1024, height: 900 } });
const WIDTHS = [1280, 1024, 800] as const;

async function openOptions(width: number, hash = ''): Promise<Page> {
  const { browser } = fixture;
  await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html${hash}`);
  await page.locator('.workspace').waitFor();
  return page;
}

/** Opens 两个维护 and saves an edit: the editor as the issue found it, with "Restore the shipped version". */
async function editShippedEntry(page: Page): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + '#entry=liang-ge-wei-hu');
  await expect.poll(() => page.locator('#f-term').inputValue()).toBe('两个维护');
  await page.locator('#f-english').fill('the Two Upholds (edited)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Restore the shipped version' }).waitFor();
}

/**
 * What does not fit in `root`: controls reaching outside its box, boxes whose content is wider than
 * they are, and menus (select) narrower than one of their choices. A menu cannot report its own
 * clipping (its scrollWidth is its width), so each choice is measured in a copy of the menu sized
 * to that choice alone, where it sits, with the page's styles.
 */
function overflowsIn(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector);
    if (!box) return [`no ${selector}`];
    const edge = box.getBoundingClientRect();
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.textContent?.trim() ? ` “${el.textContent.trim().slice(0, 30)}”` : ''}`;
    const problems: string[] = [];
    if (box.scrollWidth > box.clientWidth) problems.push(`${selector}: content ${box.scrollWidth} px in ${box.clientWidth} px`);
    for (const el of box.querySelectorAll<HTMLElement>('button, input, select, textarea, .editor-actions, .with-button')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not shown (a closed <details>)
      if (r.left < edge.left - 0.5 || r.right > edge.right + 0.5) {
        problems.push(`${name(el)} at ${Math.round(r.left)}–${Math.round(r.right)}, outside ${Math.round(edge.left)}–${Math.round(edge.right)}`);
      }
      if (!(el instanceof HTMLSelectElement) && !(el instanceof HTMLTextAreaElement) && el.scrollWidth > el.clientWidth + 1 && !(el instanceof HTMLInputElement)) {
        problems.push(`${name(el)}: content ${el.scrollWidth} px in ${el.clientWidth} px`);
      }
      if (el instanceof HTMLSelectElement) {
        for (const option of el.options) {
          const copy = el.cloneNode(false) as HTMLSelectElement;
          copy.removeAttribute('id');
          copy.append(new Option(option.text));
          copy.style.cssText = 'position: absolute; visibility: hidden; width: auto; min-width: 0; max-width: none; flex: none;';
          el.after(copy);
          const needed = copy.getBoundingClientRect().width;
          copy.remove();
          if (needed > r.width + 0.5) problems.push(`${name(el)}: “${option.text}” needs ${Math.round(needed)} px, has ${Math.round(r.width)} px`);
        }
      }
    }
    return problems;
  }, root);
}

/** Whether two elements' boxes overlap. */
function overlapping(page: Page, a: string, b: string): Promise<boolean> {
  return page.evaluate(
    ([first, second]) => {
      const r = document.querySelector(first!)!.getBoundingClientRect();
      const s = document.querySelector(second!)!.getBoundingClientRect();
      return r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom;
    },
    [a, b],
  );
}

describe('the entry editor', () => {
  test.each(WIDTHS)('an edited shipped entry at %i px: every field and button inside the editor column', async (width) => {
    const page = await openOptions(width);
    await editShippedEntry(page);
    // The whole form, its footer included: scrolled through, not only what the first screen shows.
    await page.locator('details.more summary').click();
    expect(await overflowsIn(page, 'form.editor')).toEqual([]);
    expect(await overflowsIn(page, '.editor-pane')).toEqual([]);
    // Neither the page nor the pane scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.locator('details.more summary').click();
    await page.locator('#f-english').scrollIntoViewIfNeeded();
    await screenshot(page, `options-editor-${width}`);
    await page.close();
  });
});

describe('the toast', () => {
  // A fake clock for the whole browser: time runs as usual until a test moves it on.
  beforeAll(() => fixture.browser.context.clock.install());

  test('after a save it covers no control (Cancel, Restore), goes by itself, and stays while the pointer is on it', async () => {
    const { browser } = fixture;
    const page = await openOptions(1024);
    await editShippedEntry(page);
    const toast = page.locator('[data-testid="toast"]');
    await toast.waitFor();
    await screenshot(page, 'options-toast-1024');
    for (const control of ['.editor-actions .button:not(.primary, .danger, .subtle)', '.editor-actions .button.subtle', '.editor-actions .button.danger', '.editor-actions .button.primary']) {
      expect(await overlapping(page, '[data-testid="toast"]', control), control).toBe(false);
    }
    // Nothing that can be clicked lies under it: no control's visible part (within the panes that
    // scroll it) meets the toast.
    const covered = await page.evaluate(() => {
      const t = document.querySelector('[data-testid="toast"]')!.getBoundingClientRect();
      const visiblePart = (el: Element) => {
        const r = el.getBoundingClientRect();
        let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
        for (let up = el.parentElement; up; up = up.parentElement) {
          if (getComputedStyle(up).overflow === 'visible') continue;
          const c = up.getBoundingClientRect();
          [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
        }
        return { left, top, right, bottom };
      };
      return [...document.querySelectorAll('button, input, select, textarea, a, [role="switch"]')]
        .filter((el) => !el.closest('[data-testid="toast"]'))
        .filter((el) => {
          const r = visiblePart(el);
          return r.left < r.right && r.top < r.bottom && r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom;
        })
        .map((el) => el.outerHTML.slice(0, 80));
    });
    expect(covered).toEqual([]);

    // The pointer on the toast keeps it, however long; once it leaves, the toast goes.
    await toast.hover();
    await browser.context.clock.fastForward(60_000);
    expect(await toast.isVisible()).toBe(true);
    await page.mouse.move(5, 5);
    await browser.context.clock.fastForward(10_000);
    await toast.waitFor({ state: 'detached' });

    // Closed at once with its close button.
    await page.locator('#f-english').fill('the Two Upholds (edited again)');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await toast.waitFor({ state: 'detached' });
    await page.close();
  });

  test('the undo toast after a delete goes by itself though it took focus, and focus returns to the list', async () => {
    const { browser } = fixture;
    const page = await openOptions(1024, '#entry=dang-zu');
    await expect.poll(() => page.locator('#f-term').inputValue()).toBe('党组');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const toast = page.locator('[data-testid="toast"]');
    await toast.getByRole('button', { name: 'Undo' }).waitFor();
    // Keyboard users can undo at once: focus is on Undo.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    expect(await toast.isVisible()).toBe(true);
    await browser.context.clock.fastForward(11_000);
    await toast.waitFor({ state: 'detached' });
    // Focus was in the toast: it goes back to the list, not to the page's body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-entry-id]') !== null)).toBe(true);
    await page.close();
  });
});

describe('the list', () => {
  test.each(WIDTHS)('at %i px a long term ends before its on/off switch, which stays whole', async (width) => {
    const [first, ...rest] = shippedFromData<{ id: string; term: string }>();
    const long = { ...first!, id: 'long-term', term: '坚持和完善党和国家监督体系推进国家治理体系和治理能力现代化若干重大问题的决定' };
    const page = await openOptions(width);
    await setUserGlossary(fixture.browser.serviceWorker, { entries: [long, ...rest] });
    const row = page.locator('[data-entry-id="long-term"]');
    await row.waitFor();
    const boxes = await row.evaluate((li) => {
      const r = (sel: string) => li.querySelector(sel)!.getBoundingClientRect();
      const line = li.querySelector('.row-line')!;
      return {
        term: r('.row-term'),
        badge: r('.badge'),
        switch: r('.switch-track'),
        row: li.getBoundingClientRect(),
        lineFits: line.scrollWidth <= line.clientWidth,
      };
    });
    expect(boxes.term.right).toBeLessThanOrEqual(boxes.switch.left);
    expect(boxes.badge.right).toBeLessThanOrEqual(boxes.switch.left);
    expect(boxes.lineFits).toBe(true);
    expect(boxes.switch.right).toBeLessThanOrEqual(boxes.row.right);
    // The switch still answers a click.
    await row.locator('label.switch').click({ trial: true });
    if (width === 1024) await screenshot(page, 'options-list-long-term');
    await page.close();
  });

  test('the menus above the list show their whole choice (the sort menu read “Glossary o”)', async () => {
    for (const width of WIDTHS) {
      const page = await openOptions(width);
      expect(await page.locator('.filters select').nth(2).inputValue()).toBe('glossary');
      expect(await overflowsIn(page, '.filters'), `${width} px`).toEqual([]);
      await page.close();
    }
  });
});

