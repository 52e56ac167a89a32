/** Years of synthetic history, written straight to the tables: finished blocks of 40 answers, stats, and FSRS cards with 10 logs each. */
import type { Db } from '../src/main/core/db/open';
import { seedCards } from './srs';

export function seedHistory(db: Db, opts: { answers: number; cards: number; now: number }): { blocks: number; answers: number; cards: number } {
  const ids = db.prepare('SELECT id, answer_index FROM questions WHERE retired = 0').raw().all() as [number, number][];
  const perBlock = 40;
  const blocks = Math.ceil(opts.answers / perBlock);
  const dayMs = 86_400_000;
  const start = opts.now - 3 * 365 * dayMs;
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const insertBlock = db.prepare(
    `INSERT INTO blocks (created_at, mode, spec_json, seed, time_limit_ms, status, elapsed_ms, current_position, finished_at, end_reason, correct_count, item_count)
     VALUES (?, 'timed', '{}', 0, 3600000, 'finished', 3000000, 39, ?, 'user', ?, 40)`,
  );
  const insertItem = db.prepare('INSERT INTO block_items (block_id, position, question_id, selected, outcome, time_ms, repeat_of) VALUES (?, ?, ?, ?, ?, ?, 0)');
  const stat = db.prepare(
    `INSERT INTO question_stats (question_id, attempts, last_outcome, last_answered_at) VALUES (?, 1, ?, ?)
     ON CONFLICT (question_id) DO UPDATE SET attempts = attempts + 1, last_outcome = excluded.last_outcome, last_answered_at = excluded.last_answered_at`,
  );
  let answers = 0;
  db.transaction(() => {
    for (let b = 0; b < blocks; b++) {
      const at = start + Math.floor((b / blocks) * 3 * 365 * dayMs);
      const blockId = Number(insertBlock.run(at, at + 3_000_000, 0).lastInsertRowid);
      let correct = 0;
      for (let p = 0; p < perBlock && answers < opts.answers; p++, answers++) {
        const [qid, key] = ids[Math.floor(rand() * ids.length)]!;
        const selected = rand() < 0.7 ? key : (key + 1) % 5;
        const outcome = selected === key ? 'correct' : 'incorrect';
        if (outcome === 'correct') correct++;
        insertItem.run(blockId, p, qid, selected, outcome, 40_000 + Math.floor(rand() * 80_000));
        stat.run(qid, outcome, at);
      }
      db.prepare('UPDATE blocks SET correct_count = ? WHERE id = ?').run(correct, blockId);
    }
  })();
  // Cards and review logs: bench/srs.ts (issue 9's schema).
  const seeded = seedCards(db, { cards: opts.cards, logsPerCard: 10, now: opts.now });
  return { blocks, answers, cards: seeded.cards };
}
