import { describe, expect, test } from 'vitest';
import { utf8 } from '../test-helpers';
import { decodeBytes } from './decode';

describe('pieces', () => {
  test('decoding: BOM stripped, strict UTF-8 preferred', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8' });
    expect(decodeBytes(utf8('两个维护'))).toEqual({ text: '两个维护', encoding: 'utf-8' });
  });
});

describe('UTF-16 without a byte order mark', () => {
  // Windows tools and Excel's "Unicode text" write UTF-16 and often leave the BOM out.
  const text = 'term\tpinyin\n两个维护\tliǎng gè wéihù\n一把手\tyībǎshǒu\n';
  const le = new Uint8Array(Buffer.from(text, 'utf16le'));
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];

  test('little-endian is told by its zero bytes and read', () => {
    expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le' });
  });

  test('big-endian is read too', () => {
    expect(decodeBytes(be)).toEqual({ text, encoding: 'utf-16be' });
  });

  test('Chinese text with a zero byte of its own (一 is U+4E00) is still read the right way round', () => {
    const chinese = 'term,pinyin\n一把手,yībǎshǒu\n一岗双责,yī gǎng shuāng zé\n一票否决,yīpiào fǒujué\n';
    expect(decodeBytes(new Uint8Array(Buffer.from(chinese, 'utf16le')))).toEqual({ text: chinese, encoding: 'utf-16le' });
  });

  test('binary data with zero bytes on both sides is still refused', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    expect(decodeBytes(png)).toMatchObject({ ok: false, code: 'encoding' });
    // Zeros on one side only, but control characters once read as UTF-16: not text either.
    expect(decodeBytes(new Uint8Array([1, 0, 2, 0, 3, 0, 4, 0]))).toMatchObject({ ok: false, code: 'encoding' });
    // A stray zero byte in a long UTF-8 text is not UTF-16: refused as before, not read as garbage.
    expect(decodeBytes(utf8(`${'两个维护 liǎng gè wéihù\n'.repeat(100)}\0`))).toMatchObject({ ok: false, code: 'encoding', detail: 'utf-8' });
  });
});
