/**
 * Deleting a block and undoing it on a big history (issue 14): a 40-item timed block answered and ended on the bench
 * bank, then delete → undo, several times. Both are clicks, so the budget is 100 ms each.
 */
import type { Api } from '../src/main/core/api';
import type { Db } from '../src/main/core/db/open';

type Record = (name: string, unit: string, samples: number[], budget: number | null) => void;
type Time = (fn: () => unknown | Promise<unknown>) => Promise<number>;

export async function benchDeleteBlock(db: Db, api: Api, record: Record, time: Time, rounds = 7): Promise<void> {
  const del: number[] = [];
  const undo: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const block = await api.call('blocks:create', { filters: {}, size: 40, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 100 + r });
    for (const item of block.items.slice(0, 30)) {
      const key = db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(item.questionId) as number;
      await api.call('blocks:select', { blockId: block.id, position: item.position, choice: item.position % 3 === 0 ? (key + 1) % 4 : key });
    }
    await api.call('blocks:end', { blockId: block.id });
    let undoId = 0;
    del.push(await time(async () => ({ undoId } = await api.call('blocks:delete', { blockId: block.id }))));
    undo.push(await time(() => api.call('blocks:undoDelete', { undoId })));
  }
  record('delete a finished 40-item block', 'ms', del, 100);
  record('undo that delete', 'ms', undo, 100);
}
