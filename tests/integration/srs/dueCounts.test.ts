/**
 * One definition of "due", the same number on every surface for the same database and moment: the core methods the
 * screens call (cards:counts for Flashcards, cards:session, stats:dashboard for Home and the Dashboard) and the CLI
 * (`cards due --json`, `info --json`, `stats --json`, and `cards due` in words).
 *
 * Due now   = learning cards whose minute has come + review cards due on this study day + new cards, within the
 *             day's limits (what a review session would show now).
 * Due today = due now + learning cards that come due later in this study day.
 * A study day starts at the rollover hour (4 am), as in Anki: at 2:30 am a review due at 3 am is today's, one due at
 * 5 am is tomorrow's.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localTimeZone, studyDay, studyDayStart } from '../../../src/main/core/srs/studyDay';
import { vignette } from '../../helpers/cli';
import { openTestApi, type TestApi } from '../../helpers/db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApi;
beforeEach(() => {
  t = openTestApi();
});
afterEach(() => t.close());

describe('due counts: one definition on every surface', { timeout: 120_000 }, () => {
  it('core methods and the CLI give identical due now / due today at 2:30 am (before the 4 am rollover)', async () => {
    const tz = localTimeZone();
    const midnight = studyDayStart(studyDay(Date.UTC(2026, 10, 20, 12), { timeZone: tz, rolloverHour: 0 }), { timeZone: tz, rolloverHour: 0 });
    const now = midnight + 2.5 * HOUR;
    t.clock.set(now);

    const make = async () => (await t.api.call('cards:create', { kind: 'basic', frontMd: 'Q', backMd: 'A' })).cardIds[0]!;
    const set = (id: number, state: number, due: number) =>
      t.db.prepare('UPDATE cards SET state = ?, due = ?, stability = 5, difficulty = 5, last_review = ?, reps = 2 WHERE id = ?').run(state, due, Math.min(due, now) - 3 * DAY, id);
    for (let i = 0; i < 3; i++) await make(); // new
    set(await make(), 2, now - 2 * DAY); // overdue review
    set(await make(), 2, midnight + 3 * HOUR); // due at 3 am: still this study day
    set(await make(), 2, midnight + 5 * HOUR); // due at 5 am: the next study day
    set(await make(), 1, now - 60_000); // learning, its minute has come
    set(await make(), 1, now + 30 * 60_000); // learning, later this study day
    // A question card due (missed question): counted apart, as "missed questions due".
    await t.api.call('packs:loadSamples', {});
    const block = await t.api.call('blocks:create', { filters: {}, size: 1, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 3 });
    await t.api.call('blocks:end', { blockId: block.id, keepUnanswered: true });
    t.db.prepare('UPDATE cards SET due = ? WHERE question_id IS NOT NULL').run(now - DAY);

    const counts = await t.api.call('cards:counts', {});
    expect({ dueNow: counts.dueNow, dueToday: counts.dueToday, questionCardsDue: counts.questionCardsDue }).toEqual({ dueNow: 6, dueToday: 7, questionCardsDue: 1 });

    const pick = (c: { dueNow: number; dueToday: number; questionCardsDue: number }) => ({ dueNow: c.dueNow, dueToday: c.dueToday, questionCardsDue: c.questionCardsDue });
    const expected = pick(counts);
    expect(pick((await t.api.call('cards:session', {})).counts)).toEqual(expected);
    const dashboard = await t.api.call('stats:dashboard', {});
    expect(pick(dashboard.due)).toEqual(expected);

    // The CLI on the same file at the same moment.
    const clockFile = join(t.dir, 'clock');
    writeFileSync(clockFile, String(now));
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const cli = (args: string[]) => {
      const r = vignette([...args, '--db', t.dbPath], { VIGNETTE_CLOCK_FILE: clockFile });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    expect(pick(JSON.parse(cli(['cards', 'due', '--json'])))).toEqual(expected);
    expect(pick(JSON.parse(cli(['info', '--json'])).cardTotals)).toEqual(expected);
    expect(pick(JSON.parse(cli(['stats', '--json'])).due)).toEqual(expected);
    const words = cli(['cards', 'due']);
    expect(words).toContain('6 due now · 7 due today');
  });
});
