// Bytes a user picked → text, in whatever encoding people's files come in: a BOM says it; else a
// pattern of zero bytes says UTF-16 (Excel's "Unicode text" and Windows tools write it, often
// without a BOM); else strict UTF-8; else strict GB18030 (Excel's CSV on Chinese Windows).
// Anything else (a binary file) is refused rather than read as garbage.
import type { ImportError, TextEncoding } from './result';

function tryDecode(label: string, data: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a BOM, told by where zero bytes fall. Text with any ASCII in it (every CSV header
 * and JSON document has some, and line breaks are ASCII) is full of code units 0x00xx, whose zero
 * byte comes second in little-endian and first in big-endian order. Chinese text puts a zero byte
 * on the other side only now and then (一 is U+4E00), and UTF-8 or GB18030 text holds no zero
 * bytes at all. So zeros that clearly favour one side, and are not a stray one or two in a large
 * file, mean UTF-16; binary data, with zeros on both sides, is left to be refused.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const end = Math.min(bytes.length - (bytes.length % 2), 64 * 1024);
  let evenZeros = 0; // the first byte of a code unit: zero in big-endian ASCII
  let oddZeros = 0; // the second byte: zero in little-endian ASCII
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const enough = (zeros: number) => zeros > 0 && zeros * 200 >= end / 2; // at least 0.5% of code units
  if (oddZeros > 2 * evenZeros && enough(oddZeros)) return 'utf-16le';
  if (evenZeros > 2 * oddZeros && enough(evenZeros)) return 'utf-16be';
  return undefined;
}

/** Reads bytes as text: BOM first, then UTF-16 by its zero bytes, then strict UTF-8, then strict GB18030. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } | ImportError {
  let text: string | undefined;
  let encoding: TextEncoding = 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = tryDecode('utf-8', bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = tryDecode('utf-16le', bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = tryDecode('utf-16be', bytes.subarray(2));
  } else {
    const utf16 = bytes.includes(0) ? utf16WithoutBom(bytes) : undefined;
    if (utf16) {
      encoding = utf16;
      text = tryDecode(utf16, bytes);
    } else {
      text = tryDecode('utf-8', bytes);
      if (text === undefined) {
        encoding = 'gb18030';
        text = tryDecode('gb18030', bytes);
      }
    }
  }
  // NUL or other C0 controls besides tab/newline mean a binary file that happened to decode.
  // oxlint-disable-next-line no-control-regex -- finding control characters is the point
  if (text === undefined || /[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    return { ok: false, code: 'encoding', detail: encoding === 'gb18030' ? undefined : encoding };
  }
  return { text, encoding };
}
