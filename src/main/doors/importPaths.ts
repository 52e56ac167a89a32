/**
 * Which files a door may make the core read. A page (the Electron renderer, a browser tab) never names a path on this
 * machine: a compromised page could otherwise read any folder into the notes tables. The browser uploads file
 * contents; the Electron renderer passes opaque handles that the shell issued for files the user picked in the native
 * dialog, and the shell swaps them for the paths here. Only the CLI and tests give the core paths directly.
 */
import type { Result } from '../../shared/result';

/** Methods whose input may name files on disk. */
const FILE_METHODS = new Set(['packs:import']);

export type Guarded = { ok: true; input: unknown } | Extract<Result<never>, { ok: false }>;

/**
 * Refuses `paths` from a page and turns `handles` into paths with `resolveHandle` (Electron); without a resolver
 * (HTTP) handles are refused too.
 */
export function guardFileInput(method: string, input: unknown, resolveHandle?: (handle: string) => string | undefined): Guarded {
  if (!FILE_METHODS.has(method) || typeof input !== 'object' || input === null) return { ok: true, input };
  const { paths, handles, ...rest } = input as { paths?: unknown; handles?: unknown };
  if (paths !== undefined) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'A page cannot name files on this computer: pick them with the file picker or drop them on the window.' } };
  }
  if (handles === undefined) return { ok: true, input };
  if (!resolveHandle) return { ok: false, error: { code: 'FORBIDDEN', message: 'File handles are accepted only in the desktop app; upload the files instead.' } };
  if (!Array.isArray(handles) || handles.some((h) => typeof h !== 'string')) {
    return { ok: false, error: { code: 'BAD_INPUT', message: 'handles: must be a list of strings', details: [{ field: 'handles', message: 'must be a list of strings' }] } };
  }
  const resolved: string[] = [];
  for (const handle of handles as string[]) {
    const path = resolveHandle(handle);
    if (!path) return { ok: false, error: { code: 'BAD_INPUT', message: 'A picked file is no longer available; pick it again.', details: [{ field: 'handles', message: 'unknown handle' }] } };
    resolved.push(path);
  }
  return { ok: true, input: { ...rest, paths: resolved } };
}
