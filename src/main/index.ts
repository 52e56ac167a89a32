/**
 * The Electron shell, kept thin: one locked-down window, the IPC door, native dialogs, a menu. Everything else is the
 * core (src/main/core), which never imports electron and runs in a worker thread (coreWorker/), so long work never
 * freezes the window or the menus. This thread holds the database lock and its heartbeat.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, normalize, sep } from 'node:path';
import { acquireOwnerLock, OwnerLockError, type OwnerLock } from './core/db/ownerLock';
import { startCoreWorker, type CoreHost } from './coreWorker/host';
import { EVENT_CHANNEL, registerIpc } from './doors/ipc';
import { CSP } from '../shared/htmlPolicy';
import { APP_NAME, resolveDbPath, samplesDir, userDataDir } from './paths';

app.setName(APP_NAME);
app.setPath('userData', userDataDir());

/** The window is served from this privileged scheme, never from file:// (which any local file shares). */
const APP_SCHEME = 'app';
const APP_HOST = 'vignette';
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** The dev server (electron-vite dev) is trusted only in an unpackaged build. */
const DEV_URL = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const TRUSTED_ORIGIN = DEV_URL ? new URL(DEV_URL).origin : `${APP_SCHEME}://${APP_HOST}`;

/** Exact origin match (scheme, host and port), so `app://vignette.evil` or a file:// page never passes. */
export function isOurPage(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === TRUSTED_ORIGIN;
  } catch {
    return false;
  }
}

const RENDERER_DIR = join(__dirname, '../renderer');
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' };

/** app://vignette/<file> → the built renderer's file, with the one CSP; nothing outside that folder. */
function serveRenderer(request: Request): Response {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
  const file = join(RENDERER_DIR, rel);
  if (!file.startsWith(RENDERER_DIR + sep)) return new Response('Forbidden', { status: 403 });
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    return new Response(readFileSync(file), { headers: { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' } });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

let mainWindow: BrowserWindow | null = null;
let core: CoreHost | null = null;
let lock: OwnerLock | null = null;
/** Files the user picked in the native dialog, by the opaque handle the renderer gets instead of the path. */
const picked = new Map<string, string>();
function issueHandle(path: string): { handle: string; name: string } {
  const handle = randomUUID();
  picked.set(handle, path);
  return { handle, name: basename(path) };
}

export const WEB_PREFERENCES = {
  preload: join(__dirname, '../preload/index.js'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    title: APP_NAME,
    show: false,
    webPreferences: { ...WEB_PREFERENCES },
  });
  win.once('ready-to-show', () => win.show());
  // No navigation away from the app, no webviews, no new windows; http(s) links open in the user's browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOurPage(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(DEV_URL ?? `${APP_SCHEME}://${APP_HOST}/index.html`);
  return win;
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Import…',
          accelerator: 'CmdOrCtrl+O',
          click: () => mainWindow?.webContents.send(EVENT_CHANNEL, { kind: 'menu', action: 'import' }),
        },
        {
          label: 'Back up now',
          click: async () => {
            if (!core || !mainWindow) return;
            const result = await core.invokeUnknown('backups:create', {});
            void dialog.showMessageBox(mainWindow, {
              message: result.ok ? 'Backed up. Settings → Backups lists every backup and can restore one.' : `Could not back up: ${result.error.message}`,
            });
          },
        },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      // Issue 9: undo on the Flashcards screen (Ctrl+Z there does the same; Edit → Undo stays for text fields).
      label: 'Flashcards',
      submenu: [{ label: 'Undo last card action', click: () => mainWindow?.webContents.send(EVENT_CHANNEL, { kind: 'menu', action: 'cards-undo' }) }],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  const dbPath = resolveDbPath();
  mkdirSync(dirname(dbPath), { recursive: true });
  try {
    lock = acquireOwnerLock(dbPath, 'app');
    // The Electron build of better-sqlite3 (made by scripts/start.mjs) lives apart from the Node build the tests use.
    core = await startCoreWorker(
      join(__dirname, 'coreWorker.js'),
      {
        dbPath,
        samplesDir: samplesDir(),
        appVersion: app.getVersion(),
        openOptions: process.env.VIGNETTE_NATIVE_BINDING ? { nativeBinding: process.env.VIGNETTE_NATIVE_BINDING } : {},
      },
      (event) => mainWindow?.webContents.send(EVENT_CHANNEL, event),
      (error) => {
        dialog.showErrorBox('Vignette stopped', `${error.message}. Your answers up to now are saved; start Vignette again.`);
        app.exit(2);
      },
    );
  } catch (error) {
    lock?.release();
    const message = error instanceof OwnerLockError ? `Another Vignette (pid ${error.owner.pid}) has this database open: ${dbPath}. Close it first.` : error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Vignette cannot open its database', message);
    app.quit();
    return;
  }
  protocol.handle(APP_SCHEME, serveRenderer);
  registerIpc(ipcMain, core, isOurPage, (handle) => picked.get(handle));
  ipcMain.handle('vignette:pick-files', async (event, kind: unknown) => {
    const frame = event.senderFrame;
    if (!mainWindow || !frame || frame.parent !== null || !isOurPage(frame.url)) return [];
    const result = await dialog.showOpenDialog(mainWindow, {
      properties: kind === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
      filters: kind === 'folder' ? [] : [{ name: 'Question packs and notes', extensions: ['json', 'jsonl', 'zip', 'csv', 'tsv', 'txt', 'md', 'apkg', 'colpkg'] }],
    });
    return result.canceled ? [] : result.filePaths.map(issueHandle);
  });

  // Files dropped on the window: the preload found their paths with webUtils.getPathForFile (a page cannot invent one
  // for a File it made itself: that gives ''); the renderer gets handles back, as for the dialog.
  ipcMain.handle('vignette:drop-files', (event, paths: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isOurPage(frame.url) || !Array.isArray(paths)) return [];
    return paths.filter((p): p is string => typeof p === 'string' && isAbsolute(p)).map(issueHandle);
  });

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  buildMenu();
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(start);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting || !core) {
      lock?.release();
      return;
    }
    // Close the database in the worker (checkpointing it) before the process ends, then quit for real.
    event.preventDefault();
    quitting = true;
    void core.close().finally(() => {
      core = null;
      lock?.release();
      app.quit();
    });
  });
}
