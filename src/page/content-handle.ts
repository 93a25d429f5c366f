/**
 * Where a running content script keeps its handle (src/page/start.ts) on the isolated world's global:
 * `Symbol.for(CONTENT_HANDLE)`. Read by the popup's page reader (src/brief/page-excerpts.ts), which
 * is injected as a function and so gets the key as an argument. A module of its own, so the gate
 * (src/page/content-gate.ts) can use it without src/messages.ts, which touches the extension API as
 * it loads.
 */
export const CONTENT_HANDLE = 'tifa.content';
