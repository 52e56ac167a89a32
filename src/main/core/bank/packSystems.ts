/**
 * The opt-in step for packs imported without systems (MedQA): infer each untagged question's system from its own words
 * (inferSystem.ts), preview it, apply it — stored with `system_inferred = 1` — or remove exactly what was inferred.
 * Applying or removing moves the answers already given on those questions between the dashboard's system rows.
 */
import { AppError } from '../../../shared/result';
import type { InferSystemsAction, InferSystemsResult } from '../../../shared/types';
import type { Db } from '../db/open';
import { inferSystem } from './inferSystem';

/** Choice HTML back to the words (choices are inline Markdown rendered to escaped HTML). */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function inferPackSystems(db: Db, packId: number, action: InferSystemsAction, now: number): InferSystemsResult {
  if (!db.prepare('SELECT 1 FROM packs WHERE id = ? AND removed_at IS NULL').get(packId)) throw new AppError('NOT_FOUND', `No pack ${packId}`);
  return db.transaction((): InferSystemsResult => {
    if (action === 'remove') {
      const removed = db.prepare('UPDATE questions SET system = NULL, system_inferred = 0, updated_at = ? WHERE pack_id = ? AND system_inferred = 1').run(now, packId).changes;
      if (removed) rebuildSystemRollup(db);
      return { packId, action, considered: 0, tagged: 0, removed, bySystem: [], questions: [] };
    }
    // The stem's search text is already plain; the correct answer's words count too ("Coarctation of the aorta").
    const rows = db
      .prepare(
        `SELECT q.id, q.source_id AS sourceId, f.stem, c.text_html AS answer FROM questions q
         JOIN questions_fts f ON f.rowid = q.id LEFT JOIN choices c ON c.question_id = q.id AND c.idx = q.answer_index
         WHERE q.pack_id = ? AND q.system IS NULL AND q.retired = 0 ORDER BY q.id`,
      )
      .all(packId) as { id: number; sourceId: string; stem: string; answer: string | null }[];
    const questions: InferSystemsResult['questions'] = [];
    const set = db.prepare('UPDATE questions SET system = ?, system_inferred = 1, updated_at = ? WHERE id = ?');
    const counts = new Map<string, number>();
    for (const r of rows) {
      const found = inferSystem(`${r.stem}\n${textOf(r.answer ?? '')}`);
      if (!found) continue;
      questions.push({ sourceId: r.sourceId, system: found.system });
      counts.set(found.system, (counts.get(found.system) ?? 0) + 1);
      if (action === 'apply') set.run(found.system, now, r.id);
    }
    if (action === 'apply' && questions.length) rebuildSystemRollup(db);
    const bySystem = [...counts].map(([system, count]) => ({ system, count })).sort((a, b) => b.count - a.count || a.system.localeCompare(b.system));
    return { packId, action, considered: rows.length, tagged: questions.length, removed: 0, bySystem, questions };
  })();
}

/**
 * The dashboard's rollup files each answer under its question's system when it is scored; a question whose system is
 * inferred (or un-inferred) later would stay under "Not tagged". The system rows are rebuilt from the answers, each on
 * the day it was rolled up under (`rollup_day`, which deleting a block subtracts from), else the block's end as migration
 * "issue 11" dated the answers it found, so they add up to the same totals.
 */
function rebuildSystemRollup(db: Db): void {
  db.prepare("DELETE FROM answer_rollup WHERE dim = 'system'").run();
  db.prepare(
    `INSERT INTO answer_rollup (dim, value, day, mode, first, n, correct, omitted, time_ms, over_pace, over_pace_correct)
     SELECT 'system', coalesce(q.system, ''), coalesce(i.rollup_day, date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime')), b.mode,
            coalesce(i.repeat_of, 0) = 0, count(*), total(i.outcome = 'correct'), total(i.outcome = 'omitted'), total(i.time_ms),
            total(i.time_ms > 90000), total(i.time_ms > 90000 AND i.outcome = 'correct')
     FROM block_items i JOIN blocks b ON b.id = i.block_id JOIN questions q ON q.id = i.question_id
     WHERE i.outcome IS NOT NULL GROUP BY 2, 3, 4, 5`,
  ).run();
}
