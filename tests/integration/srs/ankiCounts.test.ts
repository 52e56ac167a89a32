/**
 * The card-count rule for Anki imports, end to end through the CLI as a student runs it: two legacy decks from two
 * different collections (124 + 77 cards, both called "Default", with coinciding guids and field content, filtered,
 * suspended, buried and never-reviewed cards, every stock note type) give exactly 124 + 77 cards in `info --json`;
 * each deck's summary says how many cards its own table holds; importing both again changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/open';
import { buildPackage } from '../../helpers/ankiPackage';
import { legacyDeckA, legacyDeckB } from '../../helpers/ankiLegacyDecks';
import { REPO, tempDir } from '../../helpers/db';

const BIN = join(REPO, 'bin/vignette.mjs');
const vignette = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000, env: { ...process.env, VIGNETTE_DB: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('vignette-anki-counts-')));
afterEach(() => cleanup());

describe('two real-shaped legacy decks', { timeout: 180_000 }, () => {
  it('import as 124 + 77 = 201 cards, never merged, and a second import changes nothing', () => {
    const a = legacyDeckA();
    const b = legacyDeckB();
    expect([a.cards.length, b.cards.length]).toEqual([124, 77]);
    const dbPath = join(dir, 'v.db');
    const fileA = join(dir, 'Pharmakologie.apkg');
    const fileB = join(dir, 'Cardio.apkg');
    writeFileSync(fileA, buildPackage('legacy2', a));
    writeFileSync(fileB, buildPackage('legacy1', b));

    const first = vignette(['import', fileA, '--db', dbPath]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/Pharmakologie\.apkg \(Anki legacy2\): 124 cards in the deck → 124 added/);
    const second = vignette(['import', fileB, '--db', dbPath]);
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(/Cardio\.apkg \(Anki legacy1\): 77 cards in the deck → 77 added/);

    const info = JSON.parse(vignette(['info', '--json', '--db', dbPath]).stdout) as { counts: { cards: number } };
    expect(info.counts.cards).toBe(201);

    // The notes that share a guid across the decks kept their own text.
    const db = openDatabase(dbPath, { readonly: true });
    try {
      const fronts = db.prepare("SELECT front_md FROM flashcards WHERE front_md LIKE 'Deck _ note %'").pluck().all() as string[];
      expect(fronts.filter((f) => f.startsWith('Deck A'))).toHaveLength(10);
      expect(fronts.filter((f) => f.startsWith('Deck B'))).toHaveLength(10);
      // A type-in card shows its answer on the back, as Anki does.
      expect(db.prepare("SELECT back_md FROM flashcards WHERE front_md = 'Type the enzyme 3'").pluck().get()).toBe('enzyme 3');
    } finally {
      db.close();
    }

    const again = vignette(['import', fileA, fileB, '--db', dbPath]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/124 cards in the deck → 0 added, 0 updated, 124 unchanged/);
    expect(again.stdout).toMatch(/77 cards in the deck → 0 added, 0 updated, 77 unchanged/);
    expect((JSON.parse(vignette(['info', '--json', '--db', dbPath]).stdout) as { counts: { cards: number } }).counts.cards).toBe(201);
  });
});
