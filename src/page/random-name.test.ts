import { describe, expect, test } from 'vitest';
import { randomName } from './random-name';

describe('randomName', () => {
  test('is ten lower-case letters, a valid CSS identifier and custom element prefix', () => {
    for (let i = 0; i < 200; i++) expect(randomName()).toMatch(/^[a-z]{10}$/);
  });

  test('is drawn anew each time', () => {
    const names = new Set(Array.from({ length: 50 }, randomName));
    expect(names.size).toBe(50);
  });

  test('uses the whole alphabet', () => {
    const letters = new Set(Array.from({ length: 100 }, randomName).join(''));
    expect(letters.size).toBe(26);
  });
});
