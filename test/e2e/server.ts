// A static server for fixture pages on 127.0.0.1. A page named `*.csp.html` is served with a strict
// Content-Security-Policy, like many real news sites, so tests see what such sites see.
// `?delay=<ms>` holds any file back that long: a slow image or ad, as real news pages are still
// loading after their text is parsed.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

export interface FixtureServer {
  origin: string;
  url(page: string): string;
  close(): Promise<void>;
}

export async function startFixtureServer(root = FIXTURES_DIR, port = 0): Promise<FixtureServer> {
  const server = http.createServer((req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    if (file.endsWith('.csp.html')) headers['content-security-policy'] = STRICT_CSP;
    // ?bfcache (on the page, and so in its frames' Referer): kept out of no caches. Firefox keeps no
    // page served `no-store` in its back/forward cache; `no-cache` still asks this server each time.
    if (searchParams.has('bfcache') || /[?&]bfcache\b/.test(req.headers.referer ?? '')) headers['cache-control'] = 'no-cache';
    const send = (): void => {
      res.writeHead(200, headers);
      fs.createReadStream(file).pipe(res);
    };
    const delay = Number(searchParams.get('delay'));
    if (delay > 0) setTimeout(send, delay);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (page) => `${origin}/${page.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
