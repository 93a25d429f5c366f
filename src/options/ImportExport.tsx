// Export (JSON, CSV), import with a preview of every change, and the way back to the shipped glossary.
// The import itself (reading, comparing, saving, and the entry limit) is ./use-import.ts, kept by the
// page so it outlives this tab; while it runs, everything here that writes or exports is disabled.
import { useEffect, useRef } from 'react';
import { exportCsv, exportFileName, exportJson } from '@/src/glossary/export';
import type { Entry } from '@/src/glossary/schema';
import type { ShippedState } from '@/src/glossary/storage/edits';
import { importErrorText, overLimitText, problemText, useI18n } from './i18n';
import type { ImportJob } from './use-import';

export interface ImportExportProps {
  entries: readonly Entry[];
  differences: Array<{ entry: Entry; state: ShippedState }>;
  job: ImportJob;
  onRestore(id: string): void;
  onReset(): Promise<boolean>;
}

const SHOW = 200;

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ImportExport(props: ImportExportProps) {
  const { t } = useI18n();
  const { failure, pending, preview, refusals, refused, status, progress } = props.job;
  const busy = progress !== null;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const resetButtonRef = useRef<HTMLButtonElement>(null);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  // Focus follows the outcome once it is on screen: after the commit that renders it, never on a
  // timer (a frame can come before React commits, and the element to focus does not exist yet).
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);
  const previewShown = preview !== null;
  useEffect(() => {
    if (previewShown) previewHeadingRef.current?.focus();
  }, [previewShown]);

  const now = new Date();
  const importable = preview ? preview.added.length + preview.changed.length + preview.unchanged.length : 0;
  const refusal = refused ?? refusals.merge ?? refusals.replace;

  return (
    <div className="io">
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('exportTitle')}</h2>
        <p className="hint">{t('exportHint')}</p>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => download(exportJson(props.entries), exportFileName('json', now), 'application/json')}
          >
            {t('exportJson')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => download(exportCsv(props.entries), exportFileName('csv', now), 'text/csv;charset=utf-8')}
          >
            {t('exportCsv')}
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('importTitle')}</h2>
        <p className="hint">{t('importHint')}</p>
        <div className="actions">
          <label className="button file-button">
            {progress?.phase === 'reading' || progress?.phase === 'checking' ? t('reading') : t('chooseFile')}
            <input
              type="file"
              className="visually-hidden"
              accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values,text/plain"
              aria-label={t('importFile')}
              data-testid="import-file"
              disabled={busy}
              onChange={(e) => {
                props.job.choose(e.target.files?.[0]);
                // The same file chosen again (after a fix, or a discard) is read again.
                e.target.value = '';
              }}
            />
          </label>
        </div>
        <p className="visually-hidden" role="status">
          {status}
        </p>
        {status && !pending ? <p className="notice success">{status}</p> : null}

        {failure ? (
          <div className="notice error" role="alert" tabIndex={-1} ref={failureRef} data-testid="import-error">
            <strong>{t('importFailed', { name: failure.name })}</strong>
            <p>{importErrorText(failure.error, t)}</p>
            <p>{t('unchangedNote')}</p>
          </div>
        ) : null}

        {pending && preview ? (
          <div className="import-preview" data-testid="import-preview">
            <h3 ref={previewHeadingRef} tabIndex={-1}>
              {t('previewTitle', { name: pending.name })}
            </h3>
            {pending.parsed.encoding === 'gb18030' ? <p className="notice">{t('previewGb18030')}</p> : null}
            {pending.parsed.ignoredColumns.length ? (
              <p className="hint">{t('previewIgnored', { cols: pending.parsed.ignoredColumns.join(', ') })}</p>
            ) : null}
            <ul className="tally">
              <li className="tally-new">
                <strong>{preview.added.length}</strong> {t('previewNew')}
              </li>
              <li className="tally-changed">
                <strong>{preview.changed.length}</strong> {t('previewChanged')}
              </li>
              <li className="tally-unchanged">
                <strong>{preview.unchanged.length}</strong> {t('previewUnchanged')}
              </li>
              <li className="tally-invalid">
                <strong>{preview.invalid.length}</strong> {t('previewInvalid')}
              </li>
            </ul>

            {preview.invalid.length ? (
              <details open className="group group-invalid">
                <summary>
                  {t('previewInvalid')} ({preview.invalid.length})
                </summary>
                <ul>
                  {preview.invalid.slice(0, SHOW).map((row, i) => (
                    <li key={i}>
                      <span className="line">{t('line', { n: row.line })}</span>
                      {row.term ? (
                        <span className="term" lang="zh-CN">
                          {row.term}
                        </span>
                      ) : null}
                      <span className="reasons">
                        {row.problems
                          .map((p) => `${'field' in p && p.kind !== 'origin' ? `${p.field}: ` : ''}${problemText(p, t)}`)
                          .join('；')}
                      </span>
                    </li>
                  ))}
                  {preview.invalid.length > SHOW ? <li>{t('andMore', { n: preview.invalid.length - SHOW })}</li> : null}
                </ul>
              </details>
            ) : null}
            {preview.added.length ? (
              <details open={preview.added.length <= 20} className="group group-new">
                <summary>
                  {t('previewNew')} ({preview.added.length})
                </summary>
                <ul>
                  {preview.added.slice(0, SHOW).map((row) => (
                    <li key={row.entry.id}>
                      <span className="line">{t('line', { n: row.line })}</span>
                      <span className="term" lang="zh-CN">
                        {row.entry.term}
                      </span>
                      <span className="reasons">{row.entry.english[0]}</span>
                    </li>
                  ))}
                  {preview.added.length > SHOW ? <li>{t('andMore', { n: preview.added.length - SHOW })}</li> : null}
                </ul>
              </details>
            ) : null}
            {preview.changed.length ? (
              <details open={preview.changed.length <= 20} className="group group-changed">
                <summary>
                  {t('previewChanged')} ({preview.changed.length})
                </summary>
                <ul>
                  {preview.changed.slice(0, SHOW).map((row) => (
                    <li key={row.entry.id}>
                      <span className="line">{t('line', { n: row.line })}</span>
                      <span className="term" lang="zh-CN">
                        {row.entry.term}
                      </span>
                      <span className="reasons">{t('fields', { fields: row.fields.join(', ') })}</span>
                    </li>
                  ))}
                  {preview.changed.length > SHOW ? <li>{t('andMore', { n: preview.changed.length - SHOW })}</li> : null}
                </ul>
              </details>
            ) : null}

            {importable === 0 ? <p className="notice error">{t('nothingToImport')}</p> : null}
            {refusal ? (
              // Refused before anything is stored: the buttons that would pass the limit stay disabled.
              <div className="notice error" id="import-refusal" role="alert" data-testid="import-refusal">
                <p>{overLimitText(refusal, t)}</p>
                <p>{t('unchangedNote')}</p>
              </div>
            ) : null}
            <div className="actions">
              <button
                type="button"
                className="button primary"
                disabled={busy || preview.added.length + preview.changed.length === 0 || refusals.merge !== undefined}
                aria-describedby={refusals.merge ? 'import-refusal' : undefined}
                onClick={() => void props.job.apply('merge')}
              >
                {t('merge', { n: preview.added.length + preview.changed.length })}
              </button>
              <button
                type="button"
                className="button"
                disabled={busy || importable === 0 || refusals.replace !== undefined}
                onClick={() => void props.job.apply('replace')}
                aria-describedby={refusals.replace ? 'import-refusal' : 'replace-warning'}
              >
                {t('replace', { n: importable })}
              </button>
              <button type="button" className="button subtle" disabled={busy} onClick={props.job.discard}>
                {t('discard')}
              </button>
            </div>
            {preview.missing.length ? (
              <p className="hint" id="replace-warning">
                {t('replaceWarning', { n: preview.missing.length })}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="shipped-heading">
        <h2 id="shipped-heading">{t('shippedTitle')}</h2>
        <p className="hint">{t('shippedHint')}</p>
        {props.differences.length === 0 ? (
          <p className="empty">{t('shippedSame')}</p>
        ) : (
          <ul className="shipped-list">
            {props.differences.map(({ entry, state }) => (
              <li key={entry.id}>
                <span className="term" lang="zh-CN">
                  {entry.term}
                </span>
                <span className={`badge badge-${state}`}>{t(state === 'edited' ? 'stateEdited' : 'stateDeleted')}</span>
                <button
                  type="button"
                  className="button subtle"
                  disabled={busy}
                  aria-label={t('restoreLabel', { term: entry.term })}
                  onClick={() => props.onRestore(entry.id)}
                >
                  {t('restore')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button ref={resetButtonRef} type="button" className="button danger" disabled={busy} onClick={() => dialogRef.current?.showModal()}>
            {t('resetAll')}
          </button>
        </div>
        <dialog ref={dialogRef} className="dialog" aria-labelledby="reset-title" aria-describedby="reset-body" onClose={() => resetButtonRef.current?.focus()}>
          <form method="dialog">
            <h2 id="reset-title">{t('resetConfirmTitle')}</h2>
            <p id="reset-body">{t('resetConfirmBody', { n: props.entries.length })}</p>
            <div className="actions">
              <button type="submit" className="button" value="cancel" autoFocus>
                {t('cancel')}
              </button>
              <button
                type="button"
                className="button danger"
                onClick={async () => {
                  dialogRef.current?.close();
                  if (await props.onReset()) props.job.announce(t('resetDone'));
                }}
              >
                {t('resetConfirm')}
              </button>
            </div>
          </form>
        </dialog>
      </section>
    </div>
  );
}
