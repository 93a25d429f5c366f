// The glossary that ships with Tifa (data/glossary.json), validated once on first use so a broken
// data file fails loudly in tests and at startup instead of painting wrong explanations.
import shipped from '@/data/glossary.json';
import { glossarySchema, type Glossary } from './schema';

let parsed: Glossary | undefined;

export function defaultGlossary(): Glossary {
  parsed ??= glossarySchema.parse(shipped);
  return parsed;
}
