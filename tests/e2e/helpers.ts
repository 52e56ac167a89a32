/** Small pieces every spec needs: the screenshot folder, the MedQA file, and calling the API directly. */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';
import { REPO, type VignetteServer } from './fixtures';

export const SHOTS = join(REPO, 'test-results/screens');
mkdirSync(SHOTS, { recursive: true });

/** The real MedQA file beside the repository (VIGNETTE_MEDQA points elsewhere, e.g. from a git worktree). */
export const MEDQA = process.env.VIGNETTE_MEDQA ?? resolve(REPO, '../shared/datasets/medqa-us/medqa_us_test_5options.jsonl');

/** POSTs one API method and returns its value (fails the test on an error result). */
export async function api<T>(request: APIRequestContext, server: VignetteServer, method: string, data: object = {}): Promise<T> {
  const res = await request.post(`${server.origin}/api/${method}`, { headers: { 'x-vignette-token': server.token }, data });
  expect(res.status(), `${method} HTTP status`).toBe(200);
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

/** Imports a file as the browser does: as an upload (the HTTP door refuses paths on this machine). */
export function importUpload<T>(request: APIRequestContext, server: VignetteServer, file: string, extra: object = {}): Promise<T> {
  return api<T>(request, server, 'packs:import', { files: [{ path: basename(file), base64: readFileSync(file).toString('base64') }], ...extra });
}
