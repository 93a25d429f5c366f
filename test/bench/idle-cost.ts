// `npx tsx test/bench/idle-cost.ts [seconds] [loads]`: what Tifa costs an article left open and idle.
// A tool for finding a cost, not a figure of the benchmark's table: loads a8 with the built
// extension (TIFA_EXTENSION_DIR, default .output/chrome-mv3), waits 3 s for the page to settle, then
// traces the page for `seconds` (default 20) with nothing happening, and prints the timer tasks that
// ran the extension's scripts: how many, and their CPU time. Each frame running Tifa wakes once a
// second (src/page/start.ts: the check that the extension is still there, and the painter putting
// back what the page took from the highlight registry or its sheets).
import path from 'node:path';
import { closeSubject, launch, median, traced } from './page-load';
import { cpu } from './trace-analysis';
import { startFixtureServer } from '../e2e/server';

const seconds = Number(process.argv[2] ?? 20);
const loads = Number(process.argv[3] ?? 2);
const dir = path.resolve(process.env.TIFA_EXTENSION_DIR ?? '.output/chrome-mv3');

const server = await startFixtureServer();
const subject = await launch('tifa', dir);
const scripts = `chrome-extension://${subject.extensionId}/`;
try {
  for (let load = 1; load <= loads; load++) {
    await subject.tab.goto(server.url('bench/a8-speech-large.html'));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const { events } = await traced(subject.cdp, () => new Promise((resolve) => setTimeout(resolve, seconds * 1000)));
    const timers = events.filter((e) => e.name === 'TimerFire' && e.ph === 'X');
    // A timer task runs Tifa when a call into one of its scripts lies within it (by the script's
    // address, as trace-analysis.ts tells the extension's tasks in a load).
    const calls = events.filter((e) => e.name === 'FunctionCall' && String(e.args?.data?.['url'] ?? '').startsWith(scripts));
    const own = timers.filter((t) => calls.some((c) => c.tid === t.tid && c.ts >= t.ts && c.ts <= t.ts + (t.dur ?? 0)));
    const ms = own.map((t) => cpu(t) / 1000);
    const total = ms.reduce((sum, each) => sum + each, 0);
    console.log(
      `load ${load}: ${seconds} s idle on a8: ${own.length} timer tasks ran Tifa, ${total.toFixed(2)} ms of CPU in all ` +
        `(${(total / seconds).toFixed(3)} ms a second), a task's median ${median(ms).toFixed(3)} ms`,
    );
  }
} finally {
  await closeSubject(subject);
  await server.close();
}
