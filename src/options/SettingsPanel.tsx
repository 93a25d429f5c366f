// Preferences: explanation language, highlight look, hover delay, and where Tifa runs.
import { useState, type ReactNode } from 'react';
import { CATEGORIES } from '@/src/glossary/schema';
import type { Settings } from '@/src/settings/settings';
import { DEFAULT_HIGHLIGHT_COLOR } from '@/src/page/style';
import { normaliseHost } from '@/src/settings/site-rules';
import { categoryLabel, useI18n, type StringKey } from './i18n';

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function SettingsPanel({ settings, onChange }: { settings: Settings; onChange(change: (s: Settings) => Settings): void }) {
  const { t, lang } = useI18n();
  const [newHost, setNewHost] = useState('');
  const [hostError, setHostError] = useState<StringKey | null>(null);

  function addSite() {
    const host = normaliseHost(newHost);
    if (!HOST.test(host)) return setHostError('badHost');
    if (settings.siteRules.some((r) => r.host === host)) return setHostError('hostExists');
    setHostError(null);
    setNewHost('');
    // In "listed" mode a new rule switches the site on; in "everywhere" mode it switches it off.
    onChange((s) => ({ ...s, siteRules: [...s.siteRules, { host, includeSubdomains: true, enabled: s.siteMode === 'listed' }] }));
  }

  const radio = <K extends 'language' | 'highlightStyle' | 'siteMode' | 'displayMode'>(key: K, legend: StringKey, options: Array<[Settings[K], StringKey]>) => (
    <fieldset className="radios">
      <legend>{t(legend)}</legend>
      {options.map(([value, label]) => (
        <label key={String(value)} className="radio">
          <input type="radio" name={key} value={String(value)} checked={settings[key] === value} onChange={() => onChange((s) => ({ ...s, [key]: value }))} />
          {t(label)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <div className="settings">
      <Card id="settings-reading" title={t('settingsTitle')}>
        {radio('language', 'language', [
          ['zh', 'langZh'],
          ['en', 'langEn'],
          ['both', 'langBoth'],
        ])}
        {radio('displayMode', 'displayMode', [
          ['first', 'modeFirst'],
          ['all', 'modeAll'],
          ['core', 'modeCore'],
        ])}
        <label className="check">
          <input
            type="checkbox"
            name="showEveryday"
            checked={settings.showEveryday}
            onChange={(e) => {
              const on = e.target.checked;
              onChange((s) => ({ ...s, showEveryday: on }));
            }}
          />
          {t('showEveryday')}
          {settings.displayMode === 'core' && <span className="hint"> {t('showEverydayCoreNote')}</span>}
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="collection-national"
            checked={settings.collections?.national !== false}
            onChange={(e) => {
              const on = e.target.checked;
              onChange((s) => ({ ...s, collections: { ...s.collections, national: on } }));
            }}
          />
          {t('collectionSwitch')}
        </label>
        {radio('highlightStyle', 'highlightStyle', [
          ['underline', 'styleUnderline'],
          ['background', 'styleBackground'],
          ['both', 'styleBoth'],
        ])}
        <div className="field narrow">
          <label htmlFor="hover-delay">{t('hoverDelay')}</label>
          <div className="with-button">
            <input
              id="hover-delay"
              type="range"
              min={0}
              max={1000}
              step={50}
              value={Math.min(settings.hoverDelayMs, 1000)}
              aria-valuetext={`${settings.hoverDelayMs} ms`}
              onChange={(e) => {
                const v = Number(e.target.value);
                onChange((s) => ({ ...s, hoverDelayMs: v }));
              }}
            />
            <output htmlFor="hover-delay" className="range-value">
              {settings.hoverDelayMs} ms
            </output>
          </div>
        </div>
        <label className="check">
          <input type="checkbox" checked={settings.showBadge} onChange={(e) => onChange((s) => ({ ...s, showBadge: e.target.checked }))} />
          {t('showBadge')}
        </label>
      </Card>

      <Card id="settings-colors" title={t('colors')}>
        <p className="hint">{t('colorsDefault')}</p>
        <ul className="colors">
          {CATEGORIES.map((c) => {
            const own = settings.categoryColors[c];
            const label = categoryLabel(c, lang);
            return (
              <li key={c}>
                <input
                  type="color"
                  id={`color-${c}`}
                  value={own ?? DEFAULT_HIGHLIGHT_COLOR}
                  aria-label={t('colorFor', { category: label })}
                  onChange={(e) => {
                    const v = e.target.value;
                    onChange((s) => ({ ...s, categoryColors: { ...s.categoryColors, [c]: v } }));
                  }}
                />
                <label htmlFor={`color-${c}`} className="color-name">
                  <span style={{ textDecorationColor: own ?? DEFAULT_HIGHLIGHT_COLOR }} className={`sample sample-${settings.highlightStyle}`}>
                    {label}
                  </span>
                  {own ? null : <span className="hint"> · {t('defaultColor')}</span>}
                </label>
                {own ? (
                  <button
                    type="button"
                    className="button subtle small"
                    aria-label={t('resetColorFor', { category: label })}
                    onClick={() =>
                      onChange((s) => {
                        const { [c]: _drop, ...rest } = s.categoryColors;
                        return { ...s, categoryColors: rest };
                      })
                    }
                  >
                    {t('resetColor')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Card>

      <Card id="settings-sites" title={t('sites')}>
        {radio('siteMode', 'siteMode', [
          ['everywhere', 'siteModeEverywhere'],
          ['listed', 'siteModeListed'],
        ])}
        {settings.siteRules.length === 0 ? (
          <p className="empty">{t('noSites')}</p>
        ) : (
          <table className="sites">
            <thead>
              <tr>
                <th scope="col">{t('host')}</th>
                <th scope="col">{t('subdomains')}</th>
                <th scope="col">{t('siteOn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {settings.siteRules.map((rule, i) => (
                <tr key={rule.host}>
                  <th scope="row">{rule.host}</th>
                  <td>
                    <input
                      type="checkbox"
                      checked={rule.includeSubdomains}
                      aria-label={t('subdomainsFor', { host: rule.host })}
                      onChange={(e) => {
                        const v = e.target.checked;
                        onChange((s) => ({ ...s, siteRules: s.siteRules.map((r) => (r.host === rule.host ? { ...r, includeSubdomains: v } : r)) }));
                      }}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      role="switch"
                      checked={rule.enabled}
                      aria-label={t('siteOnFor', { host: rule.host })}
                      onChange={(e) => {
                        const v = e.target.checked;
                        onChange((s) => ({ ...s, siteRules: s.siteRules.map((r) => (r.host === rule.host ? { ...r, enabled: v } : r)) }));
                      }}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button subtle small"
                      aria-label={t('removeSite', { host: rule.host })}
                      onClick={() => {
                        onChange((s) => ({ ...s, siteRules: s.siteRules.filter((r) => r.host !== rule.host) }));
                        // Focus would be lost with the row: keep it in the table or on the input.
                        requestAnimationFrame(() => {
                          const buttons = document.querySelectorAll<HTMLButtonElement>('.sites tbody button');
                          (buttons[Math.min(i, buttons.length - 1)] ?? document.getElementById('new-host'))?.focus();
                        });
                      }}
                    >
                      {t('delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form
          className="add-site"
          onSubmit={(e) => {
            e.preventDefault();
            addSite();
          }}
        >
          <div className="field">
            <label htmlFor="new-host">{t('host')}</label>
            <div className="with-button">
              <input
                id="new-host"
                value={newHost}
                placeholder={t('hostPlaceholder')}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={hostError !== null}
                aria-describedby={hostError ? 'new-host-error' : undefined}
                onChange={(e) => setNewHost(e.target.value)}
              />
              <button type="submit" className="button">
                {t('addSite')}
              </button>
            </div>
            {hostError ? (
              <p className="field-error" id="new-host-error">
                {t(hostError)}
              </p>
            ) : null}
          </div>
        </form>
      </Card>
    </div>
  );
}

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
