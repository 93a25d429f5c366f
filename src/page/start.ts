// Content-script wiring: waits for Chinese text, then starts this frame's page session, and answers
// the page's requests (its handler table). The tooltip plugs in below with the session's index and
// glossary view; its UI loads on first use. Everything this frame starts stops with one AbortSignal.
import { decodePageGlossary, PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import { answerRequests, CONTENT_HANDLE, onAbort, parsePageRequest, sendRequest } from '@/src/messages';
import { startLazyTooltip, type Reveal } from '@/src/tooltip/lazy';
import { loadTooltipUi } from '@/src/tooltip/ui-hook';
import { startSession, type PageSession } from './session';
import { paintStyledNow, type Painter } from './paint';
import { CATEGORIES } from '@/src/glossary/categories';
import { whenChineseText } from './chinese-text';
import { childTerms } from './report';
import { nameTerms } from './page-names';
import { watchSiteActive, type SiteWatch } from '@/src/settings/site-watch';
import { SETTINGS_KEY, withDefaults } from '@/src/settings/stored-settings';
import type { Settings } from '@/src/settings/settings';

export interface ContentHandle {
  /** The session, once this frame has Chinese text and has started one. */
  readonly session: PageSession | undefined;
  /** Stops everything for good (extension reloaded or updated). */
  destroy(): void;
}

/**
 * Where a running instance keeps its handle. Content scripts of one extension share an isolated world
 * per frame, which page scripts never see; an instance injected again (the extension reloaded or
 * updated in development) stops the one before it, which would otherwise keep painting.
 */
const RUNNING = Symbol.for(CONTENT_HANDLE);

/** Starts Tifa in this frame. Until the frame holds Chinese text it only watches for some. */
export function startContent(): ContentHandle {
  const slot = globalThis as unknown as Record<symbol, ContentHandle | undefined>;
  slot[RUNNING]?.destroy();
  const life = new AbortController();
  const { signal } = life;
  let session: PageSession | undefined;
  let site: SiteWatch | undefined;
  let reveal: Reveal | undefined;
  let started: Promise<void> | undefined;

  async function begin(painter: Painter | undefined): Promise<void> {
    // Settings and the page glossary in one storage read; the service worker is not woken.
    const stored = await browser.storage.local.get([SETTINGS_KEY, PAGE_GLOSSARY_KEY]).catch(() => ({}) as Record<string, unknown>);
    if (signal.aborted) {
      painter?.destroy();
      return;
    }
    const settings = withDefaults(stored[SETTINGS_KEY] as Partial<Settings> | undefined);
    // Site rules and the pause (issue 7): nothing is painted until the rule for this page is known,
    // then the session follows every switch live. Started off, it paints and reports nothing before
    // then (switching off after start made and dropped a painter, and told the badge).
    const current = startSession(document, { settings, glossary: decodePageGlossary(stored[PAGE_GLOSSARY_KEY]), enabled: false, painter }, signal);
    session = current;
    onAbort(signal, (site = watchSiteActive((active) => current.setEnabled(active), undefined, settings)).stop);
    reveal = startLazyTooltip(
      {
        matches: current.index,
        glossary: current.glossary,
        settings: current.settings,
        openOptions: (entryId) => void sendRequest({ type: 'tifa:open-options', entryId }).catch(() => undefined),
        signal,
      },
      loadTooltipUi,
    );
  }

  onAbort(
    signal,
    whenChineseText(document, () => {
      // The highlight sheet now, before the page's first layout (see paintStyledNow).
      started = begin(paintStyledNow(document, CATEGORIES));
    }),
  );

  // Only the top frame answers (it adds up same-origin frames), so the popup gets one answer per tab.
  if (window === window.top) {
    // Reports and counts wait for the first pass, so one asked for right after load is complete.
    const firstPass = () => started?.then(() => Promise.all([session?.ready.catch(() => undefined), site?.ready]));
    answerRequests(
      {
        'tifa:page-report': async () => {
          await firstPass();
          // No Chinese text here (yet): only same-origin frames can hold terms.
          return session ? session.report() : { enabled: true, terms: await nameTerms(childTerms(document, true)) };
        },
        'tifa:page-count': async () => {
          await firstPass();
          return session ? session.count() : { enabled: true, count: childTerms(document).length, partial: false };
        },
        'tifa:reveal': async ({ id }) => {
          // The popup names the entry by id; the page's matches, by entry key.
          const key = await session?.keyOf(id);
          return { found: key !== undefined && !!(await reveal?.(key)) };
        },
      },
      parsePageRequest,
      signal,
    );
  }

  const handle: ContentHandle = {
    get session() {
      return session;
    },
    destroy() {
      life.abort();
      if (slot[RUNNING] === handle) slot[RUNNING] = undefined;
    },
  };
  slot[RUNNING] = handle;
  return handle;
}
