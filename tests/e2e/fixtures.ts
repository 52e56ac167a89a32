/**
 * Playwright fixtures: browser mode (`src/main/serve.ts`) as a child process on a fresh temp database per test file.
 * The renderer must be built first (`npm run test:e2e` runs `electron-vite build`).
 *
 *   import { test, expect } from './fixtures';
 *   test('…', async ({ page, server }) => { await page.goto(server.baseURL); … });
 *
 * `server` is shared by the tests of one file (same database, same server); the next file gets a new one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as base, expect } from '@playwright/test';

export const REPO = resolve(__dirname, '../..');
/** tsx's loader in the server's own process, so kill() and SIGKILL reach the process that holds the database. */
const TSX_LOADER = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
const START_TIMEOUT_MS = 30_000;

export interface VignetteServer {
  /** `http://127.0.0.1:<port>/?token=<token>`: load it to authenticate the page (it sets the cookie). */
  readonly baseURL: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  readonly dbPath: string;
  /** SIGKILL the server and start it again on the same database (the port may change; baseURL follows). */
  restart(): Promise<void>;
  /** SIGKILL the server (as a crash would). */
  kill(): Promise<void>;
}

class ServeProcess implements VignetteServer {
  baseURL = '';
  origin = '';
  port = 0;
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    readonly dbPath: string,
    readonly token: string,
    private readonly dir: string,
  ) {}

  async start(): Promise<void> {
    if (!existsSync(join(REPO, 'out/renderer/index.html'))) {
      throw new Error('The renderer is not built: run `npx electron-vite build` (npm run test:e2e does it).');
    }
    const child = spawn(process.execPath, ['--import', TSX_LOADER, 'src/main/serve.ts', '--db', this.dbPath, '--port', '0', '--token', this.token], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VIGNETTE_DB: '' },
    });
    this.child = child;
    this.output = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`browser mode did not start within ${START_TIMEOUT_MS} ms:\n${this.output}`));
      }, START_TIMEOUT_MS);
      const onData = (d: Buffer) => {
        this.output += d.toString();
        const match = /Vignette is running at (http:\/\/\S+)/.exec(this.output);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`browser mode exited (${code ?? signal}) before it was ready:\n${this.output}`));
      });
    });
    const parsed = new URL(url);
    this.baseURL = url;
    this.origin = parsed.origin;
    this.port = Number(parsed.port);
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** Server output so far, for failure messages. */
  log(): string {
    return this.output;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface WorkerFixtures {
  /** One server per test file, kept across that file's tests; replaced when the worker moves to another file. */
  serverRegistry: { current: { file: string; server: ServeProcess } | undefined };
}
interface TestFixtures {
  server: VignetteServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  serverRegistry: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, use) => {
      const registry: WorkerFixtures['serverRegistry'] = { current: undefined };
      await use(registry);
      await registry.current?.server.dispose();
    },
    { scope: 'worker' },
  ],

  server: async ({ serverRegistry }, use, testInfo) => {
    if (serverRegistry.current?.file !== testInfo.file) {
      await serverRegistry.current?.server.dispose();
      serverRegistry.current = undefined;
      const dir = mkdtempSync(join(tmpdir(), 'vignette-e2e-'));
      const server = new ServeProcess(join(dir, 'e2e.db'), `e2e-${Math.random().toString(36).slice(2)}`, dir);
      await server.start();
      serverRegistry.current = { file: testInfo.file, server };
    }
    const server = serverRegistry.current!.server;
    await use(server);
    // A test that killed the server leaves a running one behind for the next test of the file.
    if (!server.baseURL || !(await isUp(server))) await server.restart();
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('serve.log', { body: server.log(), contentType: 'text/plain' });
  },
});

async function isUp(server: VignetteServer): Promise<boolean> {
  try {
    const r = await fetch(`${server.origin}/api/app:info`, { method: 'POST', headers: { 'x-vignette-token': server.token }, body: '{}' });
    return r.status === 200;
  } catch {
    return false;
  }
}

export { expect };
