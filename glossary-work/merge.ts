// Merges the fragments glossary-work/part-*.json into data/glossary.json (valid entries only, plan order).
import fs from 'node:fs';
import { entrySchema, GLOSSARY_FORMAT, GLOSSARY_VERSION, type Entry } from '../src/glossary/schema';

const entries: Entry[] = [];
for (const part of ['A', 'B', 'C']) {
  const file = `glossary-work/part-${part}.json`;
  if (!fs.existsSync(file)) continue;
  let raw: unknown[];
  try { raw = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { console.log(`${file}: not valid JSON yet`); continue; }
  for (const r of raw) {
    const res = entrySchema.safeParse(r);
    if (res.success) entries.push(res.data);
    else console.log(`skipped ${(r as { id?: string }).id}`);
  }
}
const seed = JSON.parse(fs.readFileSync('glossary-work/seed.json', 'utf8')) as Entry[];
for (const s of seed) if (!entries.some((e) => e.id === s.id)) entries.push(s);
fs.writeFileSync('data/glossary.json', JSON.stringify({ format: GLOSSARY_FORMAT, version: GLOSSARY_VERSION, entries }, null, 2) + '\n');
console.log(`${entries.length} entries written to data/glossary.json`);
