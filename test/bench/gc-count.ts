// `npx tsx test/bench/gc-count.ts [page] [loads]`: how often the renderer's V8 collects garbage while
// a page loads, with each subject, and what that costs. A tool for finding the cost (the trace
// breakdown of `npm run bench -- --trace` puts GC beside script and paint; this says why), not a
// figure to report as speed.
//
// All worlds of a page share one V8 heap, so every script's allocations fill the same young
// generation, and a scavenge comes once it is full, in whichever task then allocates. So what an
// extension's allocations cost a page is a share of the scavenges, not a time of its own: this tool
// loads the page (default a8-speech-large.html) in one tab per subject, rounds interleaved as the
// benchmark's are, traces each load to as long after `load` as the benchmark's article window (1.5
// s), and counts the page renderer's scavenges (MinorGC) and full collections (MajorGC) with their
// CPU time. The first round warms the caches and is left out. Subjects: the empty, naive, stored-terms and mark.js peers generated from the build
// (test/bench/peer-extensions.ts) and the build itself (TIFA_EXTENSION_DIR, default .output/chrome-mv3);
// TIFA_BEFORE_DIR adds another build; TIFA_GC_PEERS=empty (a list) loads only those peers.
// `test/bench/allocations.ts` says where the bytes come from.
import fs from 'node:fs';
import path from 'node:path';
import { closeSubject, launch, traced, WAIT_AFTER_LOAD_MS, type Subject, type SubjectName } from './page-load';
import { writePeerExtensions, type PeerName } from './peer-extensions';
import { cpu, TRACE_CATEGORIES } from './trace-analysis';
import { startFixtureServer } from '../e2e/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const page = process.argv[2] ?? 'a8-speech-large.html';
const loads = Number(process.argv[3] ?? 24);
const tifaDir = path.resolve(process.env.TIFA_EXTENSION_DIR ?? path.join(ROOT, '.output/chrome-mv3'));
const beforeDir = process.env.TIFA_BEFORE_DIR ? path.resolve(process.env.TIFA_BEFORE_DIR) : undefined;

const peers = writePeerExtensions(ROOT, tifaDir);
const peerNames = (process.env.TIFA_GC_PEERS ?? 'empty,naive,stored,markjs').split(',').filter(Boolean) as PeerName[];
const dirs: Array<[SubjectName, string]> = [
  ...peerNames.map((name): [SubjectName, string] => [name, peers.peers[name]]),
  ['tifa', tifaDir],
  ...(beforeDir ? [['before', beforeDir] as [SubjectName, string]] : []),
];

interface Tally {
  scavenges: number[];
  fullCollections: number[];
  /** CPU ms of both kinds, per load. */
  ms: number[];
}

const fixtures = await startFixtureServer();
const subjects: Subject[] = [];
const tallies = new Map<SubjectName, Tally>();
try {
  for (const [name, dir] of dirs) {
    subjects.push(await launch(name, dir));
    tallies.set(name, { scavenges: [], fullCollections: [], ms: [] });
  }
  for (let round = 0; round <= loads; round++) {
    for (const s of subjects) {
      const { events } = await traced(
        s.cdp,
        async () => {
          await s.tab.goto(fixtures.url(`bench/${page}`), { waitUntil: 'load' });
          await s.tab.waitForTimeout(WAIT_AFTER_LOAD_MS);
        },
        TRACE_CATEGORIES,
      );
      if (round === 0) continue;
      // The page's renderer: the process that parsed it (the extension's worker runs in another).
      const renderers = new Set(events.filter((e) => e.name === 'ParseHTML').map((e) => e.pid));
      let scavenges = 0;
      let fullCollections = 0;
      let ms = 0;
      for (const e of events) {
        if (e.ph !== 'X' || !renderers.has(e.pid) || (e.name !== 'MinorGC' && e.name !== 'MajorGC')) continue;
        if (e.name === 'MinorGC') scavenges++;
        else fullCollections++;
        ms += cpu(e) / 1000;
      }
      const tally = tallies.get(s.name) as Tally;
      tally.scavenges.push(scavenges);
      tally.fullCollections.push(fullCollections);
      tally.ms.push(ms);
    }
    process.stderr.write(`round ${round}/${loads}\r`);
  }
} finally {
  for (const s of subjects) await closeSubject(s);
  await fixtures.close();
  fs.rmSync(peers.dir, { recursive: true, force: true });
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
console.log(`${page}: ${loads} loads per subject, ${new Date().toISOString()}; Tifa ${tifaDir}${beforeDir ? `, before ${beforeDir}` : ''}`);
console.log('subject      scavenges a load   full collections a load   GC ms a load (mean; both kinds)   ms a scavenge (median)');
for (const [name, t] of tallies) {
  const perScavenge = t.ms.filter((_, i) => t.scavenges[i] === 1 && t.fullCollections[i] === 0).sort((a, b) => a - b);
  const medianScavenge = perScavenge.length > 0 ? (perScavenge[Math.floor(perScavenge.length / 2)] as number).toFixed(1) : '—';
  console.log(
    `${name.padEnd(12)} ${mean(t.scavenges).toFixed(2).padStart(16)}   ${mean(t.fullCollections).toFixed(2).padStart(23)}   ${mean(t.ms).toFixed(2).padStart(31)}   ${medianScavenge.padStart(22)}`,
  );
}
