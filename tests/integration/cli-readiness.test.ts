/** `vignette stats | assessments | readiness` as a user runs them: bin/vignette.mjs in a child process on a temp database. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import { createApi } from '../../src/main/core/api';
import { REPO, SAMPLES_DIR, tempDir } from '../helpers/db';

const BIN = join(REPO, 'bin/vignette.mjs');
let dir: string;
let cleanup: () => void;
let db: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-cli-readiness-'));
  db = join(dir, 'v.db');
});
afterEach(() => cleanup());

function vignette(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db], { cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...process.env, VIGNETTE_DB: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const rows = () => {
  const d = openDatabase(db);
  try {
    return d.prepare('SELECT count(*) FROM self_assessments').pluck().get() as number;
  } finally {
    d.close();
  }
};

describe('vignette assessments and readiness', () => {
  it('adds, lists, refuses bad values with exit 1 and a message, removes; readiness --json has the promised fields', () => {
    const add = vignette('assessments', 'add', '--exam', 'step2ck', '--product', 'nbme-ccssa', '--form', '14', '--date', '2026-11-01', '--score', '236', '--json');
    expect(add.code, add.stderr).toBe(0);
    const added = JSON.parse(add.stdout) as { id: number; display: string };
    expect(added.display).toBe('236');

    const cbssa = vignette('assessments', 'add', '--exam', 'step1', '--product', 'nbme-cbssa', '--form', '30', '--date', '2026-11-01', '--score', '71', '--pass-probability', '0.97');
    expect(cbssa.code, cbssa.stderr).toBe(0);
    expect(cbssa.stdout).toContain('71 % EPC');

    for (const [args, words] of [
      [['--exam', 'step2ck', '--product', 'nbme-ccssa', '--form', '14', '--date', '2026-11-01', '--score', '400'], 'score: 400 is outside'],
      [['--exam', 'step1', '--product', 'nbme-cbssa', '--form', '30', '--date', '2026-11-01', '--score', '245', '--pass-probability', '0.9'], 'not a 3-digit score'],
      [['--exam', 'step2ck', '--product', 'nope', '--date', '2026-11-01', '--score', '236'], 'product: unknown product'],
      [['--exam', 'step2ck', '--product', 'nbme-ccssa', '--form', '14', '--date', '2099-11-01', '--score', '236'], 'date: 2099-11-01 is in the future'],
      [['--exam', 'step9', '--product', 'nbme-ccssa', '--date', '2026-11-01'], 'exam: "step9"'],
    ] as const) {
      const r = vignette('assessments', 'add', ...args);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toContain(words);
    }
    expect(rows()).toBe(2);

    const list = vignette('assessments', 'list');
    expect(list.stdout).toContain('NBME CCSSA 14');

    const readiness = vignette('readiness', '--exam', 'step2ck', '--exam-date', '2027-01-15', '--json');
    expect(readiness.code, readiness.stderr).toBe(0);
    const r = JSON.parse(readiness.stdout) as Record<string, unknown>;
    expect(r).toMatchObject({ exam: 'step2ck', examDate: '2027-01-15', standard: { value: 218 }, label: 'early signal', estimate: { value: 236, low: 225, high: 247 } });
    expect(r.passProbability).toBe(0.95);
    expect(Array.isArray(r.inputs)).toBe(true);

    const step1 = JSON.parse(vignette('readiness', '--exam', 'step1', '--json').stdout) as Record<string, unknown>;
    expect(step1.estimate).toBeNull();
    expect(step1.passProbability).toBeNull();

    expect(vignette('assessments', 'remove', String(added.id)).code).toBe(0);
    expect(rows()).toBe(1);
    const missing = vignette('assessments', 'remove', '999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No self-assessment 999');
  }, 180_000); // a dozen CLI processes on two shared cores

  it('stats --json lists system and discipline with n, percent and interval, as answered in the app', async () => {
    const d = openDatabase(db);
    const api = createApi(d, { dbPath: db, samplesDir: SAMPLES_DIR });
    await api.call('packs:loadSamples', {});
    const block = await api.call('blocks:create', { filters: {}, size: 12, mode: 'timed', secondsPerQuestion: 90, order: 'random' });
    for (const item of block.items) await api.call('blocks:select', { blockId: block.id, position: item.position, choice: item.position % 3 });
    await api.call('blocks:end', { blockId: block.id });
    const expected = d
      .prepare("SELECT coalesce(q.system, '') AS key, count(*) AS n, sum(i.outcome = 'correct') AS correct FROM block_items i JOIN questions q ON q.id = i.question_id GROUP BY 1 ORDER BY 1")
      .all();
    d.close();

    const r = vignette('stats', '--json');
    expect(r.code, r.stderr).toBe(0);
    const stats = JSON.parse(r.stdout) as { system: { key: string; n: number; correct: number; low: number; high: number }[]; discipline: unknown[]; totals: { answered: number } };
    expect(stats.totals.answered).toBe(12);
    expect(stats.system.map(({ key, n, correct }) => ({ key, n, correct })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(expected);
    for (const row of stats.system) expect(row.low).toBeLessThanOrEqual(row.high);
    expect(stats.discipline.length).toBeGreaterThan(0);
    expect(vignette('stats').stdout).toContain('By system');
  }, 60_000);
});
