/** The CLI as a user runs it: `bin/vignette.mjs` in a child process. */
import { spawnSync } from 'node:child_process';
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

