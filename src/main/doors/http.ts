/**
 * The HTTP door (browser mode): the built renderer and the contract over HTTP on 127.0.0.1 only.
 * Every request must carry the session token (query `?token=` on first load, then an HttpOnly cookie, or the
 * `x-vignette-token` header), a Host of 127.0.0.1/localhost on our port, and no foreign Origin; otherwise 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Api } from '../core/api';
import type { ProgressEvent } from '../../shared/contract';
import { guardFileInput } from './importPaths';
import { CSP } from '../../shared/htmlPolicy';

/** The one CSP (shared/htmlPolicy.ts), re-exported for the Electron shell. */
export { CSP };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};


export interface HttpDoorOptions {
  api: Pick<Api, 'invokeUnknown'>;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Body size limit for imports sent from the browser (base64 of a 200 MB pack). */
  maxBodyBytes?: number;
}

export interface HttpDoor {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
  broadcast(event: ProgressEvent): void;
}

function tokensEqual(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('Request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startHttpDoor(options: HttpDoorOptions): Promise<HttpDoor> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limit = options.maxBodyBytes ?? 300 * 1024 * 1024;
  const listeners = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const host = req.headers.host ?? '';
      const origin = req.headers.origin;
      if (!allowedHosts().has(host)) return send(res, 403, 'Forbidden: unexpected Host');
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'Forbidden: foreign Origin');
      const given = url.searchParams.get('token') ?? (req.headers['x-vignette-token'] as string | undefined) ?? cookie(req, 'vignette_token');
      if (!tokensEqual(given ?? undefined, token)) return send(res, 403, 'Forbidden: missing or wrong token');
      const setCookie: Record<string, string> = url.searchParams.has('token') ? { 'set-cookie': `vignette_token=${token}; HttpOnly; SameSite=Strict; Path=/` } : {};

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'Use POST');
        const method = decodeURIComponent(url.pathname.slice('/api/'.length));
        const raw = await readBody(req, limit);
        let input: unknown = {};
        if (raw) {
          try {
            input = JSON.parse(raw);
          } catch {
            return send(res, 200, JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'Request body is not valid JSON' } }), 'application/json');
          }
        }
        // Uploads only: a browser page never names a file on this machine.
        const guarded = guardFileInput(method, input);
        const result = guarded.ok ? await options.api.invokeUnknown(method, guarded.input) : guarded;
        return send(res, 200, JSON.stringify(result), 'application/json', setCookie);
      }
      if (url.pathname === '/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      // Static renderer files; anything unknown falls back to index.html (the app uses a hash router anyway).
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      let file = join(options.rendererDir, rel || 'index.html');
      if (!file.startsWith(options.rendererDir + sep) && file !== options.rendererDir) return send(res, 403, 'Forbidden');
      if (!existsSync(file) || statSync(file).isDirectory()) file = join(options.rendererDir, 'index.html');
      if (!existsSync(file)) return send(res, 500, 'The renderer is not built: run npm run build');
      return send(res, 200, readFileSync(file), MIME[extname(file)] ?? 'application/octet-stream', setCookie);
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      return send(res, status, status === 413 ? 'Request too large' : 'Internal error');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        broadcast(event) {
          const line = `data: ${JSON.stringify(event)}\n\n`;
          for (const l of listeners) l.write(line);
        },
        close: () =>
          new Promise<void>((done) => {
            for (const l of listeners) l.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
