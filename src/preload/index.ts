/**
 * The preload exposes exactly one narrow object: `invoke(method, input)`, `onEvent(listener)` and `pickFiles(kind)`.
 * No Node, no generic ipcRenderer pass-through.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

const INVOKE_CHANNEL = 'vignette:invoke';
const EVENT_CHANNEL = 'vignette:event';

const bridge = {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
  /** Opaque handles for the files the user picked in the native dialog, with their names; never their paths. */
  pickFiles: (kind: 'files' | 'folder'): Promise<{ handle: string; name: string }[]> =>
    ipcRenderer.invoke('vignette:pick-files', kind) as Promise<{ handle: string; name: string }[]>,
  /** Handles for files dropped on the window: their paths are looked up here, in the preload, and go only to the shell. */
  dropFiles: (files: File[]): Promise<{ handle: string; name: string }[]> =>
    ipcRenderer.invoke('vignette:drop-files', files.map((f) => webUtils.getPathForFile(f))) as Promise<{ handle: string; name: string }[]>,
};

contextBridge.exposeInMainWorld('vignette', bridge);

export type VignetteBridge = typeof bridge;
