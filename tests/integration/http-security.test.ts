/**
 * Browser mode's HTTP door: 127.0.0.1 only, a session token, Host and Origin checked, a strict CSP, and no file
 * outside the renderer folder. Requests are made with node:http so the test controls every header (Host included).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, startHttpDoor, type HttpDoor } from '../../src/main/doors/http';
import { openTestApi, tempDir, type TestApi } from '../helpers/db';

const TOKEN = 'sekret-token-for-tests';
const INDEX_HTML = '<!doctype html><title>Vignette</title><h1>renderer index</h1>';
const SECRET = 'TOP-SECRET-CONTENT-OUTSIDE-RENDERER';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let test: TestApi;
let door: HttpDoor;
let root: string;
let cleanupRoot: () => void;

/** A raw HTTP request: the path is sent exactly as given (no URL normalisation), headers exactly as given. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: door.port,
        method: options.method ?? 'GET',
        path,
        headers: { host: `127.0.0.1:${door.port}`, ...options.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (method: string, headers: Record<string, string> = {}, body = '{}') =>
  send(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const withToken = { 'x-vignette-token': TOKEN };

beforeAll(async () => {
  ({ dir: root, cleanup: cleanupRoot } = tempDir('vignette-http-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  // Files next to the renderer folder that must never be served.
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: SECRET }));
  test = openTestApi();
  door = await startHttpDoor({ api: test.api, rendererDir, token: TOKEN, port: 0 });
});

afterAll(async () => {
  await door.close();
  test.close();
  cleanupRoot();
});

describe('refused with 403', () => {
  it('an /api call without a token', async () => {
    const r = await api('app:info');
    expect(r.status).toBe(403);
    expect(r.body).toBe('Forbidden: missing or wrong token');
  });

  it('a page load without a token', async () => {
    const r = await send('/');
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('renderer index');
  });

  it('a wrong token in the header, the query and the cookie', async () => {
    for (const r of [
      await api('app:info', { 'x-vignette-token': 'wrong' }),
      await api('app:info', { 'x-vignette-token': `${TOKEN}x` }),
      await send(`/api/app:info?token=wrong`, { method: 'POST', body: '{}' }),
      await api('app:info', { cookie: 'vignette_token=wrong' }),
      await send('/?token=wrong'),
    ]) {
      expect(r.status).toBe(403);
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('a foreign Origin, even with the right token', async () => {
    const r = await api('settings:set', { ...withToken, origin: 'http://evil.example' }, JSON.stringify({ theme: 'dark' }));
    expect(r.status).toBe(403);
    expect(r.body).toBe('Forbidden: foreign Origin');
    // Another port on localhost is foreign too.
    expect((await api('app:info', { ...withToken, origin: `http://127.0.0.1:${door.port + 1}` })).status).toBe(403);
    expect((await api('app:info', { ...withToken, origin: 'null' })).status).toBe(403);
    // Nothing was written.
    expect((await test.api.call('settings:get', {})).theme).toBe('system');
  });

  it('a foreign Host header (DNS rebinding), even with the right token', async () => {
    for (const host of ['evil.example', `evil.example:${door.port}`, `127.0.0.1:${door.port + 1}`, `localhost.evil.example:${door.port}`]) {
      const r = await api('app:info', { ...withToken, host });
      expect(r.status, host).toBe(403);
      expect(r.body).toBe('Forbidden: unexpected Host');
    }
  });
});

describe('accepted', () => {
  it('an /api call with the token header', async () => {
    const r = await api('app:info', withToken);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { dbPath: test.dbPath } });
  });

  it('our own Origin and the localhost Host', async () => {
    expect((await api('app:info', { ...withToken, origin: `http://127.0.0.1:${door.port}` })).status).toBe(200);
    expect((await api('app:info', { ...withToken, host: `localhost:${door.port}`, origin: `http://localhost:${door.port}` })).status).toBe(200);
  });

  it('a GET on /api is refused with 405', async () => {
    const r = await send('/api/app:info', { headers: withToken });
    expect(r.status).toBe(405);
  });

  it('a body that is not JSON comes back as BAD_INPUT', async () => {
    const r = await api('settings:set', withToken, '{not json');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'Request body is not valid JSON' } });
  });
});

describe('the ?token= page load', () => {
  it('sets an HttpOnly SameSite=Strict cookie that then authenticates /api calls', async () => {
    const page = await send(`/?token=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    const setCookie = page.headers['set-cookie'];
    expect(setCookie).toHaveLength(1);
    const cookie = setCookie![0]!;
    const attributes = cookie.split(';').map((s) => s.trim());
    expect(attributes[0]).toBe(`vignette_token=${TOKEN}`);
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('SameSite=Strict');
    expect(attributes).toContain('Path=/');

    const r = await api('settings:get', { cookie: attributes[0]! });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { theme: 'system' } });
    // The cookie also serves static files without the query.
    expect((await send('/assets/app.js', { headers: { cookie: attributes[0]! } })).body).toBe('console.log("app");');
  });

  it('a cookie is not set when the token came in a header', async () => {
    const r = await api('app:info', withToken);
    expect(r.headers['set-cookie']).toBeUndefined();
  });
});

describe('response headers', () => {
  it('every response carries the CSP, including refusals', async () => {
    for (const r of [await send(`/?token=${TOKEN}`), await api('app:info', withToken), await api('app:info')]) {
      expect(r.headers['content-security-policy']).toBe(CSP);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(CSP).toContain("object-src 'none'");
  });

  it('serves static files with their MIME type', async () => {
    const r = await send('/assets/app.js', { headers: withToken });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.body).toBe('console.log("app");');
  });
});

describe('path traversal', () => {
  const attempts = [
    '/../package.json',
    '/../secret.txt',
    '/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fpackage.json',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '//../secret.txt',
  ];
  for (const path of attempts) {
    it(`does not leak a file outside the renderer folder: ${path}`, async () => {
      const r = await send(path, { headers: withToken });
      expect(r.body).not.toContain(SECRET);
      expect(r.body).not.toContain('"name": "vignette"');
      // Either refused or answered with the app's own index.html.
      if (r.status === 200) expect(r.body).toBe(INDEX_HTML);
      else expect(r.status).toBe(403);
    });
  }
});
