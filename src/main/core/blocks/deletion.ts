/**
 * Deleting a block, with Undo (issue 14). Everything the block contributed leaves in one transaction, so the numbers
 * become what they would be had the block never happened:
 * - its items, answer history, reasons and answer changes (rows of the block: they go with it);
 * - its answers in answer_rollup (each scored item remembers the day it was added under: `rollup_day`);
 * - "repeat" flags of later attempts at the same questions (a later attempt counted this one as an earlier attempt);
 * - question_stats, recomputed from the attempts that remain (latest remaining outcome, attempt count, mark, reason);
 * - question cards: this block's reviews leave each card's history. A card whose newest review is this block's gets
 *   its exact pre-review row back; a card that then has no history left (this block created it) is removed. A card
 *   reviewed elsewhere since (a later block) keeps its current schedule — that later review was real study and was
 *   scheduled from what the student then knew — and only loses this block's review from its log.
 * - a block of an exam-day simulation takes its whole day with it (a day with a hole cannot continue).
 * The user's notes on questions stay: they belong to the question, not to the attempt.
 * Everything removed or changed is kept as one JSON snapshot in deleted_blocks; Undo puts back exactly those rows.
 */
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { loadBlock } from './state';

type Row = Record<string, unknown>;

interface StatsChange {
  questionId: number;
  before: Row | null;
  after: Row | null;
}
interface CardChange {
  /** The card row before deletion touched it. */
  before: Row;
  /** What deletion left: the reverted row, or null when the card was removed. */
  after: Row | null;
}
interface Snapshot {
  day: Row | null;
  blocks: Row[];
  items: Row[];
  events: Row[];
  reviews: Row[];
  logs: Row[];
  cards: CardChange[];
  stats: StatsChange[];
  /** Later attempts whose repeat count included an attempt of the deleted blocks: [block_id, position, by]. */
  repeats: [number, number, number][];
}

/** How many deleted blocks wait for Undo; older snapshots are dropped. */
const KEPT = 20;

/** The day expression of the rollup's insert trigger (migration "issue 11"): used when restored rows fire it. */
const INSERT_TRIGGER_DAY = "date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime')";

/**
 * Adds (sign 1) or removes (sign -1) the rollup contribution of the scored items chosen by `where` (over block_items i),
 * counted under the day `dayExpr` gives. Rows left empty are dropped, as if they had never been written.
 */
function applyRollup(db: Db, where: string, params: unknown[], sign: 1 | -1, dayExpr = 'i.rollup_day'): void {
  db.prepare(
    `INSERT INTO answer_rollup (dim, value, day, mode, first, n, correct, omitted, time_ms, over_pace, over_pace_correct)
     SELECT k.dim, CASE k.dim WHEN 'all' THEN '' WHEN 'system' THEN x.system WHEN 'discipline' THEN x.discipline WHEN 'pack' THEN x.pack ELSE x.exam END,
            x.day, x.mode, x.first, ${sign} * count(*), ${sign} * sum(x.correct), ${sign} * sum(x.omitted), ${sign} * sum(x.time_ms),
            ${sign} * sum(x.over_pace), ${sign} * sum(x.over_pace_correct)
     FROM (SELECT ${dayExpr} AS day, b.mode AS mode, coalesce(i.repeat_of, 0) = 0 AS first, coalesce(q.system, '') AS system,
                  coalesce(q.discipline, '') AS discipline, CAST(q.pack_id AS TEXT) AS pack, coalesce(q.exam, '') AS exam,
                  i.outcome = 'correct' AS correct, i.outcome = 'omitted' AS omitted, i.time_ms AS time_ms, i.time_ms > 90000 AS over_pace,
                  i.time_ms > 90000 AND i.outcome = 'correct' AS over_pace_correct
           FROM block_items i JOIN blocks b ON b.id = i.block_id JOIN questions q ON q.id = i.question_id
           WHERE i.outcome IS NOT NULL AND (${where})) AS x,
          (SELECT 'all' AS dim UNION ALL SELECT 'system' UNION ALL SELECT 'discipline' UNION ALL SELECT 'pack' UNION ALL SELECT 'exam') AS k
     WHERE true GROUP BY 1, 2, 3, 4, 5
     ON CONFLICT (dim, value, day, mode, first) DO UPDATE SET
       n = n + excluded.n, correct = correct + excluded.correct, omitted = omitted + excluded.omitted, time_ms = time_ms + excluded.time_ms,
       over_pace = over_pace + excluded.over_pace, over_pace_correct = over_pace_correct + excluded.over_pace_correct`,
  ).run(...params);
  db.prepare('DELETE FROM answer_rollup WHERE n = 0').run();
}

const IN_BLOCKS = 'i.block_id IN (SELECT value FROM json_each(?))';
const AT_ITEM = 'i.block_id = ? AND i.position = ?';

function insertRow(db: Db, table: string, row: Row): void {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

function updateRow(db: Db, table: string, row: Row, key: string): void {
  const cols = Object.keys(row).filter((c) => c !== key);
  db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE ${key} = @${key}`).run(row);
}

const sameRow = (a: Row | null | undefined, b: Row | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** When an attempt was scored: a tutor answer when submitted, the others when their block ended. */
const SCORED_AT = "coalesce((SELECT max(e.at) FROM answer_events e WHERE e.block_id = i.block_id AND e.position = i.position AND e.kind = 'submit'), b.finished_at)";

/** question_stats for one question, from the attempts that remain (as recordStats and markItem would have left it). */
function recomputeStats(db: Db, questionId: number): void {
  const latest = db
    .prepare(
      `SELECT i.block_id, i.position, i.outcome, i.reason, i.marked, ${SCORED_AT} AS at, count(*) OVER () AS attempts
       FROM block_items i JOIN blocks b ON b.id = i.block_id WHERE i.question_id = ? AND i.outcome IS NOT NULL
       ORDER BY at DESC, i.block_id DESC LIMIT 1`,
    )
    .get(questionId) as { block_id: number; position: number; outcome: string; reason: string | null; marked: number; at: number; attempts: number } | undefined;
  // A mark set in a block still open is written at once (markItem), before any outcome.
  const openMark = db
    .prepare("SELECT count(*) FROM block_items i JOIN blocks b ON b.id = i.block_id WHERE i.question_id = ? AND b.status <> 'finished' AND i.marked = 1")
    .pluck()
    .get(questionId) as number;
  db.prepare('DELETE FROM question_stats WHERE question_id = ?').run(questionId);
  if (!latest && !openMark) return;
  db.prepare(
    `INSERT INTO question_stats (question_id, attempts, last_outcome, last_answered_at, marked, last_block_id, last_position, last_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    questionId,
    latest?.attempts ?? 0,
    latest?.outcome ?? null,
    latest?.at ?? null,
    latest?.marked || openMark ? 1 : 0,
    latest?.block_id ?? null,
    latest?.position ?? null,
    latest?.reason ?? null,
  );
}

const statsRow = (db: Db, questionId: number) => (db.prepare('SELECT * FROM question_stats WHERE question_id = ?').get(questionId) as Row | undefined) ?? null;
const cardRow = (db: Db, id: number) => (db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as Row | undefined) ?? null;

/** Deletes a block (or its whole exam day) and everything it contributed; returns the id Undo needs. */
export function deleteBlock(db: Db, blockId: number, now: number): { undoId: number; blockIds: number[]; dayId: number | null } {
  return db.transaction(() => {
    const block = loadBlock(db, blockId);
    const dayId = block.day_id ?? null;
    const blockIds = dayId !== null ? (db.prepare('SELECT id FROM blocks WHERE day_id = ? ORDER BY id').pluck().all(dayId) as number[]) : [blockId];
    const ids = JSON.stringify(blockIds);
    const of = (sql: string) => db.prepare(sql).all(ids) as Row[];
    const snap: Snapshot = {
      day: dayId !== null ? (db.prepare('SELECT * FROM exam_days WHERE id = ?').get(dayId) as Row) : null,
      blocks: of('SELECT * FROM blocks WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id'),
      items: of('SELECT * FROM block_items WHERE block_id IN (SELECT value FROM json_each(?)) ORDER BY block_id, position'),
      events: of('SELECT * FROM answer_events WHERE block_id IN (SELECT value FROM json_each(?)) ORDER BY id'),
      reviews: of('SELECT * FROM block_item_reviews WHERE block_id IN (SELECT value FROM json_each(?)) ORDER BY block_id, position'),
      logs: [],
      cards: [],
      stats: [],
      repeats: [],
    };
    const questions = [...new Set(snap.items.map((i) => i.question_id as number))];
    for (const q of questions) snap.stats.push({ questionId: q, before: statsRow(db, q), after: null });

    // 1. The answers leave the rollup.
    applyRollup(db, IN_BLOCKS, [ids], -1);

    // 2. Later attempts counted these scored attempts as earlier ones: one fewer each (and maybe a first attempt now).
    snap.repeats = (
      db
        .prepare(
          `SELECT li.block_id, li.position, count(*) AS n
           FROM block_items i JOIN blocks b ON b.id = i.block_id
           JOIN block_items li ON li.question_id = i.question_id JOIN blocks lb ON lb.id = li.block_id
           WHERE ${IN_BLOCKS} AND i.outcome IS NOT NULL AND lb.id NOT IN (SELECT value FROM json_each(?)) AND lb.created_at >= ${SCORED_AT}
           GROUP BY li.block_id, li.position`,
        )
        .all(ids, ids) as { block_id: number; position: number; n: number }[]
    ).map((r): [number, number, number] => [r.block_id, r.position, r.n]);
    for (const [b, p, n] of snap.repeats) {
      applyRollup(db, AT_ITEM, [b, p], -1);
      db.prepare('UPDATE block_items SET repeat_of = max(0, coalesce(repeat_of, 0) - ?) WHERE block_id = ? AND position = ?').run(n, b, p);
      applyRollup(db, AT_ITEM, [b, p], 1);
    }

    // 3. The rows of the block: items, answer events, reasons, changes and card-review links cascade with it.
    db.prepare('DELETE FROM blocks WHERE id IN (SELECT value FROM json_each(?))').run(ids);
    if (dayId !== null) db.prepare('DELETE FROM exam_days WHERE id = ?').run(dayId);

    // 4. Cards: newest review first, so a card reviewed by two blocks of a day unwinds in order.
    const reviews = [...snap.reviews].filter((r) => (r.log_id as number) > 0).sort((a, b) => (b.log_id as number) - (a.log_id as number));
    for (const r of reviews) {
      const log = db.prepare('SELECT * FROM review_log WHERE id = ?').get(r.log_id) as Row | undefined;
      if (!log) continue;
      const cardId = log.card_id as number;
      const newest = db.prepare('SELECT max(id) FROM review_log WHERE card_id = ?').pluck().get(cardId) as number;
      snap.logs.push(log);
      db.prepare('DELETE FROM review_log WHERE id = ?').run(log.id);
      if (newest !== log.id || !log.snapshot) continue; // reviewed elsewhere since: keep its schedule
      const before = cardRow(db, cardId)!;
      const reverted = JSON.parse(log.snapshot as string) as Row;
      updateRow(db, 'cards', reverted, 'id');
      const history = db.prepare('SELECT count(*) FROM review_log WHERE card_id = ?').pluck().get(cardId) as number;
      const linked = db.prepare('SELECT count(*) FROM block_item_reviews WHERE card_id = ?').pluck().get(cardId) as number;
      const fresh = history === 0 && linked === 0 && reverted.reps === 0 && reverted.state === 0 && reverted.question_id !== null;
      if (fresh) db.prepare('DELETE FROM cards WHERE id = ?').run(cardId);
      snap.cards.push({ before, after: fresh ? null : cardRow(db, cardId) });
    }

    // 5. Each question's stats: its latest remaining attempt.
    for (const s of snap.stats) {
      recomputeStats(db, s.questionId);
      s.after = statsRow(db, s.questionId);
    }

    const undoId = Number(
      db.prepare('INSERT INTO deleted_blocks (deleted_at, block_ids, snapshot) VALUES (?, ?, ?)').run(now, ids, JSON.stringify(snap)).lastInsertRowid,
    );
    db.prepare('DELETE FROM deleted_blocks WHERE id <= ?').run(undoId - KEPT);
    return { undoId, blockIds, dayId };
  })();
}

/** Puts a deleted block (or day) back exactly as it was; refused when there is nothing to undo or its id was reused. */
export function undoDeleteBlock(db: Db, undoId: number): { blockIds: number[] } {
  return db.transaction(() => {
    const row = db.prepare('SELECT block_ids, snapshot FROM deleted_blocks WHERE id = ?').get(undoId) as { block_ids: string; snapshot: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'There is no deleted block to restore (it was restored already, or deleted too long ago).');
    const snap = JSON.parse(row.snapshot) as Snapshot;
    const blockIds = JSON.parse(row.block_ids) as number[];
    const taken = db.prepare('SELECT count(*) FROM blocks WHERE id IN (SELECT value FROM json_each(?))').pluck().get(row.block_ids) as number;
    const dayTaken = snap.day ? (db.prepare('SELECT count(*) FROM exam_days WHERE id = ?').pluck().get(snap.day.id) as number) : 0;
    if (taken || dayTaken) throw new AppError('CONFLICT', 'This block cannot be restored: a newer block has taken its number since it was deleted.');

    if (snap.day) insertRow(db, 'exam_days', snap.day);
    for (const b of snap.blocks) insertRow(db, 'blocks', b);
    for (const i of snap.items) insertRow(db, 'block_items', i);
    // The rollup's insert trigger just counted the scored items under their block's end day; put them back under the
    // day they were first counted on.
    applyRollup(db, IN_BLOCKS, [row.block_ids], -1, INSERT_TRIGGER_DAY);
    applyRollup(db, IN_BLOCKS, [row.block_ids], 1);
    for (const e of snap.events) insertRow(db, 'answer_events', e);

    // Cards before their log rows (the review-hours trigger reads the card); a card changed since is left as it is.
    for (const c of [...snap.cards].reverse()) {
      const current = cardRow(db, c.before.id as number);
      if (!current) insertRow(db, 'cards', c.before);
      else if (sameRow(current, c.after)) updateRow(db, 'cards', c.before, 'id');
    }
    for (const l of [...snap.logs].sort((a, b) => (a.id as number) - (b.id as number))) insertRow(db, 'review_log', l);
    for (const r of snap.reviews) insertRow(db, 'block_item_reviews', r);

    for (const [b, p, n] of snap.repeats) {
      if (!db.prepare('SELECT 1 FROM block_items WHERE block_id = ? AND position = ?').get(b, p)) continue;
      applyRollup(db, AT_ITEM, [b, p], -1);
      db.prepare('UPDATE block_items SET repeat_of = coalesce(repeat_of, 0) + ? WHERE block_id = ? AND position = ?').run(n, b, p);
      applyRollup(db, AT_ITEM, [b, p], 1);
    }

    for (const s of snap.stats) {
      if (!sameRow(statsRow(db, s.questionId), s.after)) {
        recomputeStats(db, s.questionId); // something else happened to this question since: recount it
        continue;
      }
      db.prepare('DELETE FROM question_stats WHERE question_id = ?').run(s.questionId);
      if (s.before) insertRow(db, 'question_stats', s.before);
    }
    db.prepare('DELETE FROM deleted_blocks WHERE id = ?').run(undoId);
    return { blockIds };
  })();
}
