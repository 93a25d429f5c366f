// The toolbar popup: the current site and its switch, the global pause, and the terms on this page.
// Everything it shows comes from the page report of the tab's content script and from settings;
// every switch writes settings, which content scripts of all tabs follow.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { askPage, listen, onAbort, sendRequest, parseRequest, WELCOME_PATH, type PageReport } from '@/src/messages';
import type { Settings } from '@/src/settings/settings';
import { readSettings, watchSettings } from '@/src/settings/stored-settings';
import { setDisplay, setPaused, switchSite } from '@/src/settings/site-switch';
import { readSiteShortcut } from '@/src/settings/site-shortcut';
import { popupView, tabIdFromQuery, type ReportState, type TermsView } from './model';
import { langFor, STRINGS, type Strings } from './strings';
import { PageTools } from './PageTools';
import { useDocumentLanguage } from '@/src/ui/use-document-language';

interface TabInfo {
  id: number;
  url: string | undefined;
}

/**
 * The tab the popup speaks for. Opened from the toolbar it is the active tab of the popup's window;
 * opened as a page (`popup.html?tab=<id>`, as the end-to-end tests do) it is the tab named there.
 */
async function resolveTab(): Promise<TabInfo | undefined> {
  const named = tabIdFromQuery(location.search);
  const tab =
    named !== undefined
      ? await browser.tabs.get(named).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

/** While the popup is open the page may change (scrolling loads more, a switch flips): look again now and then. */
const REFRESH_MS = 1500;

export function PopupApp() {
  const lang = langFor(navigator.language);
  const t = STRINGS[lang];
  const [tab, setTab] = useState<TabInfo | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [report, setReport] = useState<ReportState>({ status: 'loading' });
  const [english, setEnglish] = useState<ReadonlyMap<string, string>>(new Map());
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState('');

  useDocumentLanguage(lang, t.title);

  useEffect(() => {
    void resolveTab().then((found) => setTab(found ?? null));
    void readSettings().then(setSettings);
    const unwatch = watchSettings(setSettings);
    // The shortcut the user actually has (they can change it in the browser's shortcut settings).
    void readSiteShortcut().then(setShortcut);
    // English renderings for the term list; the list works without them.
    void sendRequest({ type: 'tifa:get-glossary' })
      .then((g) => setEnglish(new Map(g.entries.map((e) => [e.id, e.english[0] ?? '']))))
      .catch(() => undefined);
    return unwatch;
  }, []);

  const tabId = tab?.id;
  const fetchReport = useCallback(async () => {
    if (tabId === undefined) return;
    const next: ReportState = await askPage(tabId, { type: 'tifa:page-report' }).then(
      (r: PageReport | undefined) => (r ? { status: 'ok', report: r } : { status: 'missing' }),
      () => ({ status: 'missing' }),
    );
    setReport(next);
  }, [tabId]);

  useEffect(() => {
    if (tabId === undefined) return undefined;
    void fetchReport();
    const life = new AbortController();
    // The page tells the background when its term count changes; the popup hears it too (and leaves
    // the answer to the background).
    const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
      if (parseRequest(message)?.type === 'tifa:report-changed' && sender.tab?.id === tabId) void fetchReport();
      return undefined;
    };
    listen(browser.runtime.onMessage, onMessage, life.signal);
    const onUpdated = (id: number, change: { url?: string; status?: string }) => {
      if (id !== tabId) return;
      if (change.url) setTab({ id, url: change.url });
      if (change.status === 'complete') void fetchReport();
    };
    listen(browser.tabs.onUpdated, onUpdated, life.signal);
    const timer = setInterval(() => void fetchReport(), REFRESH_MS);
    onAbort(life.signal, () => clearInterval(timer));
    return () => life.abort();
  }, [tabId, fetchReport]);

  const view = useMemo(
    () => (settings && tab !== undefined ? popupView(tab?.url, settings, report, tab !== null) : undefined),
    [settings, tab, report],
  );

  const reveal = async (id: string) => {
    if (tabId === undefined) return;
    const result = await askPage(tabId, { type: 'tifa:reveal', id }).catch(() => undefined);
    setNotice(result?.found ? '' : t.notFound);
  };

  const openOptions = (event: React.MouseEvent) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  };

  const openWelcome = (event: React.MouseEvent) => {
    event.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  };

  return (
    <main className="popup" aria-busy={view === undefined}>
      <header className="bar">
        <h1 className="brand">
          <span className="mark" aria-hidden="true">
            提
          </span>
          {t.title}
        </h1>
        <a className="options" href={browser.runtime.getURL('/options.html')} onClick={openOptions} title={t.optionsHint}>
          <GearIcon />
          <span>{t.options}</span>
        </a>
      </header>

      {view && (
        <>
          <section className="controls">
            {view.host !== undefined && tab?.url && (
              <Switch
                label={
                  <>
                    <span className="eyebrow">{t.thisSite}</span> <strong className="host">{view.host}</strong>
                  </>
                }
                description={`${view.siteOn ? t.siteOn : t.siteOff}${shortcut ? ` · ${t.shortcutHint(shortcut)}` : ''}`}
                checked={view.siteOn}
                onChange={(on) => void switchSite(tab.url as string, on)}
              />
            )}
            <Switch
              label={t.pause}
              description={view.paused ? t.pauseOn : t.pauseOff}
              checked={view.paused}
              onChange={(on) => void setPaused(on)}
            />
          </section>

          <Display view={view} t={t} />

          <Terms view={view.terms} t={t} english={english} onReveal={reveal} onReload={() => tabId !== undefined && void browser.tabs.reload(tabId)} />
          {view.terms.kind === 'terms' || view.terms.kind === 'empty' ? (
            <PageTools tabId={tabId as number} host={view.host} lang={lang} language={settings?.language ?? 'both'} />
          ) : null}
          <p className="notice" role="status">
            {notice}
          </p>
        </>
      )}
      <footer className="foot">
        <a href={browser.runtime.getURL(WELCOME_PATH)} onClick={openWelcome} data-testid="about-link">
          {t.about}
        </a>
      </footer>
    </main>
  );
}

/** Which occurrences pages mark: three modes, and everyday words one click away. Open tabs follow live. */
function Display({ view, t }: { view: { displayMode: Settings['displayMode']; showEveryday: boolean }; t: Strings }) {
  const headingId = useId();
  const modes = ['first', 'all', 'core'] as const;
  return (
    <section className="display" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.displayHeading}</h2>
      <div className="modes" role="radiogroup" aria-labelledby={headingId}>
        {modes.map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            className="mode"
            data-mode={mode}
            aria-checked={view.displayMode === mode}
            title={t.modesHint[mode]}
            onClick={() => void setDisplay({ displayMode: mode })}
          >
            {t.modes[mode]}
          </button>
        ))}
      </div>
      <Switch
        label={t.everyday}
        description={view.displayMode === 'core' ? t.everydayCore : view.showEveryday ? t.everydayOn : t.everydayOff}
        checked={view.showEveryday}
        onChange={(on) => void setDisplay({ showEveryday: on })}
      />
    </section>
  );
}

function Switch(props: { label: React.ReactNode; description: string; checked: boolean; onChange(on: boolean): void }) {
  const id = useId();
  return (
    <div className="switch-row">
      <div className="switch-text">
        <span id={`${id}-label`} className="switch-label">
          {props.label}
        </span>
        <span id={`${id}-desc`} className="switch-desc">
          {props.description}
        </span>
      </div>
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={props.checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-desc`}
        onClick={() => props.onChange(!props.checked)}
      >
        <span className="knob" aria-hidden="true" />
      </button>
    </div>
  );
}

function Terms(props: {
  view: TermsView;
  t: Strings;
  english: ReadonlyMap<string, string>;
  onReveal(id: string): void;
  onReload(): void;
}) {
  const { view, t } = props;
  const headingId = useId();
  let body: React.ReactNode;
  switch (view.kind) {
    case 'unsupported':
      body = (
        <div className="state state-unsupported">
          <p className="state-title">{t.unsupported[view.reason].title}</p>
          <p>{t.unsupported[view.reason].body}</p>
        </div>
      );
      break;
    case 'paused':
      body = <p className="state">{t.paused}</p>;
      break;
    case 'site-off':
      body = <p className="state">{t.siteOffBody}</p>;
      break;
    case 'loading':
      body = <p className="state">{t.loading}</p>;
      break;
    case 'reload':
      body = (
        <div className="state">
          <p>{t.reload}</p>
          <button type="button" className="action" onClick={props.onReload}>
            {t.reloadButton}
          </button>
        </div>
      );
      break;
    case 'empty':
      body = (
        <div className="state">
          <p className="state-title">{t.empty}</p>
          <p>{t.emptyBody}</p>
        </div>
      );
      break;
    case 'terms':
      body = (
        <>
          <p className="summary">{t.termsSummary(view.terms.length, view.total)}</p>
          <ul className="terms" aria-labelledby={headingId}>
            {view.terms.map((term) => {
              const en = props.english.get(term.id);
              return (
                <li key={term.id}>
                  <button
                    type="button"
                    className="term"
                    data-entry-id={term.id}
                    // The name is what the row shows; the hint (what a click does) is its description.
                    title={t.revealHint(term.term, term.count)}
                    onClick={() => props.onReveal(term.id)}
                  >
                    <span className="term-text">
                      <span className="term-zh" lang="zh-CN">
                        {term.term}
                      </span>
                      {en && (
                        <span className="term-en" lang="en">
                          {en}
                        </span>
                      )}
                    </span>
                    <span className="count" data-count={term.count}>
                      <span aria-hidden="true">{t.occurrences(term.count)}</span>
                      <span className="sr-only">{t.occurrencesSpoken(term.count)}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      );
      break;
  }
  return (
    <section className="page-terms" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.termsHeading}</h2>
      {body}
    </section>
  );
}

function GearIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M11.3 1.7l.4 2.1c.5.2 1 .5 1.4.8l2-.8 1.3 2.3-1.6 1.4c.1.5.1 1.1 0 1.6l1.6 1.4-1.3 2.3-2-.8c-.4.3-.9.6-1.4.8l-.4 2.1H8.7l-.4-2.1c-.5-.2-1-.5-1.4-.8l-2 .8-1.3-2.3 1.6-1.4a4.6 4.6 0 010-1.6L3.6 6.1l1.3-2.3 2 .8c.4-.3.9-.6 1.4-.8l.4-2.1h2.6zM10 7a3 3 0 100 6 3 3 0 000-6z"
        transform="translate(0 1.2)"
      />
    </svg>
  );
}
