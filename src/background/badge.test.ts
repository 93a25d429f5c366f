import { expect, test } from 'vitest';
import { badgeText } from './badge';

test('the badge shows the distinct term count only where Tifa is on and the badge is wanted', () => {
  expect(badgeText({ count: 7, enabled: true }, true)).toBe('7');
  expect(badgeText({ count: 7, enabled: false }, true)).toBe('');
  expect(badgeText({ count: 7, enabled: true }, false)).toBe('');
  expect(badgeText({ count: 0, enabled: true }, true)).toBe('');
  expect(badgeText(undefined, true)).toBe('');
  expect(badgeText({ count: 1500, enabled: true }, true)).toBe('999+');
});
