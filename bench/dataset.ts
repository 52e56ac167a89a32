/**
 * Where the public MedQA file lives: `shared/datasets/medqa-us/` beside the repository — or beside a folder holding
 * it, so a git worktree nested one level deeper (e.g. `wt/<branch>`) finds the same file.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const RELATIVE = 'shared/datasets/medqa-us/medqa_us_test_5options.jsonl';

export function medqaFile(): string {
  let dir = resolve(__dirname, '..');
  for (;;) {
    const parent = dirname(dir);
    if (existsSync(join(parent, RELATIVE))) return join(parent, RELATIVE);
    if (parent === dir) return resolve(__dirname, '../..', RELATIVE); // not found: the usual place, for the error message
    dir = parent;
  }
}
