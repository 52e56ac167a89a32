/**
 * The typed client. It does not know which door it came through: the Electron preload (`window.vignette`) when
 * present, otherwise HTTP to the browser-mode server that served this page.
 */
import type { Input, Method, Output, ProgressEvent } from '../shared/contract';
import type { AppErrorShape, Result } from '../shared/result';

/** A file the user picked in the native dialog: the renderer never sees its path, only a handle and its name. */
export interface PickedFile {
  handle: string;
  name: string;
}

interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  pickFiles(kind: 'files' | 'folder'): Promise<PickedFile[]>;
  dropFiles(files: File[]): Promise<PickedFile[]>;
}

declare global {
  interface Window {
    vignette?: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly details: NonNullable<AppErrorShape['details']>;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.details = shape.details ?? [];
  }
}

const token = (() => {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem('vignette-token', fromUrl);
  return fromUrl ?? sessionStorage.getItem('vignette-token') ?? '';
})();

async function httpInvoke(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vignette-token': token },
    body: JSON.stringify(input ?? {}),
  });
  if (response.status === 403) return { ok: false, error: { code: 'FORBIDDEN', message: 'This page lost its access token. Open the link printed by npm run serve.' } };
  if (!response.ok) return { ok: false, error: { code: 'INTERNAL', message: `Server answered ${response.status}` } };
  return response.json();
}

export const isElectron = typeof window.vignette !== 'undefined';

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const raw = (isElectron ? await window.vignette!.invoke(method, input) : await httpInvoke(method, input)) as Result<Output<M>>;
  if (!raw.ok) throw new ApiError(raw.error);
  return raw.value;
}

/** Progress events from long work (imports): IPC events in Electron, server-sent events in browser mode. */
export function onProgress(listener: (event: ProgressEvent) => void): () => void {
  if (isElectron) return window.vignette!.onEvent((e) => listener(e as ProgressEvent));
  const source = new EventSource('/events');
  source.onmessage = (m) => listener(JSON.parse(m.data as string) as ProgressEvent);
  return () => source.close();
}

/** Menu commands from the Electron shell (File → Import…); browser mode has no native menu. */
export function onMenuCommand(listener: (action: string) => void): () => void {
  if (!isElectron) return () => undefined;
  return window.vignette!.onEvent((e) => {
    const event = e as { kind?: string; action?: string };
    if (event.kind === 'menu' && event.action) listener(event.action);
  });
}

/** Handles for files dropped on the Electron window; null in browser mode (the page reads and uploads them). */
export function dropNativeFiles(files: File[]): Promise<PickedFile[]> | null {
  return isElectron ? window.vignette!.dropFiles(files) : null;
}

/** Native file dialog in Electron; null in browser mode (use a file input instead). */
export function pickNativeFiles(kind: 'files' | 'folder'): Promise<PickedFile[]> | null {
  return isElectron ? window.vignette!.pickFiles(kind) : null;
}
