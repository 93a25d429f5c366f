// The only kind of link Tifa makes from glossary data. Zod-free, so the popup can check links too.

/** A full https address with a host (the only kind of link the tooltip opens). */
export function isHttpsUrl(s: string): boolean {
  if (!/^https:\/\/[^\s]+$/i.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && u.hostname.includes('.') && !u.username && !u.password;
  } catch {
    return false;
  }
}
