// The first-run page (opened on install by src/background/welcome.ts, and from the popup): what Tifa
// does, its keys (the site key as the browser has it, which may be none), where the settings are, how
// to switch Tifa per site, and what it does with the reader's data (nothing leaves the browser).
import { useEffect, useState } from 'react';
import { langFor } from '@/src/popup/strings';
import { readSiteShortcut, shortcutSettings } from '@/src/settings/site-shortcut';
import { WELCOME_STRINGS, type WelcomeStrings } from './strings';
import { useDocumentLanguage } from '@/src/ui/use-document-language';

/** Firefox opens its own shortcut settings on request (Firefox 137+); nothing may open them by address. */
type FirefoxCommands = { openShortcutSettings?: () => Promise<void> };

export function WelcomeApp() {
  const lang = langFor(navigator.language);
  const t = WELCOME_STRINGS[lang];
  // undefined while the browser is asked, null when the site command has no key.
  const [siteKey, setSiteKey] = useState<string | null | undefined>(undefined);

  useDocumentLanguage(lang, t.title);

  useEffect(() => {
    void readSiteShortcut().then((key) => setSiteKey(key ?? null));
  }, []);

  return (
    <main className="welcome">
      <header className="hero">
        <span className="logo" aria-hidden="true">
          提
        </span>
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{t.lead}</p>
        </div>
      </header>

      <section aria-labelledby="what">
        <h2 id="what">{t.whatHeading}</h2>
        {t.what.map((text) => (
          <p key={text}>{text}</p>
        ))}
        <p className="note">{t.reloadNote}</p>
      </section>

      <section aria-labelledby="keys">
        <h2 id="keys">{t.keysHeading}</h2>
        <dl className="keys">
          <div data-testid="site-key">
            <dt>{siteKey === undefined ? <span className="muted">{t.keyLoading}</span> : siteKey ? <kbd>{siteKey}</kbd> : <span className="not-set">{t.keyNotSet}</span>}</dt>
            <dd>
              {t.keySite}
              {siteKey !== undefined ? <ShortcutSettingsHint t={t} set={siteKey !== null} /> : null}
            </dd>
          </div>
          <div>
            <dt>
              <kbd>Alt+Shift+.</kbd> / <kbd>Alt+Shift+,</kbd>
            </dt>
            <dd>{t.keyStep}</dd>
          </div>
          <div>
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>{t.keyClose}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="settings">
        <h2 id="settings">{t.settingsHeading}</h2>
        <ul>
          <li>
            {t.settingsPopup} <span className="muted">{t.settingsPin}</span>
          </li>
          <li>{t.settingsOptions}</li>
          <li>{t.settingsMenu}</li>
        </ul>
        <p>
          <button type="button" className="button primary" onClick={() => void browser.runtime.openOptionsPage()}>
            {t.openOptions}
          </button>
        </p>
      </section>

      <ListSection id="sites" heading={t.sitesHeading} items={t.sites} />
      <ListSection id="privacy" heading={t.privacyHeading} items={t.privacy} />
    </main>
  );
}

/** A headed section of points. */
function ListSection({ id, heading, items }: { id: string; heading: string; items: readonly string[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul>
        {items.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </section>
  );
}

/** Where the site key is set or changed, with a button that opens that place where the browser allows it. */
function ShortcutSettingsHint({ t, set }: { t: WelcomeStrings; set: boolean }) {
  const where = shortcutSettings(browser.runtime.getURL('/'), navigator.userAgent);
  const say = set ? t.changeKeyAt : t.setKeyAt;
  const commands = browser.commands as unknown as FirefoxCommands;
  const open =
    where.kind === 'page'
      ? () => void browser.tabs.create({ url: where.url })
      : commands.openShortcutSettings
        ? () => void commands.openShortcutSettings?.()
        : undefined;
  return (
    <span className="where">
      {say} {where.kind === 'page' ? <code>{where.url}</code> : t.firefoxShortcuts}
      {open ? (
        <>
          {' '}
          <button type="button" className="button small" onClick={open}>
            {t.openShortcuts}
          </button>
        </>
      ) : null}
    </span>
  );
}
