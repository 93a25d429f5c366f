// Writes each entry's salience into data/glossary.json from a mapping file (id → salience), as a
// `"salience": "…"` line right after the entry's `"category"` line, leaving every other line as it
// is (so it can be re-applied after other fields of the file changed). Idempotent: an existing
// salience line is replaced. Fails if an entry has no salience in the mapping, or the mapping names
// an entry the file lacks.
//
//   npx tsx scripts/apply-salience.ts [mapping.json] [glossary.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { SALIENCES } from '../src/glossary/salience';

const mappingPath = process.argv[2];
if (!mappingPath) {
  console.error('usage: npx tsx scripts/apply-salience.ts MAPPING.json [GLOSSARY.json]');
  process.exit(2);
}
const glossaryPath = process.argv[3] ?? 'data/glossary.json';
const mapping = JSON.parse(readFileSync(mappingPath, 'utf8')) as Record<string, string>;
for (const [id, value] of Object.entries(mapping)) {
  if (!(SALIENCES as readonly string[]).includes(value)) throw new Error(`${id}: unknown salience "${value}"`);
}

const lines = readFileSync(glossaryPath, 'utf8').split('\n');
const out: string[] = [];
const seen = new Set<string>();
let id: string | undefined;
for (const line of lines) {
  // An entry's own id line: six spaces of indent (components and sources sit deeper).
  const idMatch = /^ {6}"id": "([^"]+)",?$/.exec(line);
  if (idMatch) id = idMatch[1];
  if (/^ {6}"salience": /.test(line)) continue;
  out.push(line);
  const category = /^( {6})"category": "[^"]+",?$/.exec(line);
  if (category && id) {
    const value = mapping[id];
    if (!value) throw new Error(`${id}: no salience in ${mappingPath}`);
    if (!line.endsWith(',')) out[out.length - 1] = `${line},`;
    // Keep the category line's comma style: the salience line ends with one unless it is last.
    out.push(`${category[1]}"salience": "${value}"${line.endsWith(',') ? ',' : ''}`);
    seen.add(id);
  }
}
const unknown = Object.keys(mapping).filter((key) => !seen.has(key));
if (unknown.length > 0) throw new Error(`mapping names entries the glossary lacks: ${unknown.join(', ')}`);
writeFileSync(glossaryPath, out.join('\n'));
console.log(`salience set for ${seen.size} entries`);
