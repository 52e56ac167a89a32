/** A finished block's results: counts, pace, reasons, answer changes and one row per item, all from the revision answered. */
import type { MissReason } from '../../../shared/reasons';
import type { BlockResults, Outcome, ResultItem, ReviewItem } from '../../../shared/review';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { ITEM_ANSWER_SQL } from '../bank/revisions';
import { htmlToText } from '../bank/sanitize';
import { advance } from '../blocks/actions';
import { itemView, summaryOf } from '../blocks/state';
import { relatedNotes } from '../notes/queries';
import { blockChanges, zeroCounts } from './answerChanges';

const STEM_START = 140;
/** The first `n` characters, with an ellipsis when there was more. */
export const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n).trimEnd()}…` : text);

interface Row {
  position: number;
  question_id: number;
  outcome: Outcome | null;
  marked: number;
  time_ms: number;
  selected: number | null;
  reason: MissReason | null;
  answer: number;
  system: string | null;
  system_inferred: number;
  discipline: string | null;
  stem_start: string | null;
  old_stem: string | null;
}

export function blockResults(db: Db, blockId: number, now: number): BlockResults {
  const block = advance(db, blockId, now);
  if (block.status !== 'finished') throw new AppError('CONFLICT', `Block ${blockId} is not finished: results appear when it ends.`);
  const rows = db
    .prepare(
      `SELECT i.position, i.question_id, i.outcome, i.marked, i.time_ms, i.selected, i.reason, ${ITEM_ANSWER_SQL} AS answer,
         q.system, q.system_inferred, q.discipline, substr(f.stem, 1, ${STEM_START + 1}) AS stem_start,
         CASE WHEN i.revision <> q.revision THEN (SELECT json_extract(r.content, '$.stem') FROM question_revisions r
           WHERE r.question_id = i.question_id AND r.revision = i.revision) END AS old_stem
       FROM block_items i JOIN questions q ON q.id = i.question_id LEFT JOIN questions_fts f ON f.rowid = q.id
       WHERE i.block_id = ? ORDER BY i.position`,
    )
    .all(blockId) as Row[];
  const changes = blockChanges(db, blockId);
  const perItem = new Map<number, ReturnType<typeof zeroCounts>>();
  for (const c of changes.items) {
    const counts = perItem.get(c.position) ?? zeroCounts();
    counts[c.kind]++;
    perItem.set(c.position, counts);
  }
  const items: ResultItem[] = rows.map((r) => ({
    position: r.position,
    questionId: r.question_id,
    outcome: r.outcome ?? 'omitted',
    marked: r.marked === 1,
    timeMs: r.time_ms,
    selected: r.selected,
    answer: r.answer,
    changes: perItem.get(r.position) ?? zeroCounts(),
    reason: r.reason,
    system: r.system,
    ...(r.system_inferred === 1 ? { systemInferred: true } : {}),
    discipline: r.discipline,
    stemStart: clip(r.old_stem !== null ? htmlToText(r.old_stem) : (r.stem_start ?? ''), STEM_START),
  }));
  const count = (pred: (i: ResultItem) => boolean) => items.filter(pred).length;
  const reasons: BlockResults['reasons'] = {};
  for (const i of items) if (i.reason) reasons[i.reason] = (reasons[i.reason] ?? 0) + 1;
  const summary = summaryOf(block, count((i) => i.selected !== null), now);
  return {
    block: summary,
    counts: {
      correct: count((i) => i.outcome === 'correct'),
      incorrect: count((i) => i.outcome === 'incorrect'),
      omitted: count((i) => i.outcome === 'omitted'),
      marked: count((i) => i.marked),
      changed: perItem.size,
    },
    paceSeconds: block.time_limit_ms !== null && block.item_count ? block.time_limit_ms / 1000 / block.item_count : null,
    averageSeconds: items.length ? items.reduce((s, i) => s + i.timeMs, 0) / 1000 / items.length : 0,
    reasons,
    changes: changes.counts,
    items,
  };
}

/** One item for review: only once its answer may be shown (block ended, or tutor answer submitted). */
export function reviewItem(db: Db, blockId: number, position: number, now: number): ReviewItem {
  const view = itemView(db, advance(db, blockId, now), position);
  if (view.question.answerIndex === undefined) throw new AppError('CONFLICT', `Item ${position + 1} of block ${blockId} can be reviewed once the block ends.`);
  const history = db
    .prepare("SELECT choice FROM answer_events WHERE block_id = ? AND position = ? AND kind = 'select' AND choice IS NOT NULL ORDER BY id")
    .pluck()
    .all(blockId, position) as number[];
  const answerHistory = history.filter((c, i) => i === 0 || c !== history[i - 1]);
  return { ...view, relatedNotes: relatedNotes(db, view.question.id).filter((n) => !(n.origin === 'user' && n.questionId === view.question.id)), answerHistory };
}
