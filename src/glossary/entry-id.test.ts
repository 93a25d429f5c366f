import { describe, expect, test } from 'vitest';
import { idFromPinyin } from './entry-id';

describe('pieces', () => {
  test('ids from pinyin', () => {
    expect(idFromPinyin('liǎng gè wéihù', new Set())).toBe('liang-ge-weihu');
    expect(idFromPinyin("xī'ān", new Set(['xi-an']))).toBe('xi-an-2');
    expect(idFromPinyin('nǚ', new Set())).toBe('nu');
    expect(idFromPinyin('···', new Set())).toBe('entry');
  });
});
