import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadTooltipUi, registerTooltipUi } from './ui-hook';
import type { StartTooltip } from './tooltip';

const start: StartTooltip = () => ({ hoverAt() {}, keyDown() {}, reveal: () => false, showFrameTerm: () => false, closeFrameTerm() {}, frameAct() {} });

beforeEach(() => fakeBrowser.reset());

test('resolves with the startTooltip the injected script registers before the background answers', async () => {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    expect(message).toEqual({ type: 'tifa:load-script', script: 'tooltip-ui' });
    registerTooltipUi(start); // what entrypoints/tooltip-ui.ts does when executeScript runs it
    return Promise.resolve(true);
  });
  await expect(loadTooltipUi()).resolves.toBe(start);
});

test('rejects when the background could not inject it, and a later attempt can still succeed', async () => {
  let inject = false;
  fakeBrowser.runtime.onMessage.addListener(() => {
    if (inject) registerTooltipUi(start);
    return Promise.resolve(inject);
  });
  await expect(loadTooltipUi()).rejects.toThrow(/not injected/);
  inject = true;
  await expect(loadTooltipUi()).resolves.toBe(start);
});
