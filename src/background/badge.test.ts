import { expect, test } from 'vitest';
import { badgeText } from './badge';

test('the badge shows the distinct term count only where Tifa is on and the badge is wanted', () => {
  expect(badgeText({ count: 7, enabled: true, partial: false }, true)).toBe('7');
  expect(badgeText({ count: 7, enabled: false, partial: false }, true)).toBe('');
  expect(badgeText({ count: 7, enabled: true, partial: false }, false)).toBe('');
  expect(badgeText({ count: 0, enabled: true, partial: false }, true)).toBe('');
  expect(badgeText(undefined, true)).toBe('');
  expect(badgeText({ count: 1500, enabled: true, partial: false }, true)).toBe('999+');
});

test('a long page read only in part shows its count so far as a lower bound', () => {
  expect(badgeText({ count: 12, enabled: true, partial: true }, true)).toBe('12+');
  expect(badgeText({ count: 1500, enabled: true, partial: true }, true)).toBe('999+');
  expect(badgeText({ count: 12, enabled: false, partial: true }, true)).toBe('');
});
