/**
 * A minimal static host for built sites: directory index.html, 404.html for
 * misses, correct MIME types (Pagefind needs application/wasm). Loopback only.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'text/xsl; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.woff2': 'font/woff2',
  '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = path.normalize(decodeURIComponent(urlPath.split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
  const full = path.join(root, clean);
  if (!full.startsWith(root)) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = path.join(full, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** `base` serves the site under a path (`/blog/`), as a host would for a site built with that base: anything outside it is a 404. */
export function serveStatic(root: string, port = 0, headers: Record<string, string> = {}, base = '/'): Promise<{ server: Server; url: string }> {
  const absRoot = path.resolve(root);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const file = url.startsWith(base) ? resolveFile(absRoot, `/${url.slice(base.length)}`) : undefined;
    const status = file ? 200 : 404;
    const body = file ?? path.join(absRoot, '404.html');
    res.writeHead(status, { 'Content-Type': TYPES[path.extname(body)] ?? 'application/octet-stream', ...headers });
    if (existsSync(body)) createReadStream(body).pipe(res);
    else res.end('Not found');
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}` });
  }));
}
