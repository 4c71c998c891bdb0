import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `roots` (first match wins) on 127.0.0.1 at a free port; only files inside the roots are served.
 * `?delay=<ms>` holds the answer back that long (a slow image keeps a page from its load event).
 */
export async function startStaticServer(roots: string[]): Promise<StaticServer> {
  const resolvedRoots = roots.map((root) => path.resolve(root));
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay > 0) {
      url.searchParams.delete('delay');
      request.url = url.pathname + url.search;
      setTimeout(() => server.emit('request', request, response), Math.min(delay, 10_000));
      return;
    }
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    for (const root of resolvedRoots) {
      const file = path.resolve(root, relative);
      if (!file.startsWith(root + path.sep)) continue;
      try {
        if (!statSync(file).isFile()) continue;
      } catch {
        continue;
      }
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
