// How far an import has got, on every tab of the options page while it runs: a progress bar with a
// name, a status line screen readers hear (in steps of 10%, not every entry), and why the buttons
// that write are disabled meanwhile.
import { formatCount, useI18n } from './i18n';
import type { ImportProgress } from './use-import';

export function ImportProgressView({ progress, onCancel }: { progress: ImportProgress | null; onCancel(): void }) {
  const { t } = useI18n();
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.floor((progress.done / progress.total) * 100) : 0;
  const vars = { name: progress?.name ?? '', pct: Math.floor(percent / 10) * 10 };
  const text = !progress
    ? ''
    : progress.phase === 'reading' || !known
      ? t('progressReading', vars)
      : progress.phase === 'checking'
        ? t('progressChecking', vars)
        : progress.phase === 'comparing'
          ? t('progressComparing', vars)
          : t('progressSaving', vars);
  // The live region stays in the page while idle, so what it says when an import starts is heard.
  return (
    <div className={progress ? 'banner import-progress' : 'visually-hidden'} data-testid="import-progress" data-phase={progress?.phase}>
      {progress ? (
        // Without a value the bar shows that something runs, not how far (reading the file).
        <progress aria-label={t('importProgress')} max={known ? progress.total : undefined} value={known ? progress.done : undefined} />
      ) : null}
      <div className="import-progress-text">
        <p role="status">{text}</p>
        {progress ? (
          <p className="hint">
            {known ? `${t('progressCount', { done: formatCount(progress.done), total: formatCount(progress.total) })} · ` : ''}
            {t('progressBusy')}
          </p>
        ) : null}
      </div>
      {progress?.cancellable ? (
        <button type="button" className="button subtle small" onClick={onCancel}>
          {t('cancelImport')}
        </button>
      ) : null}
    </div>
  );
}
