// Background service worker: its one handler table for the typed messages of src/messages.ts, and
// the parts that keep the toolbar, menus and commands. Everything listens until `signal` aborts
// (never, in the extension: the worker simply ends; tests can stop it).
import { answerRequests, listen, optionsEntryHash, parseRequest, type BackgroundRequestType, type Handlers } from '@/src/messages';
import { getGlossary, watchGlossary } from './glossary-service';
import { entriesById, nameEntries, publishPageGlossary } from './page-glossary';
import { jiebaLoaded, segmentCheck } from './segmenter';
import { segmenterStarting } from './segmenter-warmth';
import { countRidingAlong, onReportChanged, startBadge } from './badge';
import { startContextMenu } from './context-menu';
import { startSiteCommand } from './site-command';
import { startToolbarIcon } from './toolbar-icon';
import { startWelcome } from './welcome';
import { injectScript } from './inject-script';
import { injectContentScript, keepSubFrame, startInOpenTabs, tellContentFrames } from './session-frames';
import { routeFrameTooltip } from './frame-tooltip';
import { findNewFormulations } from './new-formulations';
import { loadTraditionalConverters } from '@/src/glossary/patterns';
import { inScriptOf } from '@/src/glossary/script';
import { startSessionCopy } from '@/src/settings/session-copy';

/** Publishes the page glossary; a failure is logged, and pages ask again (tifa:get-page-glossary). */
function publish(): void {
  publishPageGlossary().catch((error: unknown) => console.error('Tifa: page glossary failed', error));
}

/** `work`, with its failure logged here too: the asking context only gets the message. */
function logged<T>(work: Promise<T>, what: string): Promise<T> {
  return work.catch((error: unknown) => {
    console.error(`Tifa: ${what}`, error);
    throw error;
  });
}

const handlers: Handlers<BackgroundRequestType> = {
  'tifa:get-glossary': () => logged(getGlossary(), 'glossary failed to load'),
  'tifa:get-page-glossary': async () => ({ encoded: await logged(publishPageGlossary(), 'page glossary failed') }),
  'tifa:get-entries': async ({ ids }) => ({ entries: await logged(entriesById(ids), 'entries failed to load') }),
  'tifa:name-entries': async ({ keys, entries }) => ({ names: await logged(nameEntries(keys, entries), 'entries failed to load') }),
  // Only a page in traditional characters asks; the converters' dictionary is fetched on first use.
  'tifa:in-page-script': async ({ sample, texts }) => {
    await logged(loadTraditionalConverters(), "opencc's dictionary failed to load");
    return inScriptOf(sample, texts);
  },
  'tifa:segment-check': ({ text, candidates, terms }, sender) => {
    const countOf = terms && countRidingAlong(terms, sender, jiebaLoaded());
    return segmentCheck(text, candidates).then(
      (confirmed) => ({ confirmed, told: countOf?.(candidates, confirmed) }),
      (error: unknown) => {
        // Without segmentation nothing ambiguous is confirmed: a missed mark beats a wrong one.
        console.error('Tifa: segmentation failed', error);
        return { confirmed: candidates.map(() => false) };
      },
    );
  },
  'tifa:new-formulations': async ({ text, dismissed }) => ({
    found: await logged(findNewFormulations(text, dismissed), 'new formulations failed'),
  }),
  'tifa:report-changed': onReportChanged,
  'tifa:load-script': ({ script }, sender) => (script === 'page-content' ? injectContentScript(sender) : injectScript(script, sender)),
  'tifa:keep-frame': (_, sender) => keepSubFrame(sender),
  'tifa:frame-tooltip': routeFrameTooltip,
  'tifa:open-options': ({ entryId }) => {
    // openOptionsPage() cannot carry a hash, so an entry is opened as its own tab.
    if (entryId) void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${optionsEntryHash(entryId)}`) });
    else void browser.runtime.openOptionsPage();
  },
};

export function startBackground(signal: AbortSignal = new AbortController().signal): void {
  // A worker starts without jieba: pages starting now hold no marks back for segmentation.
  void segmenterStarting();
  // Pages read the page glossary and their settings from a copy in storage.session, which follows
  // storage.local from here on; after a change, once it is copied, every frame running the content
  // script reads both again.
  startSessionCopy(signal, () => void tellContentFrames({ type: 'tifa:stored-changed' }));
  // Pages read the page glossary from storage: keep it in step with every glossary change, and
  // with the shipped glossary of this version (an update may have changed it).
  signal.addEventListener('abort', watchGlossary(publish));
  publish();
  // Popup and per-site control (issue 7): toolbar badge, "Add to Tifa glossary", the site toggle key.
  startBadge(signal);
  startToolbarIcon(signal);
  startContextMenu(signal);
  startSiteCommand(signal);
  // The first-run page, on install only.
  startWelcome(signal);
  // Pages open as Tifa is installed or updated run it too (Chromium injects into new pages only).
  if (!import.meta.env.FIREFOX) {
    listen(
      browser.runtime.onInstalled,
      ({ reason }) => {
        if (reason === 'install' || reason === 'update') startInOpenTabs().catch((error: unknown) => console.error('Tifa: could not start in open tabs', error));
      },
      signal,
    );
  }
  answerRequests(handlers, parseRequest, signal);
}
