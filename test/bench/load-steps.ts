// `npx tsx test/bench/load-steps.ts [page] [loads]`: where the content script's time goes in a real page
// load, step by step. A tool for finding the cost, not a figure to report (`npm run bench` measures
// that). Build an unminified copy first, so functions keep their names:
//   TIFA_NO_MINIFY=1 TIFA_OUT_DIR=/tmp/tifa-plain npx wxt build
//   TIFA_EXTENSION_DIR=/tmp/tifa-plain/chrome-mv3 npx tsx test/bench/load-steps.ts a8-speech-large.html 10
// (TIFA_STEPS_5K=1 as well: with the benchmark's 5,000-entry glossary. TIFA_STEPS_FRAMES=1: also a line
// per load on the page's frames: when its first frame was committed and activated, and when the
// frame that ran Tifa's #flush began. TIFA_STEPS_TASK_HEAD=1: CPU in each step's task before its
// stamp, such as a storage reply's conversion. TIFA_STEPS_BY_NAME=1: CPU summed per function over each load,
// from each of its stamps to the next stamp, for functions called many times; a stamp costs a few
// µs, so a function called per node or per match reads dearer than it is, and the last stamp of a
// task runs on into the page's work until the next one.)
// The tool copies that build, stamps the start of each function named in STEPS with
// console.timeStamp, loads the bench page (default a8-speech-large.html) with tracing on, and prints
// for each step the median *thread CPU time* (the trace's tts) from its stamp to the next one on the
// page's main thread, and when (wall clock) the step began after the script's evaluation did.
// A sampling CPU profile was tried first: with the profiler on, every lazily
// compiled function is logged and the whole script ran about four times slower than in a trace.
// CPU between two stamps can include page work in between when the steps are in different tasks.
import fs from 'node:fs';
import path from 'node:path';
import { closeSubject, fiveThousand, launch, median, traced, workerOf } from './page-load';
import { TRACE_CATEGORIES, type TraceEvent } from './trace-analysis';
import { CONTENT_SCRIPT, instrumentedBuild } from './readable-build';
import { setUserGlossary } from '../e2e/glossary-storage';
import { startFixtureServer } from '../e2e/server';

const page = process.argv[2] ?? 'a8-speech-large.html';
const loads = Number(process.argv[3] ?? 10);
const source = path.resolve(process.env.TIFA_EXTENSION_DIR ?? '/tmp/tifa-plain/chrome-mv3');
/** Functions and methods whose start is stamped (not the painter's per-highlight calls). */
const STEPS = [
  'startContent', 'whenChineseText', 'hasChineseText', 'begin', 'decodePageGlossary', 'startSession',
  'watchSiteActive', 'startLazyTooltip', 'startNow', 'createPainter', 'setGlossary', 'loadMatcher',
  'start', '#pump', '#slice', '#sendCandidates', '#applyConfirmed', '#notify', 'reportChanged', '#flush',
  // More, to look closer: TIFA_STEPS='paintStyledNow,#applyStyle' (names as in the unminified build).
  ...(process.env.TIFA_STEPS ?? '').split(',').filter(Boolean),
  // With TIFA_STEPS_BY_NAME, the walk, the scan, the painter and the first uses of browser APIs too.
  ...(process.env.TIFA_STEPS_BY_NAME
    ? ('next,#stepOver,#enqueue,#scanRun,#add,add,paint,show,#near,#schedule,#flush,#settleFirsts,#clearMatches,' +
        'paintStyledNow,prepare,#applyStyle,highlightCss,set,adopt,readPageStart,sendRequest,watchPageValue,' +
        'connectFrames,withDefaults,webHostOf,tabPage,listCounts,childTerms,mergeTerms,hold,flushed,settled,#isSettled,' +
        '#applyMutations,observe,dropNode,has').split(',')
    : []),
];


/**
 * TIFA_STEPS_FRAMES: the renderer's frames around Tifa's paint, in wall ms from the script's
 * evaluation. A highlight change is painted by the frame after it; that frame's main-thread part
 * (BeginMainFrame) waits until the frame before was rastered and activated on the compositor. So on
 * a busy machine the page's own first frame, rastered in software, can set when the highlights show.
 * (The compositor's categories slow the load: for this line, not for the steps' figures.)
 */
const FRAMES = !!process.env.TIFA_STEPS_FRAMES;

function frameLine(events: TraceEvent[], evaluate: TraceEvent): string {
  const at = (e: TraceEvent) => (e.ts - evaluate.ts) / 1000;
  const ms = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ') || 'none';
  const near = (v: number) => v > -20 && v < 200;
  const renderer = events.filter((e) => e.pid === evaluate.pid && e.ph === 'X');
  const main = renderer.filter((e) => e.tid === evaluate.tid);
  const flush = events.find((e) => e.pid === evaluate.pid && e.tid === evaluate.tid && String(e.args?.data?.['message']) === 'step:#flush');
  const raster = renderer.filter((e) => e.tid !== evaluate.tid && e.name === 'RasterTask' && flush && e.ts >= evaluate.ts && e.ts < flush.ts);
  return [
    `commits ${ms(main.filter((e) => e.name === 'Commit').map(at).filter(near))}`,
    `activations ${ms(renderer.filter((e) => e.tid !== evaluate.tid && e.name === 'LayerTreeHostImpl::ActivateSyncTree').map(at).filter(near))}`,
    `main frames ${ms(main.filter((e) => e.name === 'ProxyMain::BeginMainFrame').map(at).filter(near))}`,
    `#flush ${flush ? at(flush).toFixed(1) : 'none'}`,
    `raster before it ${(raster.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000).toFixed(1)} ms`,
  ].join(' | ');
}

const dir = instrumentedBuild(source, 'tifa-steps-', STEPS, (name) => `console.timeStamp(${JSON.stringify(`step:${name}`)});`);
const fixtures = await startFixtureServer();
const subject = await launch('tifa', dir);
// TIFA_STEPS_5K=1: with the benchmark's 5,000-entry glossary, as its TIFA 5k.
if (process.env.TIFA_STEPS_5K) await setUserGlossary(await workerOf(subject), { entries: fiveThousand() });
/** Per step: thread CPU ms since the stamp before, and wall ms since the script's evaluation began. */
const steps = new Map<string, { cpu: number[]; at: number[] }>();
const BY_NAME = !!process.env.TIFA_STEPS_BY_NAME;
/**
 * TIFA_STEPS_TASK_HEAD=1: per step, also the thread CPU ms from the start of the task its stamp is in
 * to the stamp. For the first step after an await, that is what the task did before the script
 * resumed: for a storage reply, turning the stored values into the page's world (TIFA_STEPS=withDefaults
 * stamps the start's first step after its storage read).
 */
const TASK_HEAD = !!process.env.TIFA_STEPS_TASK_HEAD;
/** TIFA_STEPS_TASK_HEAD: per step, the CPU of its task before its stamp, one figure per load. */
const heads = new Map<string, number[]>();
/** TIFA_STEPS_BY_NAME: per function, CPU ms from its stamps to the next stamps, one sum per load. */
const byName = new Map<string, number[]>();
try {
  // TIFA_STEPS_SAME_TAB=1: one tab goes from load to load, as `npm run bench` loads articles (V8 then
  // keeps the content script compiled); by default each load gets a new tab, a fresh renderer.
  const sameTab = process.env.TIFA_STEPS_SAME_TAB ? await subject.context.newPage() : undefined;
  for (let i = 0; i <= loads; i++) {
    const tab = sameTab ?? (await subject.context.newPage());
    const cdp = await subject.context.newCDPSession(tab);
    const { events } = await traced(
      cdp,
      async () => {
        await tab.goto(fixtures.url(`bench/${page}`), { waitUntil: 'load' });
        await tab.waitForTimeout(1500);
      },
      FRAMES ? [...TRACE_CATEGORIES, 'cc', 'disabled-by-default-devtools.timeline.frame'] : undefined,
    );
    if (sameTab) await cdp.detach();
    else await tab.close();
    if (i === 0) continue; // the first load warms the browser's caches
    const evaluate = events.find((e) => e.name === 'EvaluateScript' && String(e.args?.data?.['url'] ?? '').endsWith(`/${CONTENT_SCRIPT}`));
    if (!evaluate || evaluate.tts === undefined) throw new Error('no evaluation of the content script in the trace');
    const stamps = events
      .filter((e) => e.pid === evaluate.pid && e.tid === evaluate.tid && e.name === 'TimeStamp' && String(e.args?.data?.['message'] ?? '').startsWith('step:'))
      .sort((a, b) => a.ts - b.ts);
    if (FRAMES) console.log(`load ${i}: ${frameLine(events, evaluate)}`);
    const tasks = TASK_HEAD ? events.filter((e) => e.pid === evaluate.pid && e.tid === evaluate.tid && e.name === 'RunTask' && e.ph === 'X') : [];
    /** The stamp before: its label, the function it stamps, and its CPU clock. */
    let last = { name: 'evaluate', fn: 'evaluate', tts: evaluate.tts };
    const seen = new Map<string, number>();
    const sums = new Map<string, number>();
    for (const stamp of stamps) {
      const name = String(stamp.args?.data?.['message']).slice('step:'.length);
      // Repeated steps are told apart by their count (#notify, #notify 2, …).
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      const label = n > 1 ? `${name} ${n}` : name;
      const tts = stamp.tts ?? last.tts;
      sums.set(last.fn, (sums.get(last.fn) ?? 0) + (tts - last.tts) / 1000);
      const key = `${last.name} → ${label}`;
      const step = steps.get(key) ?? { cpu: [], at: [] };
      step.cpu.push((tts - last.tts) / 1000);
      step.at.push((stamp.ts - evaluate.ts) / 1000);
      steps.set(key, step);
      const task = tasks.find((t) => t.ts <= stamp.ts && stamp.ts <= t.ts + (t.dur ?? 0));
      if (task?.tts !== undefined && stamp.tts !== undefined) heads.set(label, [...(heads.get(label) ?? []), (stamp.tts - task.tts) / 1000]);
      last = { name: label, fn: name, tts };
    }
    for (const [name, sum] of sums) byName.set(name, [...(byName.get(name) ?? []), sum]);
  }
} finally {
  await closeSubject(subject);
  await fixtures.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
if (BY_NAME) {
  console.log(`${page}: CPU ms per function, from each of its stamps to the next stamp, summed over a load (median of ${loads} loads), dearest first`);
  for (const [name, sums] of [...byName].sort((a, b) => median(b[1]) - median(a[1]))) {
    console.log(`${median(sums).toFixed(3).padStart(8)}  ${name}  (${sums.length} loads)`);
  }
} else {
  console.log(`${page}: medians of the loads that reached each step (${loads} loads)`);
  console.log('    cpu: thread CPU ms from the stamp before to this one; at: wall ms from the script evaluation to this stamp');
  for (const [key, { cpu, at }] of steps) {
    console.log(`${median(cpu).toFixed(2).padStart(7)} ${median(at).toFixed(1).padStart(7)}  ${key}  (${cpu.length} loads)`);
  }
  if (TASK_HEAD) {
    console.log('task head: thread CPU ms from the start of the task each step is stamped in to its stamp (median; range)');
    for (const [label, values] of heads) {
      console.log(`${median(values).toFixed(2).padStart(7)}  ${label}  (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}, ${values.length} loads)`);
    }
  }
}
