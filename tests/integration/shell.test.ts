/**
 * Shell smoke test: the *built* Electron shell (`out/main/index.js`, `out/preload/index.js`) runs in Node with a
 * stand-in `electron` module (the only mock allowed: the binary cannot run here). The real core starts in its worker
 * thread on a temp database. `auditShell` lists every security property that does not hold; the last tests remove an
 * option from the built file and show the audit catches it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../src/shared/htmlPolicy';
import { lockPath } from '../../src/main/core/db/ownerLock';
import { createElectronStandIn, requireWithElectron, type ElectronStandIn } from '../helpers/electronStandIn';
import { FIXTURES, REPO, tempDir } from '../helpers/db';

const MAIN = join(REPO, 'out/main/index.js');
const PRELOAD = join(REPO, 'out/preload/index.js');
const PACK = join(FIXTURES, 'packs/mini-v1.json');

interface Booted {
  standIn: ElectronStandIn;
  dbPath: string;
  stop(): Promise<void>;
}

/** Loads a built main file under the stand-in, lets `whenReady` resolve, and waits for the window. */
async function boot(file: string, env: { packaged: boolean; devUrl?: string }): Promise<Booted> {
  const { dir, cleanup } = tempDir('vignette-shell-');
  const dbPath = join(dir, 'shell.db');
  const saved = { VIGNETTE_DB: process.env.VIGNETTE_DB, ELECTRON_RENDERER_URL: process.env.ELECTRON_RENDERER_URL };
  const restoreEnv = () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  process.env.VIGNETTE_DB = dbPath;
  if (env.devUrl) process.env.ELECTRON_RENDERER_URL = env.devUrl;
  else delete process.env.ELECTRON_RENDERER_URL;
  const standIn = createElectronStandIn({ packaged: env.packaged, pickPaths: [PACK] });
  try {
    requireWithElectron(file, standIn);
    standIn.markReady();
    // The shell reads the database path once the app is ready: keep the environment until the window exists.
    const started = Date.now();
    while (standIn.state.windows.length === 0 && standIn.state.errorBoxes.length === 0) {
      if (Date.now() - started > 60_000) throw new Error('the shell did not open a window within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    restoreEnv();
  }
  expect(standIn.state.errorBoxes).toEqual([]);
  return {
    standIn,
    dbPath,
    async stop() {
      // will-quit: the shell closes the core in its worker, releases the lock, then quits for real.
      const quitsBefore = standIn.state.quitCalled;
      for (const fn of standIn.state.appListeners.get('will-quit') ?? []) fn({ preventDefault() {} });
      const until = Date.now() + 30_000;
      while (standIn.state.quitCalled === quitsBefore && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      cleanup();
    },
  };
}

const mainFrame = (url: string) => ({ senderFrame: { url, parent: null } });
const APP_URL = 'app://vignette/index.html';

/** Every security property of the shell that does not hold, as readable lines (empty = all good). */
async function auditShell({ standIn }: Booted): Promise<string[]> {
  const { state } = standIn;
  const problems: string[] = [];
  const win = state.windows[0]!;
  const prefs = win.options.webPreferences ?? {};
  const expected: Record<string, unknown> = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };
  for (const [key, value] of Object.entries(expected)) if (prefs[key] !== value) problems.push(`webPreferences.${key} is ${String(prefs[key])}, expected ${String(value)}`);
  if (!String(prefs.preload ?? '').endsWith(join('preload', 'index.js'))) problems.push(`preload is ${String(prefs.preload)}`);
  if (win.url !== APP_URL) problems.push(`window loads ${win.url}, expected ${APP_URL}`);
  const scheme = state.privilegedSchemes.find((s) => s.scheme === 'app');
  if (!scheme?.privileges.standard || !scheme.privileges.secure) problems.push('app:// is not registered as a standard, secure scheme');

  // Navigation: only our own origin.
  for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://vignette.evil/index.html', 'app://other/index.html']) {
    if (!win.webContents.emitPreventable('will-navigate', url)) problems.push(`navigation to ${url} is allowed`);
  }
  if (win.webContents.emitPreventable('will-navigate', 'app://vignette/index.html#/library')) problems.push('navigation inside the app is blocked');
  if (!win.webContents.emitPreventable('will-attach-webview', {}, {})) problems.push('will-attach-webview is not denied');
  // New windows: always denied; web links go to the user's browser, anything else nowhere.
  const open = win.webContents.windowOpenHandler;
  if (!open) problems.push('no window open handler');
  else {
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://vignette/index.html']) {
      if (open({ url }).action !== 'deny') problems.push(`window.open(${url}) is allowed`);
    }
    if (!state.openedExternally.includes('https://example.org/')) problems.push('http(s) links do not open in the browser');
    if (state.openedExternally.some((u) => !u.startsWith('https://'))) problems.push('a non-web URL was opened externally');
  }

  // Session: no permissions, the one CSP on every response.
  let granted: boolean | undefined;
  state.permissionHandler?.({}, 'media', (answer: boolean) => (granted = answer));
  if (granted !== false) problems.push('permission requests are not denied');
  let headers: Record<string, string[]> | undefined;
  state.headersHandler?.({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
  if (headers?.['Content-Security-Policy']?.[0] !== CSP) problems.push('responses do not carry the shared CSP');

  // app:// serves the renderer with the CSP, and nothing outside it.
  const serve = state.protocolHandlers.get('app');
  if (!serve) problems.push('app:// has no handler');
  else {
    const index = await serve(new Request(APP_URL));
    if (index.status !== 200 || index.headers.get('content-security-policy') !== CSP) problems.push(`app://vignette/index.html answered ${index.status} without the CSP`);
    for (const url of ['app://vignette/..%2F..%2Fpackage.json', 'app://vignette/%2E%2E/main/index.js', 'app://other/index.html']) {
      const r = await serve(new Request(url));
      if (r.status === 200) problems.push(`${url} is served`);
    }
  }

  // IPC: exact origin and main frame only.
  const invoke = state.ipcHandlers.get('vignette:invoke');
  if (!invoke) problems.push('the invoke channel is not registered');
  else {
    const senders = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///tmp/index.html', parent: null } },
      { senderFrame: { url: 'app://vignette.evil/index.html', parent: null } },
      { senderFrame: { url: APP_URL, parent: {} } },
      { senderFrame: null },
    ];
    for (const event of senders) {
      const r = (await invoke(event, 'app:info', {})) as { ok: boolean; error?: { code: string } };
      if (r.ok || r.error?.code !== 'FORBIDDEN') problems.push(`IPC from ${JSON.stringify(event.senderFrame)} is answered`);
    }
    const paths = (await invoke(mainFrame(APP_URL), 'packs:import', { paths: ['/etc'] })) as { ok: boolean; error?: { code: string } };
    if (paths.ok || paths.error?.code !== 'FORBIDDEN') problems.push('the renderer can import from a path');
  }
  return problems;
}

let booted: Booted;
beforeAll(() => {
  // The smoke test checks what ships: build it (about two seconds) so it never checks a stale out/.
  const build = spawnSync(process.execPath, [join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`);
}, 120_000);

describe('the built Electron shell', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    booted = await boot(MAIN, { packaged: true, devUrl: 'http://localhost:5173' });
  }, 120_000);
  afterAll(() => booted?.stop());

  it('has every security option, policy and check in place', async () => {
    expect(await auditShell(booted)).toEqual([]);
  });

  it('owns the database while it runs, and the real core answers the window through IPC', async () => {
    expect(JSON.parse(readFileSync(lockPath(booted.dbPath), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'app' });
    const invoke = booted.standIn.state.ipcHandlers.get('vignette:invoke')!;
    expect(await invoke(mainFrame(APP_URL), 'app:info', {})).toMatchObject({ ok: true, value: { dbPath: booted.dbPath } });
  });

  it('imports through the native dialog with an opaque handle, never a path', async () => {
    const { state } = booted.standIn;
    const pick = state.ipcHandlers.get('vignette:pick-files')!;
    expect(await pick({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'files')).toEqual([]);
    const picked = (await pick(mainFrame(APP_URL), 'files')) as { handle: string; name: string }[];
    expect(picked).toEqual([{ handle: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'mini-v1.json' }]);
    expect(JSON.stringify(picked)).not.toContain(FIXTURES);
    const invoke = state.ipcHandlers.get('vignette:invoke')!;
    const report = (await invoke(mainFrame(APP_URL), 'packs:import', { handles: [picked[0]!.handle] })) as { ok: boolean; value: { packs: { added: number }[] } };
    expect(report.ok).toBe(true);
    expect(report.value.packs[0]!.added).toBeGreaterThan(0);
    expect(await invoke(mainFrame(APP_URL), 'packs:import', { handles: ['made-up'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('turns dropped files into handles too, ignoring what a page could invent (empty or relative paths)', async () => {
    const drop = booted.standIn.state.ipcHandlers.get('vignette:drop-files')!;
    expect(await drop({ senderFrame: { url: APP_URL, parent: {} } }, [PACK])).toEqual([]);
    const handles = (await drop(mainFrame(APP_URL), [PACK, '', 'relative/x.json', 42])) as { handle: string; name: string }[];
    expect(handles).toEqual([{ handle: expect.any(String), name: 'mini-v1.json' }]);
    const invoke = booted.standIn.state.ipcHandlers.get('vignette:invoke')!;
    expect(await invoke(mainFrame(APP_URL), 'packs:import', { handles: [handles[0]!.handle], dryRun: true })).toMatchObject({ ok: true, value: { dryRun: true } });
  });

  it('has a File menu whose Import… asks the window to open the import screen', () => {
    const { state } = booted.standIn;
    const file = state.menu?.find((m) => m.label === 'File');
    const importItem = file?.submenu?.find((i) => i.label === 'Import…');
    expect(importItem?.accelerator).toBe('CmdOrCtrl+O');
    expect(file?.submenu?.map((i) => i.label ?? i.role)).toContain('Back up now');
    importItem!.click!();
    expect(state.windows[0]!.webContents.sent).toContainEqual({ channel: 'vignette:event', payload: { kind: 'menu', action: 'import' } });
  });

  it('the preload exposes exactly invoke, onEvent and pickFiles, on the two channels', async () => {
    const standIn = createElectronStandIn({ packaged: true, pickPaths: [] });
    requireWithElectron(PRELOAD, standIn);
    expect([...standIn.state.exposed.keys()]).toEqual(['vignette']);
    const bridge = standIn.state.exposed.get('vignette')!;
    expect(Object.keys(bridge).sort()).toEqual(['dropFiles', 'invoke', 'onEvent', 'pickFiles']);
    await (bridge.invoke as (m: string, i: unknown) => Promise<unknown>)('app:info', {});
    await (bridge.pickFiles as (k: string) => Promise<unknown>)('files');
    await (bridge.dropFiles as (f: unknown[]) => Promise<unknown>)([{ path: '/data/pack.json' }, {}]);
    expect(standIn.state.rendererInvokes).toEqual([
      ['vignette:invoke', 'app:info', {}],
      ['vignette:pick-files', 'files'],
      ['vignette:drop-files', ['/data/pack.json', '']],
    ]);
  });
});

describe('the audit fails when a security option is removed from the built shell', { timeout: 120_000 }, () => {
  const cases: [string, string, string, RegExp][] = [
    ['sandbox', 'sandbox: true', 'sandbox: false', /webPreferences\.sandbox is false/],
    ['contextIsolation', 'contextIsolation: true', 'contextIsolation: false', /webPreferences\.contextIsolation is false/],
    ['the webview veto', 'win.webContents.on("will-attach-webview"', 'win.webContents.on("x-will-attach-webview"', /will-attach-webview is not denied/],
    ['the main-frame check', 'frame.parent === void 0 || frame.parent === null', 'true', /IPC from .*"parent":\{\}/],
  ];
  for (const [what, from, to, expected] of cases) {
    it(`without ${what}`, async () => {
      const source = readFileSync(MAIN, 'utf8');
      expect(source).toContain(from);
      // The mutated copy sits next to the original, so its relative paths (preload, worker, chunks) still resolve.
      const mutated = join(REPO, 'out/main', `index.mutated-${what.replace(/\W+/g, '-')}.js`);
      writeFileSync(mutated, source.split(from).join(to));
      try {
        const shell = await boot(mutated, { packaged: true });
        try {
          const problems = await auditShell(shell);
          expect(problems.join('\n')).toMatch(expected);
        } finally {
          await shell.stop();
        }
      } finally {
        if (existsSync(mutated)) rmSync(mutated);
      }
    });
  }
});
