// New formulations the reader dismissed in the popup, per site, so they stay out of its list there.
// A small storage.local value: { [host]: normalised forms }. Zod-free (the popup reads it).
import { exclusive } from './exclusive';

const DISMISSED_KEY = 'dismissed-formulations';

/** Forms kept per site at most: the oldest go first. */
const PER_SITE = 500;

type Dismissed = Record<string, string[]>;

function parse(value: unknown): Dismissed {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Dismissed = {};
  for (const [host, forms] of Object.entries(value)) {
    if (Array.isArray(forms)) out[host] = forms.filter((f): f is string => typeof f === 'string');
  }
  return out;
}

export async function readDismissed(host: string): Promise<string[]> {
  return parse((await browser.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY])[host] ?? [];
}

/** Adds `form` to the site's dismissed forms; resolves to the site's list. */
export function dismissFormulation(host: string, form: string): Promise<string[]> {
  return exclusive('tifa:dismissed-formulations', async () => {
    const all = parse((await browser.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY]);
    const list = (all[host] ?? []).filter((f) => f !== form);
    list.push(form);
    all[host] = list.slice(-PER_SITE);
    await browser.storage.local.set({ [DISMISSED_KEY]: all });
    return all[host];
  });
}
