// Traditional → simplified characters: for word segmentation (jieba's dictionary is simplified, so
// 黨組織 is an unknown string to it and 黨組 would be confirmed inside it), and to tell a
// traditional-character page (src/glossary/script.ts).
// Pure module; pulls in opencc's t→cn dictionary, so only the background imports it.
import { Converter } from 'opencc-js/t2cn';

let convert: ((text: string) => string) | undefined;

/** `text` in simplified characters. */
export function toSimplified(text: string): string {
  convert ??= Converter({ from: 't', to: 'cn' });
  return convert(text);
}

/**
 * `text` in simplified characters, with every UTF-16 offset unchanged (candidate spans index into it).
 * Where a conversion would change the length (rare phrase mappings), the text is returned as it was.
 */
export function toSimplifiedSameLength(text: string): string {
  const simplified = toSimplified(text);
  return simplified.length === text.length ? simplified : text;
}
