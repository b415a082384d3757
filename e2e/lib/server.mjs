// A small static file server for the demo and the end-to-end tests. It serves folders at URL
// prefixes with correct MIME types (application/wasm included), and can add response headers per
// path (a CSP for one page, CORS for a "CDN" origin) or answer with a status of our choosing.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {object} options
 * @param {Array<{prefix: string, dir: string}>} options.mounts  URL prefix -> folder
 * @param {number} [options.port]  0 picks a free port
 * @param {(path: string) => Record<string,string>} [options.headers]  extra headers per path
 * @param {(path: string) => ({status: number, body: string, type?: string} | {handler: (req, res) => void} | null)} [options.override]
 *   a fixed answer for a path, or a handler that writes the response itself (slow or endless bodies)
 */
export async function startServer({ mounts, port = 0, headers = () => ({}), override = () => null }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const extra = headers(path);
    const forced = override(path);
    if (forced?.handler) {
      forced.handler(req, res);
      return;
    }
    if (forced) {
      res.writeHead(forced.status, { 'content-type': forced.type ?? 'text/plain; charset=utf-8', ...extra });
      res.end(forced.body);
      return;
    }
    for (const { prefix, dir } of mounts) {
      if (!path.startsWith(prefix)) continue;
      let file = resolve(dir, '.' + normalize('/' + path.slice(prefix.length)));
      if (!file.startsWith(resolve(dir))) break; // no escaping the folder
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
          ...extra,
        });
        res.end(body);
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...extra });
    res.end('not found');
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}
