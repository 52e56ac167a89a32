/** Bench rows for issue 8: the review-missed queue, notebook search and block results on the big bank. */
import type { Api } from '../src/main/core/api';
import type { Db } from '../src/main/core/db/open';
import { MISS_REASONS } from '../src/shared/reasons';
import { recordChanges } from '../src/main/core/review/answerChanges';

type Record = (name: string, unit: string, samples: number[], budget: number | null, baseline?: number[]) => void;
type Time = (fn: () => unknown) => Promise<number>;

/** The synthetic history is written straight to the tables: give it what the app keeps (latest-attempt pointer, reasons, notes). */
export function seedReviewHistory(db: Db, notes: number): void {
  db.transaction(() => {
    // A reason on every third incorrect answer.
    db.prepare(`UPDATE block_items SET reason = json_extract(?, '$[' || (question_id % 6) || ']') WHERE outcome = 'incorrect' AND (block_id + position) % 3 = 0`).run(
      JSON.stringify(MISS_REASONS),
    );
    // Answer history: every answer selected once, one in ten changed from another choice first.
    db.exec(`INSERT INTO answer_events (block_id, position, at, choice, kind)
      SELECT block_id, position, 0, (selected + 1) % 5, 'select' FROM block_items WHERE (block_id * 7 + position) % 10 = 0`);
    db.exec(`INSERT INTO answer_events (block_id, position, at, choice, kind) SELECT block_id, position, 1, selected, 'select' FROM block_items`);
    for (const blockId of db.prepare('SELECT id FROM blocks').pluck().all() as number[]) recordChanges(db, blockId);
    db.exec(`UPDATE question_stats SET (last_block_id, last_position) = (
      SELECT i.block_id, i.position FROM block_items i WHERE i.question_id = question_stats.question_id AND i.outcome IS NOT NULL
      ORDER BY i.block_id DESC LIMIT 1)`);
    db.exec(`UPDATE question_stats SET last_reason = (SELECT i.reason FROM block_items i WHERE i.block_id = question_stats.last_block_id AND i.position = question_stats.last_position)`);
    const rows = db.prepare('SELECT q.id, q.system, f.stem FROM questions q JOIN questions_fts f ON f.rowid = q.id ORDER BY q.id LIMIT ?').all(notes) as { id: number; system: string | null; stem: string }[];
    const insert = db.prepare("INSERT INTO notes (origin, question_id, title, body_md, body_html, system, created_at, updated_at) VALUES ('user', ?, ?, ?, ?, ?, ?, ?)");
    const fts = db.prepare('INSERT INTO notes_fts (rowid, title, body) VALUES (?, ?, ?)');
    for (const r of rows) {
      const body = `Remember: ${r.stem.slice(0, 400)}`;
      const id = Number(insert.run(r.id, body.slice(0, 60), body, `<p>${body}</p>`, r.system, Date.now(), Date.now()).lastInsertRowid);
      fts.run(id, body.slice(0, 60), body);
    }
  })();
}

export async function benchReview(db: Db, api: Api, record: Record, time: Time): Promise<void> {
  const systems = db.prepare('SELECT DISTINCT system FROM questions WHERE system IS NOT NULL LIMIT 4').pluck().all() as string[];
  const missed: number[] = [];
  for (let i = 0; i < 24; i++) {
    const filters = i % 3 === 0 ? {} : i % 3 === 1 ? { systems: [systems[i % systems.length]!] } : { reasons: [MISS_REASONS[i % 6]!], includeMarked: true };
    missed.push(await time(() => api.call('review:missed', { filters, page: 0, pageSize: 50 })));
  }
  const raw = db.prepare("SELECT count(*) FROM question_stats WHERE last_outcome IN ('incorrect', 'omitted') OR last_reason = 'guessed'").pluck();
  const baseline: number[] = [];
  for (let i = 0; i < 24; i++) baseline.push(await time(() => raw.get()));
  record('review-missed list (first page + counts)', 'ms', missed, 50, baseline);

  const words = ['woman', 'fever', 'pain', 'chest', 'history', 'remember', 'blood pressure', 'emergency department'];
  const search: number[] = [];
  for (let i = 0; i < 24; i++) search.push(await time(() => api.call('notes:search', { query: words[i % words.length]!, limit: 50 })));
  const rawNotes = db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rank LIMIT 50').pluck();
  const baseNotes: number[] = [];
  for (let i = 0; i < 24; i++) baseNotes.push(await time(() => rawNotes.all(`"${words[i % words.length]!}"*`)));
  record('notebook search', 'ms', search, 50, baseNotes);

  const blockIds = db.prepare("SELECT id FROM blocks WHERE status = 'finished' ORDER BY id DESC LIMIT 24").pluck().all() as number[];
  const results: number[] = [];
  for (const blockId of blockIds) results.push(await time(() => api.call('review:results', { blockId })));
  record('block results (40 items, changes, reasons)', 'ms', results, 50);

  const changes: number[] = [];
  const kinds = [undefined, 'correct_to_incorrect', 'incorrect_to_correct', 'incorrect_to_incorrect'] as const;
  for (let i = 0; i < 12; i++) changes.push(await time(() => api.call('review:changes', kinds[i % 4] ? { kind: kinds[i % 4] } : {})));
  record('answer changes across all blocks (counts + newest 500)', 'ms', changes, 100);
}
