/** Browser mode as a real child process (`serve.ts` under tsx's loader), for durability and ownership tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { REPO } from './db';

/**
 * tsx's loader inside one node process. Not `tsx/dist/cli.mjs`: the CLI runs the script in a *child* node process and
 * relays signals, but SIGKILL cannot be relayed, so killing the CLI would orphan a live server and prove nothing.
 */
export const TSX_LOADER = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
export const TOKEN = 't';

export interface Server {
  child: ChildProcess;
  url: string;
  origin: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `serve.ts` and resolves with the URL it prints ("Vignette is running at <url>"). */
export function startServe(dbPath: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, 'src/main/serve.ts', '--db', dbPath, '--port', '0', '--token', TOKEN], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VIGNETTE_DB: '' },
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not print its URL within 30 s.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, 30_000);
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /Vignette is running at (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        const url = match[1]!;
        resolve({ child, url, origin: new URL(url).origin, exited });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its URL.\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

export async function call(server: Server, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vignette-token': TOKEN },
    body: JSON.stringify(input),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
}

/** A call that must succeed: asserts `ok` (showing the error if not) and returns the value. */
export async function callOk<T>(server: Server, method: string, input: unknown): Promise<T> {
  const body = await call(server, method, input);
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value as T;
}

/** Runs `serve.ts` expecting it to refuse to start: resolves with its exit code and stderr. */
export function serveRefusal(dbPath: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, 'src/main/serve.ts', '--db', dbPath, '--port', '0', '--token', TOKEN], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VIGNETTE_DB: '' },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}
