/**
 * A stand-in for the `electron` module — the one mock the project allows, because the Electron binary cannot run
 * here. It records what the built shell asks of Electron (window options, listeners, IPC handlers, menu, protocol,
 * session hooks) so a test can run `out/main/index.js` and `out/preload/index.js` in Node and inspect them.
 */
import Module from 'node:module';

type Listener = (...args: unknown[]) => unknown;

export interface StandInOptions {
  packaged: boolean;
  /** What the native open dialog "picks". */
  pickPaths: string[];
}

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: { channel: string; payload: unknown }[] = [];
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  /** Fires an event with a preventable event object; returns whether a listener prevented it. */
  emitPreventable(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => void (prevented = true) };
    for (const fn of this.listeners.get(event) ?? []) fn(e, ...args);
    return prevented;
  }
}

export function createElectronStandIn(options: StandInOptions) {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const state = {
    windows: [] as FakeWindow[],
    ipcHandlers: new Map<string, Listener>(),
    appListeners: new Map<string, Listener[]>(),
    privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    menu: null as null | { label?: string; role?: string; submenu?: { label?: string; accelerator?: string; click?: () => unknown; role?: string }[] }[],
    permissionHandler: null as null | Listener,
    headersHandler: null as null | Listener,
    openedExternally: [] as string[],
    errorBoxes: [] as string[],
    exposed: new Map<string, Record<string, unknown>>(),
    rendererInvokes: [] as unknown[][],
    quitCalled: 0,
  };

  class FakeWindow {
    readonly webContents = new FakeWebContents();
    url = '';
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      state.windows.push(this);
    }
    static getAllWindows() {
      return state.windows;
    }
    once() {}
    on() {}
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.url = `file://${file}`;
      return Promise.resolve();
    }
  }

  const electron = {
    app: {
      isPackaged: options.packaged,
      setName() {},
      setPath() {},
      getPath: () => '/tmp',
      getVersion: () => '0.0.0-standin',
      requestSingleInstanceLock: () => true,
      whenReady: () => ready,
      on(event: string, fn: Listener) {
        state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), fn]);
      },
      quit() {
        state.quitCalled++;
      },
      exit() {
        state.quitCalled++;
      },
    },
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
        state.privilegedSchemes.push(...schemes);
      },
      handle(scheme: string, fn: (request: Request) => Response | Promise<Response>) {
        state.protocolHandlers.set(scheme, fn);
      },
    },
    ipcMain: {
      handle(channel: string, fn: Listener) {
        state.ipcHandlers.set(channel, fn);
      },
    },
    dialog: {
      showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: options.pickPaths }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      showMessageBox: () => Promise.resolve({ response: 0 }),
      showErrorBox(title: string, message: string) {
        state.errorBoxes.push(`${title}: ${message}`);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu(menu: { template: typeof state.menu }) {
        state.menu = menu.template;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(fn: Listener) {
          state.permissionHandler = fn;
        },
        webRequest: {
          onHeadersReceived(fn: Listener) {
            state.headersHandler = fn;
          },
        },
      },
    },
    shell: {
      openExternal(url: string) {
        state.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    // Preload side.
    contextBridge: {
      exposeInMainWorld(key: string, api: Record<string, unknown>) {
        state.exposed.set(key, api);
      },
    },
    webUtils: {
      getPathForFile: (file: { path?: string }) => file.path ?? '',
    },
    ipcRenderer: {
      invoke(...args: unknown[]) {
        state.rendererInvokes.push(args);
        return Promise.resolve(undefined);
      },
      on() {},
      removeListener() {},
    },
  };

  return { electron, state, markReady };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;

/** Loads a built CommonJS file with `require('electron')` answered by the stand-in. Returns its exports. */
export function requireWithElectron(file: string, standIn: ElectronStandIn): unknown {
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === 'electron') return standIn.electron;
    return original.call(this, request, parent, isMain);
  };
  try {
    const require = Module.createRequire(file);
    delete require.cache[file];
    return require(file);
  } finally {
    loader._load = original;
  }
}
