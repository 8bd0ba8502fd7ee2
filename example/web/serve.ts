/**
 * Builds the page (esbuild, for the browser) and serves it on the loopback address with the files
 * it loads: amplify_outputs.json (the library's client configuration) and local.json (the
 * emulator's endpoint and sign-in flow). Used by the demo (scripts/demo.ts) and the browser tests.
 * Nothing but these files is served.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

/** A function behind a path, called the way API Gateway's proxy integration calls it. */
export type ProxyHandler = (event: object) => Promise<{ statusCode: number; headers?: Record<string, string>; body: string }>;

/** A running page server. */
export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Bundles example/web/main.ts for the browser; returns the bundle. */
export function buildPage(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-web-'));
  try {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'esbuild'), [
      path.join(__dirname, 'main.ts'), '--bundle', '--platform=browser', '--format=iife', '--target=es2022', '--minify',
      '--log-level=warning', `--outfile=${path.join(out, 'main.js')}`,
    ], { stdio: 'pipe' });
    return fs.readFileSync(path.join(out, 'main.js'), 'utf-8');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Serves the page on 127.0.0.1 (a free port unless one is given).
 *
 * @param outputs the amplify_outputs.json content
 * @param local the emulator settings (local.json), or undefined to serve none (real Cognito)
 * @param api functions to call for POST requests, by path (`/recovery/codes`), as API Gateway would
 */
export async function servePage(outputs: unknown, local: object | undefined, port = 0, api: Record<string, ProxyHandler> = {}): Promise<PageServer> {
  const files: Record<string, readonly [string, string]> = {
    '/': ['text/html; charset=utf-8', fs.readFileSync(path.join(__dirname, 'index.html'), 'utf-8')],
    '/main.js': ['text/javascript; charset=utf-8', buildPage()],
    '/amplify_outputs.json': ['application/json', JSON.stringify(outputs, null, 2)],
    ...(local ? { '/local.json': ['application/json', JSON.stringify(local)] as const } : {}),
  };
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'POST' && api[pathname] !== undefined) {
      callProxy(api[pathname], req, res, pathname);
      return;
    }
    const file = files[pathname];
    if (req.method !== 'GET' || file === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(file[1]);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    close: () => new Promise<void>(resolve => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** One POST to a function, as API Gateway's REST proxy integration makes it. */
function callProxy(handler: ProxyHandler, req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
  const chunks: Buffer[] = [];
  req.on('data', chunk => chunks.push(chunk));
  req.on('end', () => {
    const event = {
      httpMethod: 'POST',
      path: pathname,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])),
      body: Buffer.concat(chunks).toString('utf-8'),
      isBase64Encoded: false,
      requestContext: { identity: { sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: req.headers['user-agent'] ?? null }, domainName: req.headers.host },
    };
    handler(event).then(result => {
      res.writeHead(result.statusCode, result.headers ?? {});
      res.end(result.body);
    }, error => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
}
