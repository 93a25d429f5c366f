// The glossary that ships with Tifa: the speech's entries (data/glossary.json) followed by the
// national formulations collection (data/national.json). Validated once on first use, so a broken
// data file fails loudly in tests and at startup instead of painting wrong explanations (the
// schema also refuses an id used in both files).
import speech from '@/data/glossary.json';
import national from '@/data/national.json';
import { glossarySchema, type Glossary } from './schema';

let parsed: Glossary | undefined;

export function defaultGlossary(): Glossary {
  parsed ??= glossarySchema.parse({ ...speech, entries: [...speech.entries, ...national.entries] });
  return parsed;
}
