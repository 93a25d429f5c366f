// Checks a collection file (default data/national.json) as the data test does, and prints every
// problem of every entry. Usage: npx tsx scripts/check-collection.ts [FILE ...]
import fs from 'node:fs';
import path from 'node:path';
import { glossarySchema } from '../src/glossary/schema';
import { checkCollection } from '../test/support/collection-checks';

const ROOT = path.resolve(import.meta.dirname, '..');
const files = process.argv.slice(2);
if (files.length === 0) files.push(path.join(ROOT, 'data/national.json'));
const speechEntries = glossarySchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'data/glossary.json'), 'utf8'))).entries;
const speech = fs.readFileSync(path.join(ROOT, 'data/speech.txt'), 'utf8');

let failed = false;
for (const file of files) {
  const { entries, problems } = checkCollection({ raw: JSON.parse(fs.readFileSync(file, 'utf8')), speechEntries, speech });
  console.log(`${file}: ${entries.length} entries, ${problems.length} problems`);
  for (const [id, problem] of problems) console.log(`  ${id}: ${problem}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
