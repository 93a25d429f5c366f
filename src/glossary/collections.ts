// Shipped collections beyond the speech's glossary. Zod-free, so the tooltip (which runs in pages)
// can name them without pulling the schema library in. Pure.

/** Each collection is switched on or off as a whole (settings.collections). */
export const COLLECTIONS = ['national'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export const COLLECTION_LABELS: Record<Collection, { zh: string; en: string }> = {
  national: { zh: '全国性提法', en: 'National formulations' },
};

/** On unless switched off: a collection shipped by a later version is on for everyone. */
export type CollectionSwitches = Partial<Record<Collection, boolean>>;

function collectionOn(collection: Collection | undefined, switches: CollectionSwitches): boolean {
  return collection === undefined || switches[collection] !== false;
}

/** The entries whose collection is on (entries of no collection always are). */
export function inSwitchedOnCollections<E extends { collection?: Collection }>(entries: readonly E[], switches: CollectionSwitches): E[] {
  return COLLECTIONS.every((c) => switches[c] !== false) ? [...entries] : entries.filter((e) => collectionOn(e.collection, switches));
}
