/**
 * The dashboard over a real database: blocks answered on several (clock-injected) days, the trigger-kept rollup
 * checked against independent SQL over block_items, first attempts kept apart from repeats, the self-assessment log's
 * refusals (each naming its field and changing nothing), readiness snapshots, and the plan.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/main/core/db/open';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { localDay } from '../../src/main/core/analytics/maths';
import { openTestApi, tempDir, type TestApi } from '../helpers/db';

const DAY = 86_400_000;
let t: TestApi;
beforeEach(async () => {
  t = openTestApi();
  await t.api.call('packs:loadSamples', {});
});
afterEach(() => t.close());

const answerOf = (id: number) => t.db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(id) as number;

/** A block of `size` answered with the right answer for the first `right` items, the rest wrong; 30 s or 120 s each. */
async function answerBlock(size: number, right: number, opts: { mode?: 'timed' | 'tutor'; slow?: boolean; exams?: ('step1' | 'step2ck')[]; statuses?: ('unused' | 'correct')[] } = {}) {
  const mode = opts.mode ?? 'timed';
  const block = await t.api.call('blocks:create', {
    filters: { exams: opts.exams ?? ['step2ck'], ...(opts.statuses ? { statuses: opts.statuses } : {}) },
    size,
    mode,
    secondsPerQuestion: mode === 'timed' ? 90 : null,
    order: 'random',
  });
  for (const item of block.items) {
    await t.api.call('blocks:goto', { blockId: block.id, position: item.position });
    t.clock.advance(opts.slow ? 120_000 : 30_000);
    const key = answerOf(item.questionId);
    await t.api.call('blocks:select', { blockId: block.id, position: item.position, choice: item.position < right ? key : (key + 1) % 4 });
    if (mode === 'tutor') await t.api.call('blocks:submit', { blockId: block.id, position: item.position });
  }
  await t.api.call('blocks:end', { blockId: block.id });
  return block;
}

describe('dashboard aggregates', () => {
  it('agree with independent SQL over block_items, one block point per block, days apart', async () => {
    await answerBlock(10, 6);
    t.clock.advance(2 * DAY);
    await answerBlock(10, 3, { mode: 'tutor', slow: true });
    t.clock.advance(2 * DAY);
    await answerBlock(8, 8);
    const d = await t.api.call('stats:dashboard', {});

    expect(d.blocks.map((b) => [b.n, b.correct, b.mode])).toEqual([
      [10, 6, 'timed'],
      [10, 3, 'tutor'],
      [8, 8, 'timed'],
    ]);
    expect(d.blocks[1]!.secondsPerItem).toBeCloseTo(120, 0);
    expect(d.daily.map((p) => [p.n, p.correct])).toEqual([
      [10, 6],
      [10, 3],
      [8, 8],
    ]);
    // Rolling 7 days on the third day: (6 + 3 + 8) / 28.
    expect(d.daily[2]!.rolling7).toBeCloseTo((17 / 28) * 100, 6);

    const expected = t.db
      .prepare(
        `SELECT coalesce(q.system, '') AS system, count(*) AS n, sum(i.outcome = 'correct') AS c FROM block_items i JOIN questions q ON q.id = i.question_id
         WHERE i.outcome IS NOT NULL AND i.repeat_of = 0 GROUP BY 1`,
      )
      .all() as { system: string; n: number; c: number }[];
    const got = d.performance.system.map((r) => ({ system: r.key, n: r.n, c: r.correct }));
    expect(got.sort((a, b) => a.system.localeCompare(b.system))).toEqual(expected.sort((a, b) => a.system.localeCompare(b.system)));
    // Weakest first by the Wilson upper bound.
    const highs = d.performance.system.map((r) => r.high!);
    expect([...highs].sort((a, b) => a - b)).toEqual(highs);
    expect(d.totals).toMatchObject({ answered: 28, correct: 17, blocks: 3 });
    // Time: 10 tutor items took 120 s (over the 90 s pace), 3 of them right.
    expect(d.time).toMatchObject({ n: 28, overPace: 10, slow: { n: 10, correct: 3 }, fast: { n: 18, correct: 14 } });
  });

  it('keeps repeats apart from first attempts', async () => {
    await answerBlock(5, 5);
    t.clock.advance(DAY);
    await answerBlock(5, 0, { statuses: ['correct'] });
    const d = await t.api.call('stats:dashboard', {});
    const byExam = d.performance.exam.find((r) => r.key === 'step2ck')!;
    expect(byExam).toMatchObject({ n: 5, correct: 5, repeatN: 5, repeatCorrect: 0 });
    expect(d.blocks[1]).toMatchObject({ firstN: 0, firstPercent: null, percent: 0 });
  });
});

describe('self-assessment log', () => {
  const count = () => t.db.prepare('SELECT count(*) FROM self_assessments').pluck().get() as number;
  const refuse = async (input: Record<string, unknown>, field: string, words: string) => {
    const before = count();
    const result = await t.api.invoke('assessments:add', input as never);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_INPUT');
      expect(result.error.details?.map((p) => p.field)).toContain(field);
      expect(result.error.message).toContain(words);
    }
    expect(count()).toBe(before);
  };

  it('stores each result on its own scale and refuses bad values naming the field', async () => {
    const today = localDay(t.clock.now());
    const ccssa = await t.api.call('assessments:add', { exam: 'step2ck', product: 'nbme-ccssa', form: '14', takenOn: today, score: 236 });
    expect(ccssa).toMatchObject({ title: 'NBME CCSSA 14', scale: 'three-digit', display: '236', status: 'taken' });
    const cbssa = await t.api.call('assessments:add', { exam: 'step1', product: 'nbme-cbssa', form: '30', takenOn: today, score: 71, passProbability: 0.97 });
    expect(cbssa.display).toBe('71 % EPC');

    await refuse({ exam: 'step1', product: 'nbme-cbssa', form: '30', takenOn: today, score: 245, passProbability: 0.97 }, 'score', 'EPC');
    await refuse({ exam: 'step2ck', product: 'nbme-ccssa', form: '14', takenOn: today, score: 400 }, 'score', '100–300');
    await refuse({ exam: 'step2ck', product: 'nbme-ccssa', form: '14', takenOn: '2099-01-01', score: 236 }, 'date', 'future');
    await refuse({ exam: 'step2ck', product: 'kaplan-sa', form: '1', takenOn: today, score: 236 }, 'product', 'unknown product');
    await refuse({ exam: 'step2ck', product: 'nbme-ccssa', form: '3', takenOn: today, score: 236 }, 'form', 'forms 9, 10');
    await refuse({ exam: 'step1', product: 'nbme-ccssa', form: '14', takenOn: today, score: 236 }, 'exam', 'Step 2 CK');
    await refuse({ exam: 'step1', product: 'nbme-cbssa', form: '30', takenOn: today, score: 70 }, 'passProbability', 'probability of passing');

    const edited = await t.api.call('assessments:update', { id: ccssa.id, exam: 'step2ck', product: 'nbme-ccssa', form: '15', takenOn: today, score: 240 });
    expect(edited).toMatchObject({ title: 'NBME CCSSA 15', display: '240' });
    const badEdit = await t.api.invoke('assessments:update', { id: ccssa.id, exam: 'step2ck', product: 'nbme-ccssa', form: '15', takenOn: today, score: 400 });
    expect(badEdit.ok).toBe(false);
    expect((await t.api.call('assessments:list', {})).find((a) => a.id === ccssa.id)!.score).toBe(240);
    await t.api.call('assessments:remove', { id: cbssa.id });
    expect((await t.api.call('assessments:list', {})).map((a) => a.id)).toEqual([ccssa.id]);
  });

  it('readiness uses Settings or overrides, and stores a snapshot with its method version', async () => {
    const today = localDay(t.clock.now());
    await t.api.call('settings:set', { exam: 'step2ck', examDate: '2027-01-15' });
    await t.api.call('assessments:add', { exam: 'step2ck', product: 'nbme-ccssa', form: '14', takenOn: today, score: 225 });
    const r = await t.api.call('readiness:get', {});
    expect(r).toMatchObject({ exam: 'step2ck', examDate: '2027-01-15', label: 'early signal', estimate: { value: 225, low: 214, high: 236 }, passProbability: 0.74 });
    const snap = t.db.prepare('SELECT method_version, result_json FROM readiness_snapshots WHERE exam = ?').get('step2ck') as { method_version: string; result_json: string };
    expect(snap.method_version).toBe(r.method.version);
    expect(JSON.parse(snap.result_json).estimate.value).toBe(225);
    const older = await t.api.call('readiness:get', { examDate: '2025-06-30' });
    expect(older.standard!.value).toBe(214);
  });
});

describe('plan', () => {
  it('counts days left, unused questions in the exam pool and the load per day', async () => {
    // The clock starts 2026-11-01 09:00 UTC; the exam is 30 days later.
    await t.api.call('settings:set', { exam: 'step2ck', examDate: '2026-12-01', planPasses: 2 });
    await answerBlock(5, 2);
    const pool = t.db.prepare("SELECT count(*) FROM questions WHERE exam = 'step2ck' AND retired = 0").pluck().get() as number;
    const d = await t.api.call('stats:dashboard', {});
    expect(d.plan).toMatchObject({ daysLeft: 30, poolSize: pool, unused: pool - 5, passes: 2, answeredToday: 5, doneToday: 5 });
    // The load is counted from the start of today (the 5 answered today were still unused then), so today's target
    // does not shrink while the student works through it.
    expect(d.plan.perDayOnePass).toBe(Math.ceil(pool / 30));
    expect(d.plan.perDayChosenPasses).toBe(Math.ceil((pool + pool) / 30));
    expect(d.plan.calendar).toHaveLength(28);
  });
});

describe('migration', () => {
  it('backfills the rollup from answers scored before it', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'old.db');
      const raw = new Database(file);
      const mine = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE answer_rollup'));
      migrate(raw, MIGRATIONS.slice(0, mine));
      raw.exec(`INSERT INTO packs (id, key, title, version, source_format, source_name, imported_at, updated_at) VALUES (1, 'p', 'P', '1', 'native', 'x', 0, 0);
        INSERT INTO questions (id, pack_id, source_id, exam, system, answer_index, choice_count, hash, created_at, updated_at, stem_html)
          VALUES (1, 1, 'a', 'step1', 'Renal', 0, 4, 'h', 0, 0, 's'), (2, 1, 'b', 'step1', 'Renal', 0, 4, 'h', 0, 0, 's');
        INSERT INTO blocks (id, created_at, mode, spec_json, seed, status, finished_at, item_count) VALUES (1, ${Date.UTC(2026, 0, 5, 12)}, 'timed', '{}', 1, 'finished', ${Date.UTC(2026, 0, 5, 12)}, 2);
        INSERT INTO block_items (block_id, position, question_id, selected, outcome, time_ms, repeat_of) VALUES (1, 0, 1, 0, 'correct', 100000, 0), (1, 1, 2, 1, 'incorrect', 1000, 0);`);
      raw.close();
      const db = openDatabase(file);
      const rows = db.prepare("SELECT dim, value, n, correct, over_pace, over_pace_correct FROM answer_rollup WHERE dim IN ('all', 'system') ORDER BY dim").all();
      expect(rows).toEqual([
        { dim: 'all', value: '', n: 2, correct: 1, over_pace: 1, over_pace_correct: 1 },
        { dim: 'system', value: 'Renal', n: 2, correct: 1, over_pace: 1, over_pace_correct: 1 },
      ]);
      db.close();
    } finally {
      cleanup();
    }
  });
});

describe('why I missed it', () => {
  it('counts why-I-missed-it reasons by reason, system and week, as tagged in the review', async () => {
    const b1 = await answerBlock(6, 0);
    expect((await t.api.call('stats:dashboard', {})).reasons.total).toEqual([]);
    t.clock.advance(8 * DAY);
    const b2 = await answerBlock(4, 0);
    const tag = (blockId: number, position: number, reason: 'knowledge' | 'misread') => t.api.call('review:tag', { blockId, position, reason });
    await tag(b1.id, 0, 'knowledge');
    await tag(b1.id, 1, 'knowledge');
    await tag(b1.id, 2, 'misread');
    await tag(b2.id, 0, 'knowledge');
    const d = await t.api.call('stats:dashboard', {});
    expect(d.reasons.available).toBe(true);
    expect(d.reasons.total).toEqual([
      { reason: 'knowledge', count: 3 },
      { reason: 'misread', count: 1 },
    ]);
    // Two different weeks (the blocks are 8 days apart), each counted apart.
    expect(d.reasons.byWeek.map((w) => w.counts)).toEqual([{ knowledge: 2, misread: 1 }, { knowledge: 1 }]);
    const expected = t.db
      .prepare("SELECT coalesce(q.system, 'Not tagged') AS s, count(*) AS n FROM block_items i JOIN questions q ON q.id = i.question_id WHERE i.reason IS NOT NULL GROUP BY 1")
      .all() as { s: string; n: number }[];
    const got = d.reasons.bySystem.map((r) => ({ s: r.system, n: Object.values(r.counts).reduce((a, b) => a + b, 0) }));
    expect(got.sort((a, b) => a.s.localeCompare(b.s))).toEqual(expected.sort((a, b) => a.s.localeCompare(b.s)));
  });
});
