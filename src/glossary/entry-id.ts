// Readable entry ids made from pinyin, for entries the user adds in the editor and for imported
// rows that come without an id (a hand-made spreadsheet).
// Pure: no DOM, no browser APIs.

/** A readable id from pinyin: "liǎng gè wéihù" → "liang-ge-weihu"; unique against `taken`. */
export function idFromPinyin(pinyin: string, taken: Pick<ReadonlySet<string>, 'has'>): string {
  const base =
    pinyin
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'entry';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
