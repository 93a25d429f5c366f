// `npx tsx test/bench/floor-peer.ts OUT`: writes to OUT the least an extension must do to give a
// page what Tifa's first pass gives it, to load beside Tifa as another build:
//   TIFA_BEFORE_DIR=OUT npx tsx test/bench/run.ts --loads-only --only=article --subjects=naive,stored,markjs,tifa,before
// It is the benchmark's naive highlighter with stored terms (test/bench/peer-extensions.ts) that also
// reads Tifa's page glossary (the built Tifa's, TIFA_EXTENSION_DIR, default .output/chrome-mv3, as
// its worker stores it) in the same storage call, parses its JSON part as Tifa's pages do, and,
// once it has painted, tells its worker how many ranges it painted, as Tifa's pages tell theirs for
// the badge. Nothing else: no segmentation, no tooltip, no stepping, no report, one highlight. A
// tool for finding the cost, not a peer the benchmark reports.
import fs from 'node:fs';
import path from 'node:path';
import { PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import { closeSubject, launch, workerOf } from './page-load';
import { contentScriptSpec, naiveBody, OPEN_SESSION_STORAGE, termsAlternation } from './peer-extensions';

const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx test/bench/floor-peer.ts OUT');
  process.exit(2);
}
const tifaDir = path.resolve(process.env.TIFA_EXTENSION_DIR ?? '.output/chrome-mv3');

/** The page glossary the built Tifa's worker stores as it starts. */
async function storedPageGlossary(): Promise<string> {
  const subject = await launch('tifa', tifaDir);
  try {
    const worker = await workerOf(subject);
    const key = JSON.stringify(PAGE_GLOSSARY_KEY);
    for (let tries = 0; tries < 50; tries++) {
      const value: unknown = await worker.evaluate(`chrome.storage.local.get(${key}).then((got) => got[${key}])`);
      if (typeof value === 'string') return value;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the built Tifa in ${tifaDir} stored no page glossary`);
  } finally {
    await closeSubject(subject);
  }
}

const pageGlossary = await storedPageGlossary();
const source = termsAlternation();
const content = `chrome.storage.session.get(['source', 'glossary']).then(({ source, glossary }) => {
  if (!source || !glossary) return;
  const cut = glossary.indexOf('\\n');
  const decoded = JSON.parse(glossary.slice(0, cut));
  decoded.forms = glossary.slice(cut + 1);
  const re = new RegExp(source, 'g');
${naiveBody}
  chrome.runtime.sendMessage({ painted: highlight.size }).catch(() => {});
});
`;
const worker = `${OPEN_SESSION_STORAGE}
chrome.storage.session.set({ source: ${JSON.stringify(source)}, glossary: ${JSON.stringify(pageGlossary)} });
chrome.runtime.onMessage.addListener((message, sender, reply) => reply(true));
`;
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'content.js'), content);
fs.writeFileSync(path.join(out, 'background.js'), worker);
fs.writeFileSync(
  path.join(out, 'manifest.json'),
  JSON.stringify(
    {
      manifest_version: 3,
      name: 'bench-floor',
      version: '1.0.0',
      permissions: ['storage'],
      background: { service_worker: 'background.js' },
      content_scripts: [{ ...contentScriptSpec(tifaDir), js: ['content.js'] }],
    },
    null,
    2,
  ),
);
console.log(`${out}: the floor extension (page glossary ${pageGlossary.length.toLocaleString('en')} characters)`);
process.exit(0);
