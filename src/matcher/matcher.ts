// Many-pattern matcher: one Aho-Corasick automaton over UTF-16 code units, scanned leftmost-longest.
// Pure: no DOM, no browser APIs, no dependencies, because it ships in the size-capped content script.
//
// Layout, chosen for scan speed in V8:
// - Code units are mapped to dense alphabet indices (0 = "in no pattern"), so the trie's edges fit a
//   compact double array: the child of state s on index c is slot t = base[s] + c when check[t] === s.
//   A state's id is its slot, so a transition costs two typed-array reads and no hashing.
// - Failure links handle missing edges; their chain always ends at the root, whose row is tried last.
// - Each state knows the longest pattern that ends there (own or via its failure chain), so the
//   scan never walks output links.
// - Between matches, a filter of the pairs of code units that patterns start with lets the scan skip
//   most of a page's text at one table read per code unit (4.6 ms instead of 12.6 ms for 1 M
//   characters and the default glossary, `npm run bench`).

/** What the matcher needs of a pattern; `Pattern` from src/messages.ts fits. */
export interface MatcherPattern {
  readonly text: string;
}

/** One match: `text.slice(start, end)` equals the text of pattern `patternIndex` (UTF-16 offsets). */
export interface Match {
  start: number;
  end: number;
  patternIndex: number;
}

export interface Matcher {
  /**
   * Leftmost-longest, non-overlapping matches lying wholly inside `text[from, to)`, in order.
   * Offsets are into `text` (not relative to `from`), so a caller can scan part of a long string.
   */
  scan(text: string, from?: number, to?: number): Match[];
}

const ROOT = 0;
const NONE = -1;

/** Index of a pair of code units in the start filter's 64 Ki table. */
const pairHash = (first: number, second: number): number => ((first << 6) ^ second) & 0xffff;

/** Compiles once; recompile only when the patterns change. */
export function compileMatcher(patterns: readonly MatcherPattern[]): Matcher {
  // --- Alphabet: dense indices 1..alphabetSize, in order of first appearance, for the code units
  // that occur in some pattern. Uint16 halves the table's cache footprint; only a glossary that
  // uses every code unit needs more.
  let alphabet: Uint16Array | Uint32Array = new Uint16Array(65536);
  let alphabetSize = 0;
  for (const { text } of patterns) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (alphabet[unit] !== 0) continue;
      if (++alphabetSize === 65536) alphabet = Uint32Array.from(alphabet);
      alphabet[unit] = alphabetSize;
    }
  }

  // --- Trie in plain arrays: children as sibling lists. The root, which has most of the alphabet
  // as children, gets a direct table; deeper nodes have few children, so walking the list is cheap.
  const rootChild = new Int32Array(alphabetSize + 1).fill(NONE);
  const firstChild: number[] = [NONE];
  const nextSibling: number[] = [NONE];
  const edgeIndex: number[] = [0];
  const terminal: number[] = [NONE]; // lowest pattern index ending at this node
  const depthOf: number[] = [0];

  patterns.forEach(({ text }, patternIndex) => {
    if (text.length === 0) return;
    let node = ROOT;
    for (let i = 0; i < text.length; i++) {
      const index = alphabet[text.charCodeAt(i)]!;
      let child = node === ROOT ? rootChild[index]! : firstChild[node]!;
      if (node !== ROOT) while (child !== NONE && edgeIndex[child] !== index) child = nextSibling[child]!;
      if (child === NONE) {
        child = firstChild.length;
        if (node === ROOT) rootChild[index] = child;
        firstChild.push(NONE);
        nextSibling.push(firstChild[node]!);
        edgeIndex.push(index);
        terminal.push(NONE);
        depthOf.push(i + 1);
        firstChild[node] = child;
      }
      node = child;
    }
    // Duplicates (two entries sharing a variant) keep the first: a match reports the lowest index.
    if (terminal[node] === NONE) terminal[node] = patternIndex;
  });
  const nodeCount = firstChild.length;

  // --- Double array: choose each parent's offset so its children land on free slots.
  let capacity = Math.max(64, alphabetSize + 1 + nodeCount * 2);
  let check = new Int32Array(capacity).fill(NONE);
  // Two skip lists over slots, kept as union-find: link[p] === p while p is listed, so find(p) is the
  // first listed slot at or after p (slots past capacity are all listed). `freeLink` lists free slots.
  // `candidateLink` also drops free slots that keep failing as the lowest child of a multi-child
  // node; without that, every placement rescans the packed region (quadratic in practice).
  let freeLink = new Int32Array(capacity);
  let candidateLink = new Int32Array(capacity);
  let failures = new Uint8Array(capacity);
  for (let slot = 0; slot < capacity; slot++) freeLink[slot] = candidateLink[slot] = slot;
  const grow = (needed: number): void => {
    if (needed < capacity) return;
    const oldCapacity = capacity;
    while (capacity <= needed) capacity *= 2;
    const biggerCheck = new Int32Array(capacity).fill(NONE);
    biggerCheck.set(check);
    const biggerFreeLink = new Int32Array(capacity);
    biggerFreeLink.set(freeLink);
    const biggerCandidateLink = new Int32Array(capacity);
    biggerCandidateLink.set(candidateLink);
    for (let slot = oldCapacity; slot < capacity; slot++) biggerFreeLink[slot] = biggerCandidateLink[slot] = slot;
    const biggerFailures = new Uint8Array(capacity);
    biggerFailures.set(failures);
    check = biggerCheck;
    freeLink = biggerFreeLink;
    candidateLink = biggerCandidateLink;
    failures = biggerFailures;
  };
  const find = (link: Int32Array, slot: number): number => {
    let found = slot;
    while (found < capacity && link[found] !== found) found = link[found]!;
    while (slot < found && slot < capacity) {
      const next = link[slot]!;
      link[slot] = found;
      slot = next;
    }
    return found;
  };
  const take = (slot: number): void => {
    check[slot] = ROOT; // occupied; the real parent slot is filled in once all offsets are known
    freeLink[slot] = candidateLink[slot] = slot + 1;
  };
  const order: number[] = [ROOT]; // breadth-first node order: parents before children
  const childCount = new Int32Array(nodeCount);
  for (let next = 0; next < order.length; next++) {
    const node = order[next]!;
    for (let child = firstChild[node]!; child !== NONE; child = nextSibling[child]!) {
      order.push(child);
      childCount[node] = childCount[node]! + 1;
    }
  }
  // Parents with most children go first, while the array is still sparse enough to hold their rows.
  // Single-child nodes (most of a Chinese glossary) always fit in the first free slot, so they come
  // last and fill the holes.
  const parents = order.filter((node) => childCount[node]! > 0);
  parents.sort((a, b) => childCount[b]! - childCount[a]!);
  const offsetOf = new Int32Array(nodeCount);
  take(ROOT);
  let highestOffset = 0;
  const childIndices: number[] = [];
  for (const node of parents) {
    childIndices.length = 0;
    for (let child = firstChild[node]!; child !== NONE; child = nextSibling[child]!) {
      childIndices.push(edgeIndex[child]!);
    }
    childIndices.sort((a, b) => a - b);
    const lowest = childIndices[0]!;
    const single = childIndices.length === 1;
    const link = single ? freeLink : candidateLink;
    let offset = 0;
    // The lowest child goes into a listed slot (offsets start at 1); try them in order until all fit.
    for (let slot = find(link, lowest + 1); ; slot = find(candidateLink, slot + 1)) {
      offset = slot - lowest;
      grow(offset + alphabetSize + 1);
      if (single) break;
      let fits = true;
      for (let k = 1; k < childIndices.length; k++) {
        if (check[offset + childIndices[k]!] !== NONE) {
          fits = false;
          break;
        }
      }
      if (fits) break;
      const failed = failures[slot]! + 1;
      failures[slot] = failed;
      if (failed > 4) candidateLink[slot] = slot + 1;
    }
    offsetOf[node] = offset;
    highestOffset = Math.max(highestOffset, offset);
    for (const index of childIndices) take(offset + index);
  }
  // Probes reach at most max(base) + alphabetSize; drop the spare room that doubling left behind.
  const slotCount = highestOffset + alphabetSize + 1;
  check = check.slice(0, slotCount);
  const base = new Int32Array(slotCount); // 0 for leaves: every probe lands on a slot they cannot own
  // Now that every offset is known, give each node its slot and record parents in check.
  const slotOf = new Int32Array(nodeCount);
  for (const node of order) {
    if (childCount[node]! === 0) continue;
    const slot = slotOf[node]!;
    const offset = offsetOf[node]!;
    base[slot] = offset;
    for (let child = firstChild[node]!; child !== NONE; child = nextSibling[child]!) {
      const childSlot = offset + edgeIndex[child]!;
      slotOf[child] = childSlot;
      check[childSlot] = slot;
    }
  }

  // --- Failure links and longest output, breadth-first so a node's failure target is done first.
  const fail = new Int32Array(slotCount);
  const depth = new Int32Array(slotCount);
  const outLength = new Int32Array(slotCount); // length of the longest pattern ending in this state
  const outPattern = new Int32Array(slotCount);
  const transition = (state: number, index: number): number => {
    for (;;) {
      const target = base[state]! + index;
      if (check[target] === state) return target;
      if (state === ROOT) return ROOT;
      state = fail[state]!;
    }
  };
  for (const node of order) {
    const slot = slotOf[node]!;
    depth[slot] = depthOf[node]!;
    const own = terminal[node]!;
    if (node !== ROOT) {
      // The parent's slot is check[slot]; its failure target is final because it is shallower.
      const parent = check[slot]!;
      const failure = parent === ROOT ? ROOT : transition(fail[parent]!, edgeIndex[node]!);
      fail[slot] = failure;
      if (own === NONE) {
        outLength[slot] = outLength[failure]!;
        outPattern[slot] = outPattern[failure]!;
      }
    }
    if (own !== NONE) {
      outLength[slot] = depthOf[node]!;
      outPattern[slot] = own;
    }
  }

  // --- Start filter. On a page most positions start no pattern, and the automaton is far slower
  // there than one table read. So while no partial match is live, the scan skips ahead with a
  // filter of the code-unit pairs patterns begin with (hashed into a bit table; a collision only
  // costs a wasted look), and hands over to the automaton, in the root state, where a pair fits.
  // A glossary with one-unit patterns filters on single code units instead.
  let shortest = Infinity;
  for (const { text } of patterns) if (text.length > 0) shortest = Math.min(shortest, text.length);
  const pairFilter = shortest >= 2;
  const starts = new Uint8Array(65536);
  for (const { text } of patterns) {
    if (text.length === 0) continue;
    const first = text.charCodeAt(0);
    starts[pairFilter ? pairHash(first, text.charCodeAt(1)) : first] = 1;
  }

  const scan = (text: string, from = 0, to = text.length): Match[] => {
    const matches: Match[] = [];
    const end = Math.min(to, text.length);
    let i = Math.max(0, from);
    let state = ROOT;
    while (i < end) {
      if (state === ROOT) {
        // Skip to the next position where a pattern may start; none fits before `end`: done.
        if (pairFilter) {
          let unit = text.charCodeAt(i);
          for (;;) {
            if (i + 1 >= end) return matches;
            const next = text.charCodeAt(i + 1);
            if (starts[pairHash(unit, next)] !== 0) break;
            unit = next;
            i++;
          }
        } else {
          while (starts[text.charCodeAt(i)] === 0) if (++i >= end) return matches;
        }
      }
      const index = alphabet[text.charCodeAt(i++)]!;
      if (index === 0) {
        state = ROOT;
        continue;
      }
      for (;;) {
        const target = base[state]! + index;
        if (check[target] === state) {
          state = target;
          break;
        }
        if (state === ROOT) break;
        state = fail[state]!;
      }
      const found = outLength[state]!;
      if (found === 0) continue;

      // A match is pending. A later one replaces it if it starts no later (so it is longer or more
      // to the left); it is final once every live partial match starts after it, i.e. once the
      // current state (the longest live suffix) is shorter than the distance from its start.
      let matchStart = i - found;
      let matchEnd = i;
      let matchPattern = outPattern[state]!;
      while (i < end) {
        const nextIndex = alphabet[text.charCodeAt(i++)]!;
        if (nextIndex === 0) break;
        for (;;) {
          const target = base[state]! + nextIndex;
          if (check[target] === state) {
            state = target;
            break;
          }
          if (state === ROOT) break;
          state = fail[state]!;
        }
        const length = outLength[state]!;
        if (length !== 0 && i - length <= matchStart) {
          matchStart = i - length;
          matchEnd = i;
          matchPattern = outPattern[state]!;
        } else if (i - depth[state]! > matchStart) break;
      }
      matches.push({ start: matchStart, end: matchEnd, patternIndex: matchPattern });
      // Matches that end after matchEnd but start inside the text already read were passed over
      // while this one was pending, so resume right after it. This rereads at most one pattern length.
      i = matchEnd;
      state = ROOT;
    }
    return matches;
  };

  return { scan };
}
