import { describe, expect, test } from 'vitest';
import { utf8 } from '../test-helpers';
import { decodeBytes } from './decode';

describe('pieces', () => {
  test('decoding: BOM stripped, strict UTF-8 preferred', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8' });
    expect(decodeBytes(utf8('两个维护'))).toEqual({ text: '两个维护', encoding: 'utf-8' });
  });
});
