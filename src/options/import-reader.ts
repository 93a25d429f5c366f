// Reading an import file off the page's main thread: a worker (entrypoints/import-worker.ts) reads
// the file, decodes, parses and validates it (src/glossary/import/parse.ts), reporting progress,
// and hands the rows back in batches, so neither a 200 MB JSON.parse nor 50,000 validations ever
// hold up the page, and taking the rows in is spread over many tasks too.
import { parseImport, sizeRefusal } from '@/src/glossary/import/parse';
import type { ParsedImport, ParsedRow, ParseResult } from '@/src/glossary/import/result';
import { yieldToPage } from './slices';

/** What the worker says: progress, a batch of valid rows, then the result (its rows sent before). */
type ReaderMessage =
  | { kind: 'progress'; phase: 'reading' | 'checking'; done: number; total: number }
  | { kind: 'rows'; rows: ParsedRow[] }
  | { kind: 'result'; result: ParseResult };

/** What the page says: a file to read, or "more" once it has taken the last batch of rows in. */
type ReaderRequest = File | 'more';

export type ReadProgress = (phase: 'reading' | 'checking', done: number, total: number) => void;

/** Rows per message: ~1 MB of entries like the shipped ones, tens of milliseconds to take in. */
const ROWS_PER_MESSAGE = 200;

/**
 * The worker's side: reads each file it is sent and answers with ReaderMessages. Rows go one batch
 * at a time, the next when the page asks for more: posted all at once, taking them in would keep
 * the page busy for seconds on end.
 */
export function serveImportReads(scope: { onmessage: ((event: MessageEvent<ReaderRequest>) => void) | null; postMessage(message: ReaderMessage): void }): void {
  let rows: ParsedRow[] = [];
  let sent = 0;
  let result: ParseResult | undefined;
  const post = (message: ReaderMessage) => scope.postMessage(message);
  const sendMore = () => {
    if (sent < rows.length) {
      post({ kind: 'rows', rows: rows.slice(sent, sent + ROWS_PER_MESSAGE) });
      sent += ROWS_PER_MESSAGE;
    } else if (result) {
      post({ kind: 'result', result });
      result = undefined;
      rows = [];
    }
  };
  scope.onmessage = async (event) => {
    if (event.data === 'more') return sendMore();
    const file = event.data;
    post({ kind: 'progress', phase: 'reading', done: 0, total: 0 });
    const parsed =
      sizeRefusal(file.size) ??
      parseImport(new Uint8Array(await file.arrayBuffer()), file.name, (done, total) => post({ kind: 'progress', phase: 'checking', done, total }));
    rows = parsed.ok ? parsed.rows : [];
    sent = 0;
    result = parsed.ok ? { ...parsed, rows: [] } : parsed;
    sendMore();
  };
}

/**
 * Reads and validates `file` in the worker; rejects when the worker fails (it ran out of memory),
 * and with an AbortError when `signal` aborts (the worker is stopped). Where no worker can start,
 * the file is read on the page.
 */
export function readImportFile(file: File, onProgress: ReadProgress, signal: AbortSignal): Promise<ParseResult> {
  let worker: Worker;
  try {
    worker = new Worker(browser.runtime.getURL('/import-worker.js'));
  } catch {
    return file.arrayBuffer().then((buffer) => parseImport(new Uint8Array(buffer), file.name));
  }
  return new Promise<ParseResult>((resolve, reject) => {
    const rows: ParsedRow[] = [];
    const stop = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<ReaderMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') onProgress(message.phase, message.done, message.total);
      else if (message.kind === 'rows') {
        rows.push(...message.rows);
        void yieldToPage().then(() => !signal.aborted && worker.postMessage('more' satisfies ReaderRequest));
      } else {
        stop();
        resolve(message.result.ok ? ({ ...message.result, rows } satisfies ParsedImport) : message.result);
      }
    };
    worker.onerror = (event) => {
      stop();
      reject(new Error(event.message || 'the import worker failed'));
    };
    worker.postMessage(file satisfies ReaderRequest);
  });
}
