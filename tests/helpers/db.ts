/** Test helpers: a real SQLite file in a fresh temp folder, and the real core over it with a movable clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApi, type Api } from '../../src/main/core/api';
import { openDatabase, type Db } from '../../src/main/core/db/open';

export const REPO = resolve(__dirname, '../..');
export const SAMPLES_DIR = join(REPO, 'question-packs');
/** The real MedQA file, kept beside the repository (VIGNETTE_MEDQA points elsewhere, e.g. from a git worktree). */
export const MEDQA = process.env.VIGNETTE_MEDQA ?? resolve(REPO, '../shared/datasets/medqa-us/medqa_us_test_5options.jsonl');
export const FIXTURES = join(REPO, 'tests/fixtures');

export function tempDir(prefix = 'vignette-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestClock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}
export function testClock(start = Date.UTC(2026, 10, 1, 9, 0, 0)): TestClock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}

export interface TestApi {
  api: Api;
  db: Db;
  clock: TestClock;
  dbPath: string;
  dir: string;
  close: () => void;
}

export function openTestApi(): TestApi {
  const { dir, cleanup } = tempDir();
  const dbPath = join(dir, 'vignette.db');
  const db = openDatabase(dbPath);
  const clock = testClock();
  const api = createApi(db, { dbPath, samplesDir: SAMPLES_DIR, clock });
  return {
    api,
    db,
    clock,
    dbPath,
    dir,
    close: () => {
      db.close();
      cleanup();
    },
  };
}
