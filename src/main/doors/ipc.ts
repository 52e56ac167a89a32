/**
 * The Electron IPC door: one channel, every contract method behind it. Written against a minimal ipcMain shape so
 * the contract test can drive it with a stand-in; the real ipcMain is passed by index.ts.
 */
import type { Api } from '../core/api';
import type { Result } from '../../shared/result';

export const INVOKE_CHANNEL = 'vignette:invoke';
export const EVENT_CHANNEL = 'vignette:event';

export interface IpcEventLike {
  senderFrame: { url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, method: unknown, input: unknown) => Promise<unknown>): void;
}

/** Registers the single invoke channel. `isTrustedSender` checks the frame that sent it is our own renderer. */
export function registerIpc(ipcMain: IpcMainLike, api: Pick<Api, 'invokeUnknown'>, isTrustedSender: (url: string) => boolean): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method, input): Promise<Result<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Vignette window' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_INPUT', message: 'method must be a string' } };
    return api.invokeUnknown(method, input);
  });
}
