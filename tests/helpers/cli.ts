/** The CLI as a user runs it: `bin/vignette.mjs` in a child process. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './db';

const BIN = join(REPO, 'bin/vignette.mjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function vignette(args: string[], env: Record<string, string | undefined> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, VIGNETTE_DB: undefined, ...env },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}


/**
 * The same, without blocking this process's event loop: use it while this process also talks HTTP to a server
 * (a blocked loop misses the server closing idle keep-alive sockets, and the next request fails).
 */
export function vignetteAsync(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, VIGNETTE_DB: undefined, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
