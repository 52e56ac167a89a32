/** The CLI as a user runs it: `bin/vignette.mjs` in a child process, on a temp database. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import { SCHEMA_VERSION } from '../../src/main/core/db/migrations';
import { MEDQA, tempDir } from '../helpers/db';
import { vignette } from '../helpers/cli';

const readSetting = (dbPath: string, key: string): unknown => {
  const db = openDatabase(dbPath);
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? JSON.parse(row.value) : undefined;
  } finally {
    db.close();
  }
};
const writeSetting = (dbPath: string, key: string, value: unknown): void => {
  const db = openDatabase(dbPath);
  try {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  } finally {
    db.close();
  }
};

let dir: string;
let cleanup: () => void;
let dbPath: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-cli-'));
  dbPath = join(dir, 'cli.db');
});
afterEach(() => cleanup());

describe('vignette CLI', { timeout: 120_000 }, () => {
  it('imports the MedQA file (1,273 questions, exams mapped), finds it again unchanged, lists and searches it', () => {
    const first = vignette(['import', MEDQA, '--db', dbPath, '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { packs: { added: number; unchanged: number; format: string }[] };
    expect(report.packs).toMatchObject([{ format: 'medqa', added: 1273, unchanged: 0 }]);
    const db = openDatabase(dbPath);
    try {
      const exams = db.prepare('SELECT exam, count(*) AS n FROM questions GROUP BY exam ORDER BY exam').all();
      expect(exams).toEqual([
        { exam: 'step1', n: 679 },
        { exam: 'step2ck', n: 594 },
      ]);
    } finally {
      db.close();
    }
    const again = vignette(['import', MEDQA, '--db', dbPath]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 added, 0 updated, 1273 unchanged, 0 retired');
    const packs = vignette(['packs', '--db', dbPath]);
    expect(packs.stdout).toContain('1273 questions');
    const search = vignette(['search', 'tinnitus', '--db', dbPath, '--json']);
    expect((JSON.parse(search.stdout) as { total: number }).total).toBeGreaterThan(0);
  });

  it('an invalid file exits 1, names the problem, and --dry-run writes nothing', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"question":"Q?","options":{"A":"a","B":"b"},"answer_idx":"F","meta_info":"step1"}\n');
    const r = vignette(['import', bad, '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad.jsonl · line 1 · answer_idx: 'F' is not one of A–B");
    const dry = vignette(['import', MEDQA, '--db', dbPath, '--dry-run', '--json']);
    expect((JSON.parse(dry.stdout) as { dryRun: boolean; packs: { added: number }[] }).packs[0]!.added).toBe(1273);
    const info = JSON.parse(vignette(['info', '--db', dbPath, '--json']).stdout) as { counts: { questions: number } };
    expect(info.counts.questions).toBe(0);
  });

  it('--help exits 0 and lists every command', () => {
    const r = vignette(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Vignette \S+ — offline USMLE question bank/);
    for (const command of ['info', 'backup <file>', 'backups', 'restore <file|name>', 'import <path…>', 'packs', 'search <text>']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`, 'm'));
    }
    expect(r.stdout).toContain('--db <file>');
    expect(r.stdout).toContain('--json');
  });

  it('info --json prints the schema version and the db path', () => {
    const r = vignette(['info', '--json', '--db', dbPath]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as { schemaVersion: number; dbPath: string; counts: Record<string, number> };
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect(info.dbPath).toBe(dbPath);
    expect(info.counts.questions).toBe(0);
    expect(existsSync(dbPath)).toBe(true);
  });

  it('backup then restore round-trips the data', () => {
    expect(vignette(['info', '--db', dbPath]).code).toBe(0);
    writeSetting(dbPath, 'examDate', '2027-03-01');
    const backup = join(dir, 'backup.db');

    const b = vignette(['backup', backup, '--db', dbPath]);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout.trim()).toBe(`Backed up ${dbPath} to ${backup}`);
    expect(existsSync(backup)).toBe(true);

    // Change the live database after the backup; the restore must bring the old value back.
    writeSetting(dbPath, 'examDate', '2030-01-01');
    expect(readSetting(dbPath, 'examDate')).toBe('2030-01-01');

    const r = vignette(['restore', backup, '--db', dbPath]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [restoredLine, keptLine] = r.stdout.trim().split('\n');
    expect(restoredLine).toBe(`Restored ${dbPath} from ${backup}`);
    expect(readSetting(dbPath, 'examDate')).toBe('2027-03-01');
    // The data the restore replaced is kept as a backup, listed by `backups --json`, and can be restored by name.
    const kept = /kept as the backup (\S+)$/.exec(keptLine ?? '')![1]!;
    const listed = JSON.parse(vignette(['backups', '--json', '--db', dbPath]).stdout) as { name: string; reason: string }[];
    expect(listed).toContainEqual(expect.objectContaining({ name: kept, reason: 'pre-restore' }));
    expect(vignette(['restore', kept, '--db', dbPath]).code).toBe(0);
    expect(readSetting(dbPath, 'examDate')).toBe('2030-01-01');
  });

  it('an unknown command exits 1 with one line on stderr', () => {
    const r = vignette(['frobnicate', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('vignette: unknown command frobnicate; see vignette --help\n');
  });

  it('an unknown option exits 1 with one line on stderr', () => {
    const r = vignette(['info', '--frob', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain('--frob');
  });

  it('restore of a missing file exits 1 and leaves the database alone', () => {
    expect(vignette(['info', '--db', dbPath]).code).toBe(0);
    writeSetting(dbPath, 'examDate', '2027-03-01');
    const r = vignette(['restore', join(dir, 'missing.db'), '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^vignette: .*missing\.db/);
    expect(readSetting(dbPath, 'examDate')).toBe('2027-03-01');
  });

  it('restore of a file that is not a database exits 1', () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'hello, I am not SQLite '.repeat(100));
    const r = vignette(['restore', junk, '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('VIGNETTE_DB is honoured when --db is absent, and --db wins over it', () => {
    const envDb = join(dir, 'from-env.db');
    const r = vignette(['info', '--json'], { VIGNETTE_DB: envDb });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { dbPath: string }).dbPath).toBe(envDb);
    expect(existsSync(envDb)).toBe(true);

    const both = vignette(['info', '--json', '--db', dbPath], { VIGNETTE_DB: envDb });
    expect((JSON.parse(both.stdout) as { dbPath: string }).dbPath).toBe(dbPath);
  });
});
