// An import from choosing the file to the glossary stored, kept by the options page itself rather
// than the Import tab, so it goes on (and the page stays locked for writing) when the user turns to
// another tab meanwhile. Every step that takes long stays off the main thread or in slices:
//   reading and checking the file: a worker (./import-reader.ts);
//   comparing with the glossary (the preview, and again on the stored glossary when applying): slices;
//   saving: batches of storage writes, the new glossary taking effect in one write at the end
//   (src/glossary/storage/store.ts), so leaving midway keeps the old glossary whole.
// While anything runs, `progress` says what and how far, and the page disables what would write.
import { useEffect, useRef, useState } from 'react';
import { applyImport, overLimit, previewSteps, type ImportMode, type ImportPreview, type OverLimit } from '@/src/glossary/import/preview';
import type { ImportError, ParsedImport } from '@/src/glossary/import/result';
import type { Entry } from '@/src/glossary/schema';
import { updateEntries } from '@/src/glossary/storage/edits';
import type { Translate } from './i18n';
import { readImportFile } from './import-reader';
import { runInSlices } from './slices';
import type { Write } from './use-stored-state';

type ImportPhase = 'reading' | 'checking' | 'comparing' | 'saving';

export interface ImportProgress {
  phase: ImportPhase;
  /** The file's name. */
  name: string;
  done: number;
  /** 0 while how much there is to do is not known yet (reading). */
  total: number;
  /** The user may still stop it (nothing has started writing). */
  cancellable: boolean;
}

export interface ImportJob {
  failure: { name: string; error: ImportError } | null;
  /** A file read and checked, waiting for the user to merge, replace or discard it. */
  pending: { name: string; parsed: ParsedImport } | null;
  /** What the pending file would do to the glossary as it is now; null until compared. */
  preview: ImportPreview | null;
  /** Why merging or replacing would be refused (the entry limit), as the preview shows it. */
  refusals: { merge?: OverLimit; replace?: OverLimit };
  /** A refusal found when applying, on the glossary as stored then. */
  refused: OverLimit | null;
  /** The outcome to announce ("Imported: …"). */
  status: string;
  /** Something runs: the page writes nothing else meanwhile. */
  progress: ImportProgress | null;
  choose(file: File | undefined): void;
  apply(mode: ImportMode): Promise<void>;
  discard(): void;
  /** Stops reading or comparing (never a write under way). */
  cancel(): void;
  announce(status: string): void;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

export function useImport(entries: Entry[] | null, write: Write, setEntries: (entries: Entry[]) => void, t: Translate): ImportJob {
  const [failure, setFailure] = useState<ImportJob['failure']>(null);
  const [pending, setPending] = useState<ImportJob['pending']>(null);
  const [compared, setCompared] = useState<{ entries: readonly Entry[]; parsed: ParsedImport; preview: ImportPreview } | null>(null);
  const [refused, setRefused] = useState<OverLimit | null>(null);
  const [status, announce] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // Reading or comparing under way, to stop on cancel; a write under way is never stopped.
  const running = useRef<AbortController | null>(null);
  const applying = useRef(false);
  const shown = useRef<{ phase: ImportPhase; percent: number } | null>(null);

  /** Shows progress, at most once per percent: each update renders the page. */
  function report(phase: ImportPhase, name: string, done: number, total: number) {
    const percent = total ? Math.floor((done / total) * 100) : -1;
    if (shown.current?.phase === phase && shown.current.percent === percent) return;
    shown.current = { phase, percent };
    setProgress({ phase, name, done, total, cancellable: !applying.current });
  }
  function done(phases: readonly ImportPhase[]) {
    shown.current = null;
    setProgress((p) => (p && phases.includes(p.phase) ? null : p));
  }

  // The preview follows the glossary (another tab's edits show before applying); it is compared in
  // slices, and shows progress only when that takes more than one slice.
  useEffect(() => {
    if (!pending || !entries) return;
    const comparing = new AbortController();
    running.current = comparing;
    const total = pending.parsed.rows.length;
    runInSlices(previewSteps(entries, pending.parsed), (n) => report('comparing', pending.name, n, total), comparing.signal).then(
      (preview) => {
        if (comparing.signal.aborted) return;
        setCompared({ entries, parsed: pending.parsed, preview });
        done(['comparing']);
      },
      (error: unknown) => {
        if (!isAbort(error)) throw error;
      },
    );
    return () => {
      comparing.abort();
      if (!applying.current) done(['comparing']);
    };
    // report and done only set state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entries, pending]);

  // A write under way is lost if the page goes: ask first (the glossary stays whole either way).
  const writing = progress?.cancellable === false;
  useEffect(() => {
    if (!writing) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [writing]);

  function choose(file: File | undefined) {
    if (progress) return;
    setFailure(null);
    setPending(null);
    setCompared(null);
    setRefused(null);
    announce('');
    if (!file) return;
    const reading = new AbortController();
    running.current = reading;
    report('reading', file.name, 0, 0);
    readImportFile(file, (phase, n, total) => report(phase, file.name, n, total), reading.signal)
      .then(
        (parsed) => {
          if (!parsed.ok) setFailure({ name: file.name, error: parsed });
          else setPending({ name: file.name, parsed });
        },
        (error: unknown) => {
          if (isAbort(error)) return;
          const detail = error instanceof Error ? error.message : String(error);
          setFailure({ name: file.name, error: { ok: false, code: 'read-failed', detail } });
        },
      )
      .finally(() => done(['reading', 'checking']));
  }

  async function apply(mode: ImportMode) {
    if (!pending || progress) return;
    const { name, parsed } = pending;
    const total = parsed.rows.length;
    let refusal: OverLimit | undefined;
    let counts = { added: 0, changed: 0, total: 0 };
    applying.current = true;
    setRefused(null);
    report('comparing', name, 0, total);
    try {
      const stored = await write(() =>
        updateEntries(
          async (current) => {
            // Compared again inside the write, on the glossary as stored now, and refused there
            // too when it would pass the limit: another tab may have added entries meanwhile.
            const latest = await runInSlices(previewSteps(current, parsed), (n) => report('comparing', name, n, total));
            refusal = overLimit(current.length, latest, mode);
            if (refusal) return null;
            const next = applyImport(current, latest, mode);
            counts = { added: latest.added.length, changed: latest.changed.length, total: next.length };
            report('saving', name, 0, 1);
            return next;
          },
          (written, all) => report('saving', name, written, all),
        ),
      );
      if (!stored) return;
      if (refusal) {
        setRefused(refusal);
        return;
      }
      setEntries(stored);
      setPending(null);
      setCompared(null);
      announce(mode === 'merge' ? t('imported', { added: counts.added, changed: counts.changed }) : t('replaced', { n: counts.total }));
    } finally {
      applying.current = false;
      done(['comparing', 'saving']);
    }
  }

  function cancel() {
    if (applying.current) return;
    running.current?.abort();
    setPending(null);
    setCompared(null);
    done(['reading', 'checking', 'comparing']);
  }

  const preview = pending && compared?.parsed === pending.parsed ? compared.preview : null;
  const now = compared?.entries.length ?? 0;
  const refusals = preview ? { merge: overLimit(now, preview, 'merge'), replace: overLimit(now, preview, 'replace') } : {};

  return {
    failure,
    pending,
    preview,
    refusals,
    refused,
    status,
    progress,
    choose,
    apply,
    discard: () => {
      setPending(null);
      setCompared(null);
      setRefused(null);
    },
    cancel,
    announce,
  };
}
