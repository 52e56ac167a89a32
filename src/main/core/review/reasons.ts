/** Why-I-missed-it: one reason per attempt (block item), changeable; the latest attempt's reason is mirrored in question_stats. */
import { MISS_REASON_LABELS, REASONS_FOR_CORRECT, type MissReason } from '../../../shared/reasons';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { onItemTaggedGuessed } from '../srs/questionCards';

/** Tags (or with null clears) the reason of one scored item, in one transaction. */
export function tagReason(db: Db, blockId: number, position: number, reason: MissReason | null, now: number): void {
  db.transaction(() => {
    const item = db.prepare('SELECT question_id, outcome FROM block_items WHERE block_id = ? AND position = ?').get(blockId, position) as
      | { question_id: number; outcome: string | null }
      | undefined;
    if (!item) throw new AppError('NOT_FOUND', `Block ${blockId} has no item ${position + 1}`, [{ field: 'position', message: 'no such item' }]);
    if (item.outcome === null) {
      throw new AppError('CONFLICT', `Item ${position + 1} has not been scored yet: tag a reason once the block ends (or the answer is submitted).`, [
        { field: 'position', message: 'item not scored yet' },
      ]);
    }
    if (reason !== null && item.outcome === 'correct' && !REASONS_FOR_CORRECT.includes(reason)) {
      throw new AppError('BAD_INPUT', `Item ${position + 1} was answered correctly: the only reason it takes is "Guessed", not "${MISS_REASON_LABELS[reason]}".`, [
        { field: 'reason', message: 'a correct answer can only be tagged guessed' },
      ]);
    }
    db.prepare('UPDATE block_items SET reason = ? WHERE block_id = ? AND position = ?').run(reason, blockId, position);
    db.prepare('UPDATE question_stats SET last_reason = ? WHERE question_id = ? AND last_block_id = ? AND last_position = ?').run(reason, item.question_id, blockId, position);
    // A guess is not knowledge: the question gets a review card (issue 9), in the same transaction as the tag.
    if (reason === 'guessed') onItemTaggedGuessed(db, blockId, position, now);
  })();
}
