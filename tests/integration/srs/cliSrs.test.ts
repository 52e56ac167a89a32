/** `vignette import deck.apkg` and `vignette cards optimize` as a user runs them, in a child process. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/open';
import { buildPackage, deckWithHistory, sampleDeck } from '../../helpers/ankiPackage';
import { REPO, tempDir } from '../../helpers/db';
import { simulateHistories } from '../../helpers/simulateReviews';

const BIN = join(REPO, 'bin/vignette.mjs');
const vignette = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000, env: { ...process.env, VIGNETTE_DB: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let dir: string;
let cleanup: () => void;
let dbPath: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-cli-srs-'));
  dbPath = join(dir, 'cli.db');
});
afterEach(() => cleanup());

describe('vignette CLI: Anki import and the optimiser', { timeout: 180_000 }, () => {
  it('imports an .apkg and says what it did; a refused package exits 1 naming the file', () => {
    const deck = join(dir, 'deck.apkg');
    writeFileSync(deck, buildPackage('latest', sampleDeck()));
    const out = vignette(['import', deck, '--db', dbPath]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/deck\.apkg \(Anki latest\): 6 cards in the deck → 5 added.*4 notes → flashcards 4 added.*6 reviews imported; 1 images added/);
    expect(out.stdout).toMatch(/skipped 1: image occlusion/);

    const bad = join(dir, 'broken.apkg');
    writeFileSync(bad, 'not a zip at all');
    const refused = vignette(['import', bad, '--db', dbPath]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/broken\.apkg: is not an Anki package/);
  });

  it('cards optimize says plainly when there is too little history, then fits and saves weights on a real one', () => {
    const small = join(dir, 'small.apkg');
    writeFileSync(small, buildPackage('legacy2', sampleDeck()));
    expect(vignette(['import', small, '--db', dbPath]).code).toBe(0);
    const few = vignette(['cards', 'optimize', '--db', dbPath]);
    expect(few.code).toBe(0);
    expect(few.stdout).toMatch(/at least 8 are needed/);

    const big = join(dir, 'history.apkg');
    writeFileSync(big, buildPackage('legacy2', deckWithHistory(simulateHistories(300, 365, 3))));
    expect(vignette(['import', big, '--db', dbPath]).code).toBe(0);
    const fit = vignette(['cards', 'optimize', '--db', dbPath]);
    expect(fit.stderr).toBe('');
    expect(fit.code).toBe(0);
    const m = /log loss: ([\d.]+) before, ([\d.]+) after/.exec(fit.stdout);
    expect(m).not.toBeNull();
    expect(Number(m![2])).toBeLessThan(Number(m![1]));
    expect(fit.stdout).toMatch(/Saved the new weights/);

    const db = openDatabase(dbPath);
    try {
      const srs = JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'srs'").pluck().get() as string) as { weights: number[] };
      expect(srs.weights).toHaveLength(21);
    } finally {
      db.close();
    }
  });
});
