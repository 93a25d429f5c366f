// Keeps the page glossary (src/glossary/page-glossary.ts) in storage.local in step with the glossary
// in effect, so pages read it with their settings and never wait for this worker to start.
import { buildPageGlossary, encodePageGlossary, PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import type { Entry } from '@/src/glossary/schema';
import { getGlossary } from './glossary-service';

let publishing: Promise<string> | undefined;

/** Builds the page glossary from the glossary in effect and stores it if it changed; returns it encoded. */
export function publishPageGlossary(): Promise<string> {
  const run = async (): Promise<string> => {
    const { entries, patterns } = await getGlossary();
    const encoded = encodePageGlossary(buildPageGlossary(entries, patterns));
    const stored = await browser.storage.local.get(PAGE_GLOSSARY_KEY).catch(() => ({}) as Record<string, unknown>);
    // Unchanged: no write, so no storage event wakes every open page.
    if (stored[PAGE_GLOSSARY_KEY] !== encoded) await browser.storage.local.set({ [PAGE_GLOSSARY_KEY]: encoded });
    return encoded;
  };
  // One at a time, the latest last: a change that lands while one runs is published after it.
  const next = (publishing ?? Promise.resolve('')).catch(() => '').then(run);
  publishing = next;
  return next;
}

/** The entries with `ids` that the glossary in effect holds, for the tooltip. */
export async function entriesById(ids: readonly string[]): Promise<Entry[]> {
  const { entries } = await getGlossary();
  const wanted = new Set(ids);
  return entries.filter((e) => wanted.has(e.id));
}
