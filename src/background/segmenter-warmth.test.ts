import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SEGMENTER_WARM_KEY } from '@/src/settings/session-copy';
import { segmenterReady, segmenterStarting } from './segmenter-warmth';

const stamp = async () => (await fakeBrowser.storage.session.get(SEGMENTER_WARM_KEY))[SEGMENTER_WARM_KEY];
/** segmenterReady writes without waiting: let the write land. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fakeBrowser.reset());

test('a starting worker says jieba is not loaded (0), over the time a worker before it wrote', async () => {
  await fakeBrowser.storage.session.set({ [SEGMENTER_WARM_KEY]: 1_000_000 });
  await segmenterStarting();
  expect(await stamp()).toBe(0);
});

test('each answer writes the time, at most once every 5 s; a worker started again writes at its first answer', async () => {
  await segmenterStarting();
  segmenterReady(1_000_000);
  await settled();
  expect(await stamp()).toBe(1_000_000);
  segmenterReady(1_004_999);
  await settled();
  expect(await stamp()).toBe(1_000_000);
  segmenterReady(1_005_000);
  await settled();
  expect(await stamp()).toBe(1_005_000);

  await segmenterStarting();
  expect(await stamp()).toBe(0);
  segmenterReady(1_006_000);
  await settled();
  expect(await stamp()).toBe(1_006_000);
});
