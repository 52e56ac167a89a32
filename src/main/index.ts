/**
 * The Electron shell, kept thin: one locked-down window, the IPC door, native dialogs, a menu. Everything else is the
 * core (src/main/core), which never imports electron and is tested in plain Node.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type MenuItemConstructorOptions } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createApi } from './core/api';
import { openDatabase, type Db } from './core/db/open';
import { EVENT_CHANNEL, registerIpc } from './doors/ipc';
import { CSP } from './doors/http';
import { APP_NAME, resolveDbPath, samplesDir, userDataDir } from './paths';

app.setName(APP_NAME);
app.setPath('userData', userDataDir());

let mainWindow: BrowserWindow | null = null;
let db: Db | null = null;

const RENDERER_URL = process.env.ELECTRON_RENDERER_URL;
const isOurPage = (url: string) => (RENDERER_URL ? url.startsWith(RENDERER_URL) : url.startsWith('file://'));

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    title: APP_NAME,
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // No navigation away from the app and no new windows; http(s) links open in the user's browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOurPage(url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (RENDERER_URL) void win.loadURL(RENDERER_URL);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
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
          label: 'Back up database…',
          click: async () => {
            if (!db || !mainWindow) return;
            const { filePath, canceled } = await dialog.showSaveDialog(mainWindow, { defaultPath: `vignette-backup-${new Date().toISOString().slice(0, 10)}.db` });
            if (canceled || !filePath) return;
            await db.backup(filePath);
            void dialog.showMessageBox(mainWindow, { message: `Backed up to ${filePath}` });
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

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    const dbPath = resolveDbPath();
    mkdirSync(dirname(dbPath), { recursive: true });
    try {
      // The Electron build of better-sqlite3 (made by scripts/start.mjs) lives apart from the Node build the tests use.
      db = openDatabase(dbPath, process.env.VIGNETTE_NATIVE_BINDING ? { nativeBinding: process.env.VIGNETTE_NATIVE_BINDING } : {});
    } catch (error) {
      dialog.showErrorBox('Vignette cannot open its database', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    const api = createApi(db, {
      dbPath,
      samplesDir: samplesDir(),
      appVersion: app.getVersion(),
      onEvent: (event) => mainWindow?.webContents.send(EVENT_CHANNEL, event),
    });
    registerIpc(ipcMain, api, isOurPage);
    ipcMain.handle('vignette:pick-files', async (event, kind: unknown) => {
      if (!mainWindow || !isOurPage(event.senderFrame?.url ?? '')) return [];
      const result = await dialog.showOpenDialog(mainWindow, {
        properties: kind === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
        filters: kind === 'folder' ? [] : [{ name: 'Question packs and notes', extensions: ['json', 'jsonl', 'zip', 'csv', 'tsv', 'txt', 'md'] }],
      });
      return result.canceled ? [] : result.filePaths;
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
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    db?.close();
    db = null;
  });
}
