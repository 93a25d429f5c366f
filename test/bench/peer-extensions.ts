// The four peer extensions the page-load benchmark measures Tifa against, generated on the fly into
// a temp folder so they always match the build under test:
//  - EMPTY: a content script that does nothing. Its cost (Chromium injecting an extension's script
//    where Tifa's first one runs, the service worker existing) is the floor every "added" figure
//    subtracts. Tifa's first script is declared for top frames only, so the world Chromium makes in
//    each sub-frame for Tifa's frame gate is not in the floor: the frames page's "added" counts it.
//  - NAIVE: what anyone would write in ten lines with the Highlight API (TreeWalker, one RegExp,
//    StaticRange, one Highlight, a ::highlight rule in an adopted sheet). Tifa must beat it.
//  - MARKJS: mark.js markRegExp with one alternation, the common DOM-wrapping highlighter.
//  - STORED: NAIVE reading its alternation from storage, as any highlighter whose terms the reader
//    can edit must (Tifa's glossary is the reader's): the storage read is its only difference from
//    NAIVE, so the two side by side show what getting the terms costs a page before any highlighting.
//    It reads storage.session, opened to content scripts by its service worker, as Tifa's pages do
//    (src/settings/session-copy.ts), the quickest store a content script can read.
// All four copy the content-script matches / all_frames / run_at of the built Tifa manifest (so a
// change there is followed), and their terms are the default glossary's simplified surface forms
// (what is written in data/glossary.json, without the derived traditional spellings), deduplicated,
// longest first so the alternation prefers the longest term at a position as Tifa does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultGlossary } from '@/src/glossary/default';
import { surfaceForms } from '@/src/glossary/schema';

export type PeerName = 'empty' | 'naive' | 'markjs' | 'stored';

interface ContentScriptSpec {
  matches: string[];
  js: string[];
  all_frames?: boolean;
  run_at?: string;
  match_about_blank?: boolean;
}

/** The first content script of a built extension's manifest (Tifa has one). */
export function contentScriptSpec(extensionDir: string): ContentScriptSpec {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ContentScriptSpec[];
  };
  const spec = manifest.content_scripts?.[0];
  if (!spec) throw new Error(`${extensionDir}/manifest.json has no content script`);
  return spec;
}

/** The default glossary's written (simplified) surface forms of enabled entries, deduplicated, longest first. */
export function simplifiedForms(): string[] {
  const forms = new Set<string>();
  for (const entry of defaultGlossary().entries) {
    if (!entry.enabled) continue;
    for (const form of surfaceForms(entry)) if (form.trim()) forms.add(form.trim());
  }
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The peers' terms as one RegExp alternation, longest first (simplifiedForms). */
export const termsAlternation = (): string => simplifiedForms().map(escapeRegExp).join('|');

// Ten lines, as a user would write them; a frame without a body (framesets) is skipped.
const naiveScript = (source: string): string => `
const re = new RegExp(${JSON.stringify(source)}, 'g');
${naiveBody}`;

/** NAIVE after its RegExp: the walk, the ranges, the highlight and its sheet. */
export const naiveBody = `
const highlight = new Highlight();
const walker = document.body && document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node; walker && (node = walker.nextNode()); ) {
  for (const m of node.data.matchAll(re)) highlight.add(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
}
CSS.highlights.set('bench-naive', highlight);
const sheet = new CSSStyleSheet();
sheet.replaceSync('::highlight(bench-naive) { background-color: #fde68a; }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
`;

/** STORED's content script: NAIVE once its alternation is read (a frame read before the worker stored it paints nothing). */
const storedScript = `
chrome.storage.session.get('source').then(({ source }) => {
  if (!source) return;
  const re = new RegExp(source, 'g');
${naiveBody}});
`;

/** A bench extension's worker opens storage.session to its content scripts (Chromium keeps it from them by default). */
export const OPEN_SESSION_STORAGE = "chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });";

/** STORED's service worker: stores the alternation each time it starts (storage.session empties with the browser). */
const storedWorker = (source: string): string => `
${OPEN_SESSION_STORAGE}
chrome.storage.session.set({ source: ${JSON.stringify(source)} });
`;

const markJsScript = (source: string): string => `
if (document.body) new Mark(document.body).markRegExp(new RegExp(${JSON.stringify(source)}, 'g'));
`;

/**
 * Writes the four peers under a fresh temp folder; returns each one's unpacked-extension folder.
 * `root` is the Tifa checkout (for node_modules/mark.js), `tifaDir` the built Tifa to copy matches from.
 */
export function writePeerExtensions(root: string, tifaDir: string): { dir: string; peers: Record<PeerName, string> } {
  const spec = contentScriptSpec(tifaDir);
  const source = termsAlternation();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-bench-peers-'));
  const scripts: Record<PeerName, Record<string, string>> = {
    empty: { 'content.js': '// does nothing: the floor\n' },
    naive: { 'content.js': naiveScript(source) },
    markjs: {
      'mark.min.js': fs.readFileSync(path.join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
      'content.js': markJsScript(source),
    },
    stored: { 'content.js': storedScript },
  };
  const peers = {} as Record<PeerName, string>;
  for (const [name, files] of Object.entries(scripts) as Array<[PeerName, Record<string, string>]>) {
    const folder = path.join(dir, name);
    fs.mkdirSync(folder);
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, file), text);
    // A service worker like Tifa's (empty), so every extension is found and driven the same way.
    fs.writeFileSync(path.join(folder, 'background.js'), name === 'stored' ? storedWorker(source) : '// nothing\n');
    const manifest = {
      manifest_version: 3,
      name: `bench-${name}`,
      version: '1.0.0',
      ...(name === 'stored' ? { permissions: ['storage'] } : {}),
      background: { service_worker: 'background.js' },
      content_scripts: [{ ...spec, js: Object.keys(files) }],
    };
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
    peers[name] = folder;
  }
  return { dir, peers };
}
