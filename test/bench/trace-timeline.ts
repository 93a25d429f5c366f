// `npx tsx test/bench/trace-timeline.ts <trace.json> …`: when each moment of a page load came, across
// the page's main thread and the browser's, in traces that `npm run bench` wrote with
// TIFA_BENCH_DUMP=<folder> (one file per load: <subject>-<page>-<n>.json, the warm-up's first).
// A tool for finding where a wait goes, not a figure to report. For each load, in ms after the
// content script started (its evaluation in the top frame; the early style script's comes before):
// when the browser's main thread served the page's first storage read (Chromium's storage frontend
// answers chrome.storage calls there), when the reply's task ran on the page's main thread, when the
// highlight set first changed (the benchmark's poll sees it up to 16 ms late: the reading before
// bounds it), and the frames (Paint) before and after; then the medians over the files, and how
// busy each thread was from 30 ms before the script's start to the first change, and what reading the
// service worker's script back cost the browser's main thread as the worker started.
// Example, the cold start:
//   TIFA_BENCH_DUMP=/tmp/dump npx tsx test/bench/run.ts --loads-only --only=cold --rounds=8 --subjects=naive,stored,tifa
//   npx tsx test/bench/trace-timeline.ts /tmp/dump/tifa-a4-interview-qa.html-{2..9}.json
import fs from 'node:fs';
import path from 'node:path';
import { median } from './page-load';
import { analyseLoad, cpu, type TraceEvent } from './trace-analysis';

/** Scripts of Tifa's that are not where the content script starts (the manifest's other entries). */
const NOT_THE_START = ['early-style.js', 'frame-gate.js'];

interface Timeline {
  /** Each moment, ms after the content script's start; NaN where the load had none. */
  moments: Record<string, number>;
  /** The browser main thread's longest tasks between the read's ask and its service: what it waited behind. */
  ahead: string[];
  /** The same from the content script's start to the first highlights painted: what the frame may have waited behind. */
  beforePaint: string[];
  /** CPU ms per thread (process/thread name) from 30 ms before the start to the first change. */
  busy: Map<string, number>;
  /** CPU ms of the browser main thread's tasks that read the service worker's script back, anywhere in the trace. */
  workerScriptRead: { tasks: number; ms: number };
}

/** The browser main thread's tasks that read an installed service worker's script back as it starts. */
const WORKER_SCRIPT_READ = /ServiceWorkerResourceReader|service_worker_installed_script_reader/;

const isTask = (e: TraceEvent): boolean => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
const within = (e: TraceEvent, task: TraceEvent): boolean => e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0);

function timelineOf(events: TraceEvent[]): Timeline {
  // The load's document: the main frame's commit (the trace also holds the previous page's end).
  const pageUrl = events.filter((e) => e.name === 'CommitLoad' && e.args?.data?.['isMainFrame'] === true).at(-1)?.args?.data?.['url'];
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.['beginData'] as { url?: string } | undefined)?.url === pageUrl);
  if (typeof pageUrl !== 'string' || !parse) throw new Error('no main-frame commit and parse in the trace');
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && (e.name === 'thread_name' || e.name === 'process_name')) names.set(e.name === 'thread_name' ? `${e.pid}:${e.tid}` : `${e.pid}`, String(e.args?.name));
  const onPageThread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid).sort((a, b) => a.ts - b.ts);
  const extensionScript = (e: TraceEvent): string | undefined => {
    const url = String(e.args?.data?.['url'] ?? '');
    return e.name === 'EvaluateScript' && url.startsWith('chrome-extension://') ? url : undefined;
  };
  const start = onPageThread.find((e) => {
    const url = extensionScript(e);
    return url !== undefined && !NOT_THE_START.includes(path.basename(url));
  });
  if (!start) throw new Error('no content script evaluated on the page thread');
  // The extension's base address (a chrome-extension: URL's `origin` is "null" outside the browser).
  const scriptUrl = String(start.args?.data?.['url']);
  const load = analyseLoad(events, pageUrl, scriptUrl.slice(0, scriptUrl.lastIndexOf('/') + 1), path.basename(scriptUrl));
  const at = (ts: number | undefined): number => (ts === undefined ? NaN : (ts - start.ts) / 1000);
  const early = onPageThread.find((e) => extensionScript(e)?.endsWith('/early-style.js'));
  const browserMain = events.filter((e) => names.get(`${e.pid}`) === 'Browser' && names.get(`${e.pid}:${e.tid}`) === 'CrBrowserMain' && isTask(e));
  const asked = early?.ts ?? start.ts;
  // The storage frontend's task that serves a chrome.storage get (src_func names the posting function).
  const served = browserMain.find((e) => e.ts >= asked && e.args?.['src_func'] === 'GetValues');
  const pageTasks = onPageThread.filter(isTask);
  // The task that runs the reply: a mojo reply that resumes script (the read's continuation).
  const reply = pageTasks.find(
    (t) => t.ts >= asked && onPageThread.some((e) => within(e, t) && e.name === 'Receive mojo reply') && onPageThread.some((e) => within(e, t) && e.name === 'RunMicrotasks'),
  );
  const first = load.changes[0];
  const paints = onPageThread.filter((e) => e.name === 'Paint' && e.ph === 'X');
  const paintBefore = first ? paints.filter((p) => p.ts < first.since && p.ts >= start.ts).at(-1) : undefined;
  // A task is named by the mojo interface whose message it handled, else by the function that posted it.
  const nameOf = (task: TraceEvent): string => {
    const mojo = events.find((e) => e.pid === task.pid && e.tid === task.tid && within(e, task) && e.args?.['chrome_mojo_event_info']);
    const info = mojo?.args?.['chrome_mojo_event_info'] as { mojo_interface_tag?: string; watcher_notify_interface_tag?: string } | undefined;
    return info?.mojo_interface_tag ?? info?.watcher_notify_interface_tag ?? String(task.args?.['src_func'] ?? task.name);
  };
  const longestBetween = (from: number, to: number): string[] =>
    browserMain
      .filter((e) => e.ts >= from && e.ts < to && e.name === 'ThreadControllerImpl::RunTask' && cpu(e) >= 2000)
      .sort((a, b) => cpu(b) - cpu(a))
      .slice(0, 3)
      .map((e) => `${nameOf(e)} ${(cpu(e) / 1000).toFixed(1)} ms at ${at(e.ts).toFixed(1)}`);
  const ahead = served ? longestBetween(asked, served.ts) : [];
  const beforePaint = Number.isFinite(load.firstPaintedAt) ? longestBetween(start.ts, load.firstPaintedAt) : [];
  const busy = new Map<string, number>();
  const from = start.ts - 30_000;
  const to = first?.ts ?? start.ts + 200_000;
  for (const e of events) {
    if (!isTask(e) || e.ts < from || e.ts > to) continue;
    const thread = `${names.get(`${e.pid}`) ?? e.pid}/${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    // RunTask nests ThreadControllerImpl::RunTask on some threads: count the outer one only.
    if (e.name === 'ThreadControllerImpl::RunTask' && events.some((o) => o !== e && o.name === 'RunTask' && o.pid === e.pid && o.tid === e.tid && within(e, o))) continue;
    busy.set(thread, (busy.get(thread) ?? 0) + cpu(e) / 1000);
  }
  // Named tasks of a millisecond or more only: naming scans the trace.
  const reads = browserMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && cpu(e) >= 1000 && WORKER_SCRIPT_READ.test(nameOf(e)));
  return {
    workerScriptRead: { tasks: reads.length, ms: reads.reduce((sum, e) => sum + cpu(e), 0) / 1000 },
    moments: {
      'early style script evaluated (storage read asked)': at(early?.ts),
      'storage read served on the browser main thread': at(served?.ts),
      'storage reply run on the page thread': at(reply?.ts),
      'page frame painted before the first change': paintBefore ? at(paintBefore.ts + (paintBefore.dur ?? 0)) : NaN,
      'highlight set first changed (no earlier than)': at(first?.since),
      'highlight set first changed (seen by the poll)': at(first?.ts),
      'first highlights painted': at(load.firstPaintedAt),
    },
    ahead,
    beforePaint,
    busy,
  };
}

const files = process.argv.slice(2);
if (!files.length) throw new Error('usage: trace-timeline.ts <trace.json> … (written by npm run bench with TIFA_BENCH_DUMP)');
const timelines = files.map((file) => ({ file, ...timelineOf(JSON.parse(fs.readFileSync(file, 'utf8')) as TraceEvent[]) }));
const labels = Object.keys(timelines[0]?.moments ?? {});
const f1 = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '—').padStart(7);
console.log(`ms after the content script started, per load (${files.length} files), then the median\n`);
for (const label of labels) {
  const values = timelines.map((t) => t.moments[label] ?? NaN);
  console.log(`${f1(median(values))}  ${label}   [${values.map((v) => f1(v).trim()).join(', ')}]`);
}
console.log('\nThe browser main thread, between the read asked and served: its longest tasks (2 ms of CPU or more), per load:');
for (const t of timelines) console.log(`  ${path.basename(t.file)}: ${t.ahead.join(', ') || 'none'}`);
console.log("\nThe browser main thread, from the content script's start to the first highlights painted: its longest tasks, per load:");
for (const t of timelines) console.log(`  ${path.basename(t.file)}: ${t.beforePaint.join(', ') || 'none'}`);
console.log("\nThe browser main thread reading the worker's script back as it starts (ServiceWorkerResourceReader, installed_script_reader), anywhere in the trace, CPU ms:");
const reads = timelines.map((t) => t.workerScriptRead.ms);
console.log(`${f1(median(reads))}  median   [${timelines.map((t) => `${t.workerScriptRead.ms.toFixed(1)} (${t.workerScriptRead.tasks})`).join(', ')}]`);
const threads = new Set(timelines.flatMap((t) => [...t.busy.keys()]));
const busiest = [...threads].map((thread) => [thread, median(timelines.map((t) => t.busy.get(thread) ?? 0))] as const).sort((a, b) => b[1] - a[1]);
console.log('\nCPU ms of each thread from 30 ms before the start to the first change (median):');
for (const [thread, ms] of busiest.slice(0, 8)) console.log(`${f1(ms)}  ${thread}`);
