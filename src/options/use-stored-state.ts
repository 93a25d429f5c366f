// The options page's state that lives in storage: the glossary and the settings. Storage is the
// source of truth: they are loaded once, then follow every change from any page (other tabs, the
// popup). Writes go through `write`, so a failure (quota) is shown and never swallowed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Entry } from '@/src/glossary/schema';
import { GlossaryFullError, readEntries, watchEntries } from '@/src/glossary/storage/edits';
import { loadSettings, settingsItem, updateSettings, type Settings } from '@/src/settings/settings';
import { formatCount, type Translate } from './i18n';

/** The storage error shown (null: none), and `write`, which runs a storage write and shows its failure. */
export function useStorageErrors(t: Translate) {
  const [error, setError] = useState<string | null>(null);
  const showError = useCallback(
    (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof GlossaryFullError) setError(t('glossaryFull', { limit: formatCount(e.limit) }));
      else setError(/quota/i.test(message) ? t('quotaError') : t('storageError', { message }));
    },
    [t],
  );
  /** Runs a storage write; a failure is shown and reported as undefined, never swallowed. */
  const write = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      try {
        const result = await action();
        setError(null);
        return result;
      } catch (e) {
        showError(e);
        return undefined;
      }
    },
    [showError],
  );
  const dismissError = useCallback(() => setError(null), []);
  return { error, dismissError, showError, write };
}

export type Write = <T>(action: () => Promise<T>) => Promise<T | undefined>;

export function useStoredState(showError: (e: unknown) => void, write: Write) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  // While this page's own settings writes are under way, storage echoes older values: wait for the last.
  const pendingSettingsWrites = useRef(0);

  useEffect(() => {
    let live = true;
    readEntries().then((e) => live && setEntries(e), showError);
    loadSettings().then((s) => live && setSettings(s), showError);
    const stopEntries = watchEntries((e) => setEntries(e));
    const stopSettings = settingsItem.watch(() => {
      if (pendingSettingsWrites.current === 0) void loadSettings().then(setSettings);
    });
    return () => {
      live = false;
      stopEntries();
      stopSettings();
    };
    // Once: the first render's showError is as good as any (it only sets the error).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Shows the change at once, then stores it (validated) on the latest stored settings. */
  function changeSettings(change: (s: Settings) => Settings) {
    setSettings((s) => (s ? change(s) : s));
    pendingSettingsWrites.current++;
    void write(() => updateSettings(change)).finally(() => {
      pendingSettingsWrites.current--;
      if (pendingSettingsWrites.current === 0) void loadSettings().then(setSettings);
    });
  }

  return { entries, setEntries, settings, changeSettings };
}
