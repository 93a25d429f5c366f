// `npx tsx test/bench/edit-cost.ts [rounds]`: what a change in the options page or the popup costs a
// tab the reader has open. An article (a8) is loaded and left to settle; then, in turn, the user's
// glossary becomes 5,000 entries (written as the options page writes an import: one storage key per
// entry, in batches), goes back to the shipped glossary, a setting changes (a rule for another
// site), and an unrelated 100 KB value is written to storage.local. For each, the tab's main-thread
// task time (CDP `Performance.getMetrics` TaskDuration) over the 3 s after the write, and of it the
// script time (ScriptDuration), where a frame told of a change runs the function that tells it. The idle time
// over 3 s is printed first, to read the others against (the benchmark's highlight poll runs in
// every page it loads, ~17 ms a second). The same on a short article beside 200 same-site frames
// without Chinese text (ads, embeds), which a build that tells every frame of a change (`allFrames`) pays for.
//   TIFA_EXTENSION_DIR=<a build's chrome-mv3> [TIFA_BEFORE_DIR=<another build's>] npx tsx test/bench/edit-cost.ts 3
// With TIFA_BEFORE_DIR, the two builds take turns, each round in a fresh browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeSubject, fiveThousand, launch, median, workerOf } from './page-load';
import { setUserGlossary } from '../e2e/glossary-storage';
import { startFixtureServer } from '../e2e/server';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

const rounds = Number(process.argv[2] ?? 3);
const builds: Record<string, string> = { 'this build': path.resolve(process.env.TIFA_EXTENSION_DIR ?? '.output/chrome-mv3') };
if (process.env.TIFA_BEFORE_DIR) builds['before'] = path.resolve(process.env.TIFA_BEFORE_DIR);
const WINDOW_MS = 3000;

const fixtures = await startFixtureServer();
/** The 200-frame page: a short Chinese article in the top frame, 200 small English frames beside it. */
const framesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-edit-cost-'));
fs.writeFileSync(path.join(framesDir, 'ad.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ad</title></head><body><p>Sponsored: save 20% on flights this week.</p></body></html>');
fs.writeFileSync(
  path.join(framesDir, 'frames.html'),
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>两百个广告框</title></head><body><article><p>会议强调，要增强“四个意识”、坚定“四个自信”、做到“两个维护”，落实“三会一课”制度。</p></article>
<aside>${Array.from({ length: 200 }, (_, i) => `<iframe src="ad.html?${i}" width="300" height="60"></iframe>`).join('\n')}</aside></body></html>`,
);
const framesServer = await startFixtureServer(framesDir);
const PAGES = { a8: fixtures.url('bench/a8-speech-large.html'), '200 frames': framesServer.url('frames.html') };
/** Per build, per step: the tab's task and script ms in the window after it, one pair a round. */
const results = new Map<string, Map<string, Array<[number, number]>>>();
try {
  for (let round = 0; round < rounds; round++) {
    const names = round % 2 ? Object.keys(builds).reverse() : Object.keys(builds);
    for (const [pageName, url] of Object.entries(PAGES)) {
      for (const name of names) {
        const subject = await launch('tifa', builds[name] ?? null);
        try {
          const { tab, cdp } = subject;
          await cdp.send('Performance.enable');
          await tab.goto(url, { waitUntil: 'load' });
          await tab.waitForTimeout(2000);
          /** The tab's task and script ms so far (a tell runs a function in each frame told: script). */
          const durations = async (): Promise<[number, number]> => {
            const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
            const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
            return [ms('TaskDuration'), ms('ScriptDuration')];
          };
          const worker = await workerOf(subject);
          const steps: Array<[string, () => Promise<unknown>]> = [
            ['the page left alone', () => Promise.resolve()],
            ['a glossary of 5,000 entries', () => setUserGlossary(worker, { entries: fiveThousand() })],
            ['back to the shipped glossary', () => setUserGlossary(worker, null)],
            [
              'a rule for another site',
              () => worker.evaluate(() => chrome.storage.local.set({ settings: { format: 2, siteRules: [{ host: 'example.org', includeSubdomains: true, enabled: false }] } })),
            ],
            ['an unrelated 100 KB value', () => worker.evaluate(() => chrome.storage.local.set({ 'bench-unrelated': 'x'.repeat(100_000) }))],
          ];
          for (const [step, write] of steps) {
            const [taskBefore, scriptBefore] = await durations();
            await write();
            await tab.waitForTimeout(WINDOW_MS);
            const [task, script] = await durations();
            const key = `${pageName}, ${name}`;
            const byStep = results.get(key) ?? new Map<string, Array<[number, number]>>();
            results.set(key, byStep);
            byStep.set(step, [...(byStep.get(step) ?? []), [task - taskBefore, script - scriptBefore]]);
          }
        } finally {
          await closeSubject(subject);
        }
      }
    }
  }
} finally {
  await fixtures.close();
  await framesServer.close();
  fs.rmSync(framesDir, { recursive: true, force: true });
}
console.log(`An open tab's main-thread task ms, and of them script ms, in the ${WINDOW_MS / 1000} s after each write (median of ${rounds} rounds; each round's value in brackets)`);
const column = (values: number[]) => `${median(values).toFixed(1).padStart(7)}  [${values.map((v) => v.toFixed(1)).join(', ')}]`;
for (const [name, byStep] of results) {
  console.log(name);
  for (const [step, pairs] of byStep) console.log(`  ${step.padEnd(32)} task ${column(pairs.map((p) => p[0]))}   script ${column(pairs.map((p) => p[1]))}`);
}
