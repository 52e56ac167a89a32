/**
 * The Electron IPC door: one channel, every contract method behind it. Written against a minimal ipcMain shape so
 * the contract test can drive it with a stand-in; the real ipcMain is passed by index.ts.
 */
import type { Api } from '../core/api';
import type { Result } from '../../shared/result';
import { guardFileInput } from './importPaths';

export const INVOKE_CHANNEL = 'vignette:invoke';
export const EVENT_CHANNEL = 'vignette:event';

export interface IpcEventLike {
  /** `parent` is null for the window's main frame (Electron's WebFrameMain); an iframe never gets an answer. */
  senderFrame: { url: string; parent?: unknown } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, method: unknown, input: unknown) => Promise<unknown>): void;
}

/**
 * Registers the single invoke channel. `isTrustedSender` checks the frame that sent it is our own renderer (exact
 * origin), and only the main frame is answered. `resolveHandle` turns file handles from the native dialog into paths.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  api: Pick<Api, 'invokeUnknown'>,
  isTrustedSender: (url: string) => boolean,
  resolveHandle?: (handle: string) => string | undefined,
): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method, input): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    const mainFrame = frame !== null && (frame.parent === undefined || frame.parent === null);
    if (!frame || !mainFrame || !isTrustedSender(frame.url)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Vignette window' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_INPUT', message: 'method must be a string' } };
    const guarded = guardFileInput(method, input, resolveHandle);
    if (!guarded.ok) return guarded;
    return api.invokeUnknown(method, guarded.input);
  });
}
