/**
 * Backups and safe restore in the owner, through the contract: a backup taken while writes go on restores to a
 * consistent database; a corrupt or too-new backup is refused and changes nothing; what a restore replaces is kept.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsDir, listBackups } from '../../src/main/core/db/backups';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/core/db/migrations';
import { migrate, openDatabase } from '../../src/main/core/db/open';
import { createApi } from '../../src/main/core/api';
import { openAsOwner, type OwnedDatabase } from '../../src/main/core/owner';
import { MEDQA, SAMPLES_DIR, tempDir } from '../helpers/db';

let dir: string;
let cleanup: () => void;
let owned: OwnedDatabase;
let dbPath: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('vignette-restore-'));
  dbPath = join(dir, 'vignette.db');
  owned = await openAsOwner({ dbPath, kind: 'test', samplesDir: SAMPLES_DIR });
});
afterEach(() => {
  owned.close();
  cleanup();
});

const api = () => owned.api;
const examDate = async () => (await api().call('settings:get', {})).examDate;

describe('backups in the owner', () => {
  it('the owner makes the daily backup at start-up, and Back up now adds a manual one', async () => {
    const first = listBackups(dbPath);
    expect(first.map((b) => b.reason)).toEqual(['daily']);
    const made = await api().call('backups:create', {});
    expect(made.reason).toBe('manual');
    expect((await api().call('backups:list', {}))[0]).toEqual(made);
  });

  it('an import that changes many questions of a bank in use is preceded by a backup; a dry run is not', async () => {
    await api().call('packs:loadSamples', {});
    const count = () => listBackups(dbPath).filter((b) => b.reason === 'pre-import').length;
    await api().call('packs:import', { paths: [MEDQA], dryRun: true });
    expect(count()).toBe(0);
    const report = await api().call('packs:import', { paths: [MEDQA] });
    expect(report.packs[0]!.added).toBe(1273);
    expect(count()).toBe(1);
    // The pre-import copy holds the bank as it was before the import.
    const pre = listBackups(dbPath).find((b) => b.reason === 'pre-import')!;
    const copy = new Database(join(backupsDir(dbPath), pre.name), { readonly: true });
    try {
      expect(copy.prepare("SELECT count(*) AS n FROM packs WHERE source_format = 'medqa'").get()).toEqual({ n: 0 });
    } finally {
      copy.close();
    }
  });
});

describe('safe restore', () => {
  it('restores a backup taken while writes were going on to a consistent database, and keeps the pre-restore copy', { timeout: 60_000 }, async () => {
    await api().call('packs:loadSamples', {});
    const block = await api().call('blocks:create', { filters: {}, size: 10, mode: 'tutor', secondsPerQuestion: null, order: 'random', seed: 9 });
    // Writes interleaved with the backup: answers, marks and settings keep arriving while it runs.
    let writes = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        const position = writes % 10;
        await api().call('blocks:select', { blockId: block.id, position, choice: writes % 4 });
        await api().call('blocks:mark', { blockId: block.id, position, marked: writes % 2 === 0 });
        await api().call('settings:set', { targetScore: 200 + (writes % 50) });
        writes++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backup = await api().call('backups:create', {});
    stop = true;
    await writer;
    expect(writes).toBeGreaterThan(0);

    await api().call('settings:set', { examDate: '2031-01-01' });
    const result = await api().call('backups:restore', { name: backup.name });
    expect(result.restored.name).toBe(backup.name);
    expect(result.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.counts.blocks).toBe(1);
    expect(result.counts.questions).toBeGreaterThan(0);
    expect(await examDate()).toBeNull();

    // Consistent: integrity, foreign keys, and the block has all its items.
    const db = owned.api.context.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM block_items WHERE block_id = ?').get(block.id)).toEqual({ n: 10 });
    // The core works on the reopened file (handlers were rebuilt on the new connection).
    expect((await api().call('blocks:select', { blockId: block.id, position: 0, choice: 3 })).items[0]!.selected).toBe(3);

    // The pre-restore copy holds what was replaced.
    const pre = new Database(join(backupsDir(dbPath), result.preRestore.name), { readonly: true });
    try {
      expect(pre.prepare("SELECT value FROM settings WHERE key = 'examDate'").get()).toEqual({ value: '"2031-01-01"' });
    } finally {
      pre.close();
    }
    expect((await api().call('backups:list', {})).map((b) => b.name)).toContain(result.preRestore.name);
  });

  /** Writes a bad file under a valid backup name; returns that name. */
  function plantBackup(from: string, mutate: (file: string) => void): string {
    const name = `vignette-20261101-090000-000-manual.db`;
    const file = join(backupsDir(dbPath), name);
    copyFileSync(from, file);
    mutate(file);
    return name;
  }

  it('refuses a corrupt backup and one from a newer app, and changes nothing', async () => {
    await api().call('settings:set', { examDate: '2027-05-05' });
    const good = await api().call('backups:create', {});
    const goodFile = join(backupsDir(dbPath), good.name);

    for (const [mutate, code, message] of [
      [
        (file: string) => {
          const bytes = readFileSync(file);
          bytes.fill(0x5a, 4096 * 2, 4096 * 2 + 3000);
          writeFileSync(file, bytes);
        },
        'DB_CORRUPT',
        /damaged/,
      ],
      [
        (file: string) => {
          const db = new Database(file);
          db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
          db.close();
        },
        'DB_TOO_NEW',
        /newer Vignette/,
      ],
    ] as const) {
      const name = plantBackup(goodFile, mutate);
      const before = listBackups(dbPath).map((b) => b.name);
      const result = await api().invoke('backups:restore', { name });
      expect(result).toMatchObject({ ok: false, error: { code } });
      expect(!result.ok && result.error.message).toMatch(message);
      expect(listBackups(dbPath).map((b) => b.name)).toEqual(before);
      expect(await examDate()).toBe('2027-05-05');
    }
  });

  it('refuses a name that is not a backup of this database (no paths through the door)', async () => {
    for (const name of ['../vignette.db', '/etc/passwd', 'vignette.db', 'other-20261101-090000-000-manual.db']) {
      expect(await api().invoke('backups:restore', { name })).toMatchObject({ ok: false, error: { code: 'DB_NOT_VIGNETTE' } });
    }
  });
});

describe('before a migration', () => {
  // Runs once the schema has a second migration (other branches add them); a one-migration schema has no "older file".
  it.skipIf(MIGRATIONS.length < 2)('the owner backs up an older file before migrating it', async () => {
    const { dir: oldDir, cleanup: cleanupOld } = tempDir('vignette-premigration-');
    try {
      const file = join(oldDir, 'old.db');
      const old = new Database(file);
      migrate(old, MIGRATIONS.slice(0, MIGRATIONS.length - 1));
      old.close();
      const upgraded = await openAsOwner({ dbPath: file, kind: 'test', samplesDir: SAMPLES_DIR });
      try {
        const pre = listBackups(file).find((b) => b.reason === 'pre-migration')!;
        const copy = new Database(join(backupsDir(file), pre.name), { readonly: true });
        expect(copy.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length - 1);
        copy.close();
        expect(upgraded.api.context.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      } finally {
        upgraded.close();
      }
    } finally {
      cleanupOld();
    }
  });
});

describe('a reader', () => {
  it('that tries to write gets one clear refusal, not an internal error', async () => {
    const reader = openDatabase(dbPath, { readonly: true });
    try {
      const api = createApi(reader, { dbPath, samplesDir: SAMPLES_DIR, readOnly: true });
      expect(await api.invoke('settings:set', { examDate: '2027-01-01' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /read-only here/ } });
      expect(await api.invoke('backups:restore', { name: listBackups(dbPath)[0]!.name })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      reader.close();
    }
  });
});
