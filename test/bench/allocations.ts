// `npx tsx test/bench/allocations.ts [page] [loads]`: what a page load allocates in the renderer's main
// V8 isolate (the page's world and every extension's share one heap, so Tifa's allocations bring the
// page's scavenges sooner), and in which functions. A tool for finding the cost, not a figure to
// report as speed. V8's sampling heap profiler (every 256 bytes on average, objects collected since
// included) runs through each load in one tab, as `npm run bench` loads articles; the first load is
// left out. Function names are readable in an unminified build:
//   TIFA_NO_MINIFY=1 TIFA_OUT_DIR=/tmp/tifa-plain npx wxt build
//   TIFA_EXTENSION_DIR=/tmp/tifa-plain/chrome-mv3 npx tsx test/bench/allocations.ts a8-speech-large.html 5
// TIFA_ALLOCATIONS_NONE=1 loads the same pages with no extension, for the page's own share;
// TIFA_ALLOC_TOP=N prints N call paths (default 40).
// "(V8 API)" is what Blink allocates on the heap for any world (wrappers, strings it hands to script).
import path from 'node:path';
import { closeSubject, launch } from './page-load';
import { startFixtureServer } from '../e2e/server';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

const page = process.argv[2] ?? 'a8-speech-large.html';
const loads = Number(process.argv[3] ?? 5);
const extensionDir = process.env.TIFA_ALLOCATIONS_NONE ? null : path.resolve(process.env.TIFA_EXTENSION_DIR ?? '.output/chrome-mv3');

const fixtures = await startFixtureServer();
const subject = await launch('tifa', extensionDir);
/** Bytes per call path (the two callers above and the allocating function), over the counted loads. */
const bytes = new Map<string, number>();
let total = 0;
try {
  const tab = await subject.context.newPage();
  for (let i = 0; i <= loads; i++) {
    const cdp = await subject.context.newCDPSession(tab);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    await tab.goto(fixtures.url(`bench/${page}`), { waitUntil: 'load' });
    await tab.waitForTimeout(800);
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
    await cdp.detach();
    if (i === 0) continue; // the first load warms the browser's caches
    const visit = (node: SamplingNode, callers: string[]): void => {
      const { functionName, url, lineNumber } = node.callFrame;
      const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
      if (node.selfSize > 0) {
        const key = [...callers.slice(-2), name].join(' < ');
        bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
        total += node.selfSize;
      }
      for (const child of node.children) visit(child, [...callers, name]);
    };
    visit(profile.head, []);
  }
} finally {
  await closeSubject(subject);
  await fixtures.close();
}
console.log(`${page}: ${extensionDir ?? 'no extension'}, ${loads} loads`);
console.log(`${Math.round(total / loads)} bytes allocated a load (sampled); by call path, bytes a load:`);
for (const [key, sum] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TIFA_ALLOC_TOP ?? 40))) console.log(`${String(Math.round(sum / loads)).padStart(9)}  ${key}`);
