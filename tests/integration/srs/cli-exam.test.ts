/** `vignette cards due|stats --json` and `info --json` card totals in a child process; exam-date mode on the core. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/core/api';
import { openDatabase } from '../../../src/main/core/db/open';
import { studyDay } from '../../../src/main/core/srs/studyDay';
import { localTimeZone } from '../../../src/main/core/srs/studyDay';
import { REPO, SAMPLES_DIR, openTestApi, tempDir, testClock, type TestApi } from '../../helpers/db';

const BIN = join(REPO, 'bin/vignette.mjs');
const DAY = 86_400_000;
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...process.env, VIGNETTE_DB: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let t: TestApi | undefined;
afterEach(() => t?.close());

describe('CLI', () => {
  it('cards due --json, cards stats --json and info --json report the cards', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = join(dir, 'v.db');
      const db = openDatabase(dbPath);
      const api = createApi(db, { dbPath, samplesDir: SAMPLES_DIR, clock: testClock(Date.now()) });
      await api.call('cards:create', { kind: 'basic', frontMd: 'Q1', backMd: 'A1' });
      const { cardIds } = await api.call('cards:create', { kind: 'cloze', frontMd: '{{c1::a}} {{c2::b}}', backMd: '' });
      await api.call('cards:act', { cardId: cardIds[0]!, action: 'suspend' });
      const s = await api.call('cards:session', {});
      await api.call('cards:answer', { cardId: s.next!.card.id, rating: 4, shownAt: s.next!.shownAt });
      db.close();

      const due = run(['cards', 'due', '--json', '--db', dbPath]);
      expect(due.code, due.stderr).toBe(0);
      const counts = JSON.parse(due.stdout) as Record<string, number>;
      expect(counts).toMatchObject({ total: 3, suspended: 1, newAvailable: 1, learning: 0 });
      expect(counts.dueNow).toBe(1);

      const stats = run(['cards', 'stats', '--json', '--db', dbPath]);
      expect(stats.code, stats.stderr).toBe(0);
      const st = JSON.parse(stats.stdout) as { reviewedCards: number; averageRetrievability: number; totalKnowledge: number; forecast: unknown[]; trueRetention: Record<string, unknown> };
      expect(st.reviewedCards).toBe(1);
      expect(st.averageRetrievability).toBeGreaterThan(0.9);
      expect(st.totalKnowledge).toBeCloseTo(st.averageRetrievability, 6);
      expect(st.forecast).toHaveLength(30);
      expect(Object.keys(st.trueRetention)).toEqual(['today', 'yesterday', 'week', 'month', 'year']);

      const info = run(['info', '--json', '--db', dbPath]);
      expect(info.code, info.stderr).toBe(0);
      const i = JSON.parse(info.stdout) as { counts: { cards: number }; cardTotals: { total: number; dueToday: number } };
      expect(i.counts.cards).toBe(3);
      expect(i.cardTotals.total).toBe(3);

      const bad = run(['cards', 'sideways', '--db', dbPath]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('cards needs a subcommand');
    } finally {
      cleanup();
    }
  });
});

describe('exam-date mode', () => {
  it('caps intervals before the exam and predicts exam-day recall per system', async () => {
    t = openTestApi();
    await t.api.call('packs:loadSamples', {});
    const examDate = new Date(t.clock.now() + 12 * DAY).toISOString().slice(0, 10);
    await t.api.call('settings:set', { examDate });
    // Miss two questions of different systems (omitted), then review them well for a while.
    const block = await t.api.call('blocks:create', { filters: {}, size: 2, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 9 });
    await t.api.call('blocks:end', { blockId: block.id, keepUnanswered: true });
    const systems = block.items.map((i) => t!.db.prepare('SELECT system FROM questions WHERE id = ?').pluck().get(i.questionId) as string);
    const stats = await t.api.call('cards:stats', {});
    expect(stats.exam!.examDate).toBe(examDate);
    expect(stats.exam!.daysLeft).toBe(12);
    expect(stats.exam!.bySystem.map((s) => s.system).sort()).toEqual([...new Set(systems)].sort());
    for (const s of stats.exam!.bySystem) {
      expect(s.meanRetrievability).toBeGreaterThan(0);
      expect(s.meanRetrievability).toBeLessThan(0.9); // Again yesterday → weak memory 12 days later
    }
    expect(stats.exam!.workload).toHaveLength(13);
    expect(stats.exam!.workload.reduce((a, w) => a + w.count, 0)).toBe(2);

    // A flashcard answered Easy twice would jump far past the exam; with the cap it is due on the exam's eve.
    const clock = { timeZone: localTimeZone(), rolloverHour: 4 };
    const { cardIds } = await t.api.call('cards:create', { kind: 'basic', frontMd: 'Q', backMd: 'A' });
    const dueOf = () => t!.db.prepare('SELECT due FROM cards WHERE id = ?').pluck().get(cardIds[0]!) as number;
    let n = (await t.api.call('cards:session', {})).next!;
    await t.api.call('cards:answer', { cardId: n.card.id, rating: 4, shownAt: n.shownAt });
    t.clock.set(dueOf() + 1000);
    n = (await t.api.call('cards:session', {})).next!;
    expect(n.card.id).toBe(cardIds[0]);
    const easy = n.previews[3]!;
    expect(easy.capped).toBe(true);
    await t.api.call('cards:answer', { cardId: n.card.id, rating: 4, shownAt: n.shownAt });
    const eve = Math.floor(Date.parse(`${examDate}T00:00:00Z`) / DAY) - 1;
    expect(studyDay(dueOf(), clock)).toBe(eve);
    // Without the cap, the same answer goes past the exam.
    await t.api.call('cards:undo', {});
    await t.api.call('cards:setConfig', { patch: { examCap: false } });
    const free = (await t.api.call('cards:session', {})).next!;
    expect(free.previews[3]!.capped).toBe(false);
    expect(studyDay(free.previews[3]!.due, clock)).toBeGreaterThan(eve + 1);
  });
});
