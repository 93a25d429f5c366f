// Bytes a user picked → text, in whatever encoding people's files come in: a BOM says it; else
// strict UTF-8; else strict GB18030 (Excel's CSV on Chinese Windows).
// Anything else (a binary file) is refused rather than read as garbage.
import type { ImportError, TextEncoding } from './result';

function tryDecode(label: string, data: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    return undefined;
  }
}

/** Reads bytes as text: BOM first, then strict UTF-8, then strict GB18030. */
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
    text = tryDecode('utf-8', bytes);
    if (text === undefined) {
      encoding = 'gb18030';
      text = tryDecode('gb18030', bytes);
    }
  }
  // NUL or other C0 controls besides tab/newline mean a binary file that happened to decode.
  if (text === undefined || /[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    return { ok: false, code: 'encoding', detail: encoding === 'gb18030' ? undefined : encoding };
  }
  return { text, encoding };
}
