// A copy of an unminified build (TIFA_NO_MINIFY=1) with a line of instrumentation after the start of
// named functions of its content script: what load-steps.ts and load-legs.ts use to find where a
// page load's time goes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The content script's file in a build. */
export const CONTENT_SCRIPT = 'page-content.js';

/**
 * Copies the build at `source` to a new temp folder (named after `prefix`) and adds `line(name)`
 * after the first line of each function or method of the content script named in `names`, as the
 * unminified build writes them (`function name(…) {`, `async #name(…) {`). Returns the folder.
 */
export function instrumentedBuild(source: string, prefix: string, names: readonly string[], line: (name: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(source, dir, { recursive: true });
  const file = path.join(dir, CONTENT_SCRIPT);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.length < 500) throw new Error(`${file} looks minified: build with TIFA_NO_MINIFY=1`);
  const out: string[] = [];
  for (const text of lines) {
    out.push(text);
    const name = /^\s*(?:async\s+)?(?:function\s+)?(#?[\w$]+)\s*\([^)]*\)\s*\{\s*$/.exec(text)?.[1];
    if (name && names.includes(name)) out.push(line(name));
  }
  fs.writeFileSync(file, out.join('\n'));
  return dir;
}
