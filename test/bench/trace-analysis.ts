// Reads a Chromium DevTools trace (the events CDP `Tracing` reports) of one page load and answers the
// page-load benchmark's questions about the page renderer's main thread: how much task time there
// was, when the extension's content script started, which tasks the extension caused and how long
// the longest was, when the highlight set last changed and the frame that painted it, and (for
// `--trace`) where the time went by kind of work.
//
// Why a trace and not CDP `Performance.getMetrics` TaskDuration: TaskDuration covers every thread
// activity the renderer counts since the page's process started and is sampled when asked, so its
// difference between two reads moves with process reuse, with when the read lands and with work on
// behalf of other documents; the trace gives each top-level task on the one thread we care about,
// with its own start and duration, so the sum is exactly "tasks on the page's main thread inside the
// window" and the same trace also gives the script start, the paints and the longest task.
//
// Durations are the thread's CPU time (each event's `tdur`), not wall time: this machine's two cores
// are shared with builds and test runs (load averages of 10+ seen), and a task's wall time there
// mostly measures how long the thread waited for a core. CPU time is what the work costs, and it is
// what stays put from load to load. Wall-clock figures (time to painted, load event) are still wall.

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) clock at the event, µs (test/bench/load-steps.ts reads it from stamps). */
  tts?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  args?: { data?: Record<string, unknown>; name?: string; [key: string]: unknown };
}

/**
 * The message our main-world poll stamps (console.timeStamp) whenever the highlight set changes:
 * `${CHANGE_STAMP}<size>:<ms since the previous reading>`.
 */
export const CHANGE_STAMP = 'bench:highlights:';
/** Stamped by the poll's readings that saw no change: every task of the poll holds a `bench:` stamp. */
export const TICK_STAMP = 'bench:tick';

/** Trace categories: top-level tasks, the DevTools timeline (script, style, layout, paint) and GC. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.gc',
  '__metadata',
];

// Events that run JavaScript. Our fixture pages have no scripts of their own, so JS on the page's
// main thread is the extension's, except the poll (inside FireAnimationFrame, excluded below).
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'TimerFire', 'FireIdleCallback', 'v8.run', 'v8.compile', 'EventDispatch']);

export interface Task {
  ts: number;
  /** CPU time, ms. */
  dur: number;
  /** Wall time, ms. */
  wall: number;
  /** Runs the extension's script (after it started), not counting our rAF poll. */
  script: boolean;
  /** Holds a highlight-change stamp: the frame whose rendering paints that change. */
  paintsChange: boolean;
}

export interface LoadTrace {
  /** Sum of top-level tasks' CPU time on the page's main thread, ms (without the poll's: see analyseLoad). */
  mainThreadMs: number;
  /**
   * The same from the task that evaluates the content script (top frame) on: the window,
   * "from the moment the content script starts until the page is quiet again". What the page does
   * before (parsing; on the 1 MB page, layouts of 50–250 ms that vary by 100 ms from load to load)
   * cannot be the extension's, and only adds noise to the difference. NaN without a content script.
   */
  fromScriptMs: number;
  /** The same in wall time, ms. */
  mainThreadWallMs: number;
  /** Trace time (µs) the extension's content script started evaluating in the top frame; NaN if none. */
  scriptStart: number;
  /** Trace time (µs) of the task that committed the document: the same start for any run_at. */
  commitStart: number;
  /**
   * Highlight-set changes seen by the poll, in order: when seen and the previous reading (trace µs),
   * the size, and whether everything painted before is still there (the change only added).
   */
  changes: Array<{ ts: number; since: number; signature: number; kept: boolean }>;
  /**
   * CPU ms of the tasks, in any frame of the page's main thread, that evaluate or call into one of
   * the extension's scripts, or run script after the top frame's started (the fixture pages run none
   * of their own): steadier than the whole main thread where many frames load.
   */
  extensionTaskMs: number;
  /** CPU ms of the outermost events evaluating or calling the extension's scripts (within those tasks). */
  extensionScriptMs: number;
  /** End (µs) of the first paint after the first change: the first highlights are on screen. */
  firstPaintedAt: number;
  /** End (µs) of the first paint after the last change: the highlights as they stay are on screen. */
  paintedAt: number;
  /** Longest task attributable to the extension (runs its script or renders a highlight change), ms. */
  longestTaskMs: number;
  /** Longest task running the extension's script, and longest frame painting a change, ms. */
  longestScriptTaskMs: number;
  longestChangeFrameMs: number;
  tasks: Task[];
  /** The last event of the trace on the page's main thread (µs): about where the window ended. */
  windowEnd: number;
  /** The page's main-thread events from the document's commit on, without the poll's tasks. */
  events: TraceEvent[];
  pid: number;
  tid: number;
}

const end = (e: TraceEvent): number => e.ts + (e.dur ?? 0);
/** CPU time of a complete event, µs (wall time where the trace has none). */
export const cpu = (e: TraceEvent): number => e.tdur ?? e.dur ?? 0;

/** The events of `events` (sorted by start) that no earlier one of them contains. */
function outermost(events: TraceEvent[]): TraceEvent[] {
  let reach = -Infinity;
  return events.filter((e) => {
    if (e.ts < reach) return false;
    reach = end(e);
    return true;
  });
}

/**
 * The page renderer's main thread: the CrRendererMain thread that parsed `pageUrl`'s HTML.
 * `scriptUrlPrefix` (chrome-extension://<id>/) tells the extension's scripts; the first evaluation of
 * `startScript` under it (the manifest's first content script), or of any of them without it, in the
 * top frame is the content script's start.
 */
export function analyseLoad(events: TraceEvent[], pageUrl: string, scriptUrlPrefix: string | null, startScript?: string): LoadTrace {
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.['beginData'] as { url?: string } | undefined)?.url === pageUrl);
  if (!parse) throw new Error(`no ParseHTML for ${pageUrl} in the trace`);
  const { pid, tid } = parse;
  const frame = (parse.args?.['beginData'] as { frame?: string } | undefined)?.frame;
  const mine = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts);

  // Top-level tasks: RunTask events not nested in another (Chromium nests them in a few cases).
  const top: TraceEvent[] = [];
  for (const e of mine) {
    if (e.ph !== 'X' || e.name !== 'RunTask') continue;
    const last = top[top.length - 1];
    if (last && e.ts < end(last)) continue;
    top.push(e);
  }
  // The window starts with the task that commits the new document: the previous page's last tasks
  // (the benchmark navigates one tab from page to page) are not this load's.
  const commit = mine.find((e) => e.name === 'CommitLoad' && e.args?.data?.['url'] === pageUrl && e.args?.data?.['isMainFrame'] === true);
  const windowStart = commit ? (top.find((t) => t.ts <= commit.ts && commit.ts < end(t))?.ts ?? commit.ts) : -Infinity;
  top.splice(0, top.findIndex((t) => t.ts >= windowStart) === -1 ? top.length : top.findIndex((t) => t.ts >= windowStart));

  const scriptStart =
    scriptUrlPrefix === null
      ? NaN
      : (mine.find(
          (e) =>
            e.name === 'EvaluateScript' &&
            String(e.args?.data?.['url'] ?? '').startsWith(startScript ? scriptUrlPrefix + startScript : scriptUrlPrefix) &&
            (frame === undefined || e.args?.data?.['frame'] === frame),
        )?.ts ?? NaN);

  const changes = mine
    .filter((e) => e.name === 'TimeStamp' && String(e.args?.data?.['message'] ?? '').startsWith(CHANGE_STAMP))
    .map((e) => {
      const [size, gap, kept] = String(e.args?.data?.['message']).slice(CHANGE_STAMP.length).split(':');
      return { ts: e.ts, since: e.ts - Number(gap) * 1000, signature: Number(size), kept: kept !== '0' };
    });
  // The frame that painted a change: the first Paint starting after the reading before it saw the
  // old set (the change happened between the two readings, 16 ms apart).
  const paints = mine.filter((e) => e.name === 'Paint' && e.ph === 'X');
  // Not before the extension's script started: nothing of its can be painted earlier.
  const paintOf = (c: { ts: number; since: number }) => paints.find((p) => p.ts >= c.since && !(p.ts < scriptStart));
  const changePaints = new Set(changes.map(paintOf).filter((p): p is TraceEvent => !!p));

  const tasks: Task[] = [];
  const pollTasks = new Set<TraceEvent>();
  const pollEvents = new Set<TraceEvent>();
  let extensionTaskMs = 0;
  let extensionScriptMs = 0;
  let cursor = 0;
  for (const t of top) {
    const inside: TraceEvent[] = [];
    while (cursor < mine.length && (mine[cursor]?.ts ?? Infinity) < t.ts) cursor++;
    for (let i = cursor; i < mine.length && (mine[i]?.ts ?? Infinity) < end(t); i++) inside.push(mine[i] as TraceEvent);
    // The poll's tasks hold one of its stamps; the fixture pages run no script of their own, so any
    // other task running JavaScript after the content script started runs the extension's.
    const poll = inside.some((e) => e.name === 'TimeStamp' && [CHANGE_STAMP, TICK_STAMP].some((stamp) => String(e.args?.data?.['message'] ?? '').startsWith(stamp)));
    const script =
      !poll &&
      Number.isFinite(scriptStart) &&
      end(t) >= scriptStart &&
      inside.some((e) => SCRIPT_EVENTS.has(e.name) && !(e.name === 'EventDispatch' && !inside.some((f) => f.name === 'FunctionCall' && f.ts >= e.ts && f.ts < end(e))));
    const paintsChange = inside.some((e) => changePaints.has(e));
    tasks.push({ ts: t.ts, dur: cpu(t) / 1000, wall: (t.dur ?? 0) / 1000, script, paintsChange });
    // Any frame's: a task that evaluates or calls into one of the extension's scripts (the sub-frames'
    // gate runs before the top frame's content script, so `script` above does not see it), or runs
    // script after it started: a promise continuation (a storage reply, a slice resumed after
    // scheduler.yield()) names no script, and was not counted until stop 25.
    const own = scriptUrlPrefix ? inside.filter((e) => e.ph === 'X' && String(e.args?.data?.['url'] ?? '').startsWith(scriptUrlPrefix)) : [];
    // A script of the top frame's that runs before the content script (Tifa's early style, at
    // document_start) runs inside the parser's task: only its own time there is the extension's.
    // (Its v8.compile events, nested in its EvaluateScript and FunctionCall, name no frame.)
    const early = own.length > 0 && own.every((e) => e.ts < scriptStart && (frame === undefined || e.args?.data?.['frame'] === frame || e.args?.data?.['frame'] === undefined));
    if (early) extensionTaskMs += outermost(own).reduce((sum, e) => sum + cpu(e), 0) / 1000;
    else if (own.length > 0 || script) extensionTaskMs += cpu(t) / 1000;
    // The poll is the benchmark's instrument, not the page's work nor the extension's: its tasks are
    // left out of the page's sums. It reads every registered highlight's size each time, so it cost
    // more beside an extension that registers many (~0.24 ms a reading beside Tifa's against ~0.21
    // beside the empty one, 90-odd readings a load), and its ~20 ms a load was most of the empty
    // extension's time from the script's start, and of its noise.
    if (poll && own.length === 0) {
      pollTasks.add(t);
      for (const e of inside) pollEvents.add(e);
    }
    // The outermost of those events: the script's own time, without the rest of its task.
    for (const e of outermost(own)) extensionScriptMs += cpu(e) / 1000;
  }

  const pageTasks = top.filter((t) => !pollTasks.has(t));
  const mainThreadMs = pageTasks.reduce((sum, e) => sum + cpu(e), 0) / 1000;
  const mainThreadWallMs = pageTasks.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  const lastChange = changes[changes.length - 1];
  const paint = lastChange ? paintOf(lastChange) : undefined;
  const paintedAt = lastChange ? (paint ? end(paint) : lastChange.ts) : NaN;
  const firstChange = changes[0];
  const firstPaint = firstChange ? paintOf(firstChange) : undefined;
  const firstPaintedAt = firstChange ? (firstPaint ? end(firstPaint) : firstChange.ts) : NaN;
  const longest = (keep: (t: Task) => boolean) => Math.max(0, ...tasks.filter(keep).map((t) => t.dur));
  const longestScriptTaskMs = longest((t) => t.script);
  const longestChangeFrameMs = longest((t) => t.paintsChange);
  return {
    mainThreadMs,
    fromScriptMs: Number.isFinite(scriptStart) ? pageTasks.filter((t) => end(t) > scriptStart).reduce((sum, e) => sum + cpu(e), 0) / 1000 : NaN,
    mainThreadWallMs,
    windowEnd: Math.max(...mine.map((e) => end(e))),
    scriptStart,
    commitStart: windowStart,
    changes,
    extensionTaskMs,
    extensionScriptMs,
    firstPaintedAt,
    paintedAt,
    longestTaskMs: Math.max(longestScriptTaskMs, longestChangeFrameMs),
    longestScriptTaskMs,
    longestChangeFrameMs,
    tasks,
    events: mine.filter((e) => (e.ts >= (top[0]?.ts ?? Infinity) && !pollEvents.has(e)) || e.ph === 'M'),
    pid,
    tid,
  };
}

export type Kind = 'script' | 'style/layout' | 'pre-paint' | 'paint' | 'GC' | 'other';
export const KINDS: Kind[] = ['script', 'style/layout', 'pre-paint', 'paint', 'GC', 'other'];

const KIND_OF: Record<string, Kind> = {
  EvaluateScript: 'script',
  FunctionCall: 'script',
  RunMicrotasks: 'script',
  TimerFire: 'script',
  FireIdleCallback: 'script',
  FireAnimationFrame: 'script',
  'v8.compile': 'script',
  'v8.run': 'script',
  EventDispatch: 'script',
  UpdateLayoutTree: 'style/layout',
  Layout: 'style/layout',
  ParseAuthorStyleSheet: 'style/layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MinorGC: 'GC',
  MajorGC: 'GC',
  'V8.GC_SCAVENGER': 'GC',
  'V8.GC_MARK_COMPACTOR': 'GC',
  'V8.GC_MC_INCREMENTAL': 'GC',
  'V8.GC_MINOR_MARK_SWEEPER': 'GC',
  BlinkGC: 'GC',
  BlinkGC_AtomicPhase: 'GC',
};

/**
 * Self CPU time of the main thread's work by kind, ms: each classified event's duration minus that of
 * the classified events nested in it, so nothing is counted twice; the rest of the tasks is "other"
 * (parsing, loading, messaging, scheduling).
 */
export function breakdown(load: LoadTrace): Record<Kind, number> {
  const out: Record<Kind, number> = { script: 0, 'style/layout': 0, 'pre-paint': 0, paint: 0, GC: 0, other: 0 };
  // Parents before children: by start, then the longer first.
  const classified = load.events
    .filter((e) => e.ph === 'X' && KIND_OF[e.name] !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // A stack of open classified events; an event's time goes to it minus its children's.
  const stack: Array<{ e: TraceEvent; child: number }> = [];
  const close = (upTo: number) => {
    while (stack.length && end((stack[stack.length - 1] as { e: TraceEvent }).e) <= upTo) {
      const top = stack.pop() as { e: TraceEvent; child: number };
      const kind = KIND_OF[top.e.name] as Kind;
      out[kind] += (cpu(top.e) - top.child) / 1000;
      const parent = stack[stack.length - 1];
      if (parent) parent.child += cpu(top.e);
    }
  };
  for (const e of classified) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Infinity);
  const counted = KINDS.filter((k) => k !== 'other').reduce((s, k) => s + out[k], 0);
  out.other = Math.max(0, load.mainThreadMs - counted);
  return out;
}
