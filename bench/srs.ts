/**
 * Spaced-repetition bench (issue 9): 200,000 cards (question cards for part of the bank, flashcards for the rest)
 * with 2,000,000 review-log rows over three years, then the budgets: next due cards, answer a card, memory statistics.
 */
import type { Api } from '../src/main/core/api';
import type { Db } from '../src/main/core/db/open';
import { answerCard, getCard, undoLast } from '../src/main/core/srs/cardStore';
import { schedulerParams } from '../src/main/core/srs/config';

const DAY = 86_400_000;

/** Writes cards and their logs straight to the tables (synthetic but shaped like real histories). */
export function seedCards(db: Db, opts: { cards: number; logsPerCard: number; now: number }): { cards: number; logs: number } {
  const questionIds = db.prepare('SELECT id FROM questions WHERE retired = 0 ORDER BY id').pluck().all() as number[];
  const questionCards = Math.min(questionIds.length, Math.floor(opts.cards / 5));
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const flash = db.prepare("INSERT INTO flashcards (kind, front_md, back_md, created_at, updated_at) VALUES ('basic', ?, ?, ?, ?)");
  const card = db.prepare(
    `INSERT INTO cards (question_id, flashcard_id, ord, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, created_at, updated_at)
     VALUES (?, ?, 0, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  const log = db.prepare(
    `INSERT INTO review_log (card_id, kind, source, rating, review, state, due, stability, difficulty, scheduled_days, learning_steps,
       new_state, new_due, new_stability, new_difficulty, new_scheduled_days, new_learning_steps, duration_ms)
     VALUES (?, 'review', 'app', ?, ?, ?, ?, ?, ?, ?, 0, 2, ?, ?, ?, ?, 0, ?)`,
  );
  let logs = 0;
  db.transaction(() => {
    for (let c = 0; c < opts.cards; c++) {
      const created = opts.now - Math.floor((0.2 + rand() * 2.8) * 365 * DAY);
      let t = created;
      let s = 0.5 + rand() * 3;
      let d = 3 + rand() * 5;
      let ivl = 0;
      let state = 0;
      let lapses = 0;
      const history: [number, number, number, number, number, number, number, number][] = [];
      for (let r = 0; r < opts.logsPerCard; r++) {
        const rating = rand() < 0.12 ? 1 : rand() < 0.15 ? 2 : rand() < 0.9 ? 3 : 4;
        const before = [state, s, d, ivl] as const;
        if (rating === 1) {
          lapses++;
          s = Math.max(0.3, s * 0.3);
        } else s = s * (1.1 + rating * 0.25);
        d = Math.min(10, Math.max(1, d + (rating === 1 ? 1 : rating === 4 ? -0.5 : 0)));
        ivl = Math.max(1, Math.round(s));
        state = 2;
        history.push([rating, t, before[0], before[1], before[2], before[3], s, ivl]);
        t += ivl * DAY * (0.8 + rand() * 0.5);
      }
      // Shift the history so its last review lies within one interval before now, as in a collection studied daily.
      const tail = history[history.length - 1];
      if (tail) {
        const shift = opts.now - Math.floor(rand() * tail[7] * DAY) - tail[1];
        for (const h of history) h[1] += shift;
      }
      const last = history[history.length - 1];
      const lastReview = last ? last[1] : null;
      const due = last ? last[1] + last[7] * DAY : created;
      const isQuestion = c < questionCards;
      const flashId = isQuestion ? null : Number(flash.run(`front ${c}`, `back ${c}`, created, created).lastInsertRowid);
      const cardId = Number(
        card.run(isQuestion ? questionIds[c]! : null, flashId, due, last ? s : 0, last ? d : 0, last ? ivl : 0, history.length, lapses, last ? 2 : 0, lastReview, created, created).lastInsertRowid,
      );
      let prevDue = created;
      for (const [rating, review, st, ps, pd, pivl, ns, nivl] of history) {
        log.run(cardId, rating, review, st, prevDue, ps, pd, pivl, review + nivl * DAY, ns, pd, nivl, 5000 + Math.floor(rand() * 20_000));
        prevDue = review + nivl * DAY;
        logs++;
      }
    }
  })();
  return { cards: opts.cards, logs };
}

type Record = (name: string, unit: string, samples: number[], budget: number | null, baseline?: number[]) => void;
type Time = (fn: () => unknown) => Promise<number>;

export async function benchSrs(db: Db, api: Api, record: Record, time: Time): Promise<void> {
  // The synthetic history already holds thousands of reviews today: lift the daily limits so the session has cards.
  await api.call('cards:setConfig', { patch: { reviewsPerDay: 99_999, newPerDay: 9_999 } });
  const counts = await api.call('cards:counts', {});
  const logs = db.prepare('SELECT count(*) FROM review_log').pluck().get() as number;
  console.log(`srs: ${counts.total} cards, ${logs} review-log rows, ${counts.dueToday} due today`);

  const session: number[] = [];
  for (let i = 0; i < 30; i++) session.push(await time(() => api.call('cards:session', {})));
  const rawNext = db.prepare('SELECT * FROM cards WHERE flashcard_id IS NOT NULL AND suspended = 0 AND deleted_at IS NULL AND state = 2 AND due < ? ORDER BY due LIMIT 1');
  const baseNext: number[] = [];
  for (let i = 0; i < 30; i++) baseNext.push(await time(() => rawNext.get(Date.now() + DAY)));
  record('next due cards (session: next card, 4 previews, counts)', 'ms', session, 20, baseNext);

  // Answer a card: the core transaction (card + log + undo entry), then undone so every sample answers the same card state.
  const params = schedulerParams(db);
  const cardId = (await api.call('cards:session', {})).next?.card.id ?? (db.prepare('SELECT id FROM cards WHERE flashcard_id IS NOT NULL LIMIT 1').pluck().get() as number);
  const answer: number[] = [];
  const roundTrip: number[] = [];
  for (let i = 0; i < 100; i++) {
    const now = Date.now();
    answer.push(await time(() => db.transaction(() => answerCard(db, getCard(db, cardId), 3, now, now, params.flash, 1000))()));
    db.transaction(() => undoLast(db))();
  }
  const rawAnswer = db.prepare('UPDATE cards SET reps = reps + 0 WHERE id = ?');
  const rawLog = db.prepare("INSERT INTO review_log (card_id, rating, review, state, due, stability, difficulty, scheduled_days, learning_steps, new_state, new_due, new_stability, new_difficulty, new_scheduled_days, new_learning_steps) VALUES (?, 3, 0, 2, 0, 1, 1, 1, 0, 2, 0, 1, 1, 1, 0)");
  const baseAnswer: number[] = [];
  for (let i = 0; i < 100; i++) {
    baseAnswer.push(await time(() => db.transaction(() => (rawAnswer.run(cardId), rawLog.run(cardId)))()));
  }
  db.prepare('DELETE FROM review_log WHERE review = 0').run();
  record('answer a card (card + log, one transaction)', 'ms', answer, 2, baseAnswer);
  for (let i = 0; i < 30; i++) {
    const s = await api.call('cards:session', {});
    if (!s.next) break;
    roundTrip.push(await time(() => api.call('cards:answer', { cardId: s.next!.card.id, rating: 3, shownAt: s.next!.shownAt })));
  }
  if (roundTrip.length) record('answer a card + next card (cards:answer call)', 'ms', roundTrip, 20);

  const stats: number[] = [];
  for (let i = 0; i < 12; i++) stats.push(await time(() => api.call('cards:stats', {})));
  const rawStats = db.prepare("SELECT count(*), sum(rating > 1) FROM review_log WHERE review >= ? AND kind = 'review' AND state = 2");
  const baseStats: number[] = [];
  for (let i = 0; i < 12; i++) baseStats.push(await time(() => rawStats.get(Date.now() - 365 * DAY)));
  record('memory statistics (all charts, 200k cards / 2M logs)', 'ms', stats, 150, baseStats);
}
