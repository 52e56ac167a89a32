import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { createBlock, countAvailable } from './builder';
import { act, advance, finishBlock, keepUnscoredBlock, gotoItem, markItem, selectChoice, setHighlights, setRunning, strikeChoice, submitItem } from './actions';
import { blockState, itemView, listBlocks, loadBlock } from './state';
import { writeSettings } from '../settings/settings';
import { deleteBlock, undoDeleteBlock } from './deletion';
import { AppError } from '../../../shared/result';
import { saveQuestionNote } from '../notes/write';
import type { Db } from '../db/open';

function questionOfItem(db: Db, blockId: number, position: number): number {
  const questionId = db.prepare('SELECT question_id FROM block_items WHERE block_id = ? AND position = ?').pluck().get(blockId, position) as number | undefined;
  if (questionId === undefined) throw new AppError('NOT_FOUND', `Block ${blockId} has no item ${position + 1}`);
  return questionId;
}

type BlockMethods =
  | 'blocks:count'
  | 'blocks:create'
  | 'blocks:list'
  | 'blocks:get'
  | 'blocks:item'
  | 'blocks:goto'
  | 'blocks:select'
  | 'blocks:submit'
  | 'blocks:strike'
  | 'blocks:mark'
  | 'blocks:highlight'
  | 'blocks:note'
  | 'blocks:tick'
  | 'blocks:pause'
  | 'blocks:resume'
  | 'blocks:suspend'
  | 'blocks:end'
  | 'blocks:delete'
  | 'blocks:undoDelete';

export function blockHandlers(ctx: CoreContext) {
  const { db, clock } = ctx;
  const now = () => clock.now();
  const state = (blockId: number) => blockState(db, loadBlock(db, blockId), now());

  return {
    'blocks:count': ({ filters }) => ({ available: countAvailable(db, filters) }),
    'blocks:create': (spec) => {
      const id = createBlock(db, spec, now(), Math.random);
      // A one-off pool (review-missed, due cards) is not a setting to start the next block from.
      writeSettings(db, { lastBlock: { ...spec, seed: undefined, filters: { ...spec.filters, questionIds: undefined } } as typeof spec });
      return state(id);
    },
    'blocks:list': ({ status }) => listBlocks(db, status, now()),
    'blocks:get': ({ blockId }) => blockState(db, advance(db, blockId, now()), now()),
    'blocks:item': ({ blockId, position }) => itemView(db, advance(db, blockId, now()), position),
    'blocks:goto': ({ blockId, position }) => {
      act(db, blockId, now(), position, (b) => gotoItem(db, b, position, now()));
      return state(blockId);
    },
    'blocks:select': ({ blockId, position, choice }) => {
      act(db, blockId, now(), position, (b) => selectChoice(db, b, position, choice, now()));
      return state(blockId);
    },
    'blocks:submit': ({ blockId, position }) => {
      act(db, blockId, now(), position, (b) => submitItem(db, b, position, now()));
      return itemView(db, loadBlock(db, blockId), position);
    },
    'blocks:strike': ({ blockId, position, choice, struck }) => {
      act(db, blockId, now(), position, (b) => strikeChoice(db, b, position, choice, struck));
      return state(blockId);
    },
    'blocks:mark': ({ blockId, position, marked }) => {
      act(db, blockId, now(), position, (b) => markItem(db, b, position, marked));
      return state(blockId);
    },
    'blocks:highlight': ({ blockId, position, highlights }) => {
      act(db, blockId, now(), position, (b) => setHighlights(db, b, position, highlights));
      return state(blockId);
    },
    'blocks:note': ({ blockId, position, text }) => {
      // A note may be written during the block or while reviewing it afterwards.
      const t = now();
      db.transaction(() => saveQuestionNote(db, questionOfItem(db, blockId, position), text, t))();
      return { savedAt: t };
    },
    'blocks:tick': ({ blockId }) => blockState(db, advance(db, blockId, now()), now()),
    'blocks:pause': ({ blockId }) => {
      act(db, blockId, now(), undefined, (b) => {
        // Like the real exam, a timed block's clock keeps running through a pause unless the user chose otherwise.
        if (b.mode !== 'timed' || b.pause_stops_clock) setRunning(db, b, false, now());
      });
      return state(blockId);
    },
    'blocks:resume': ({ blockId }) => {
      const b = advance(db, blockId, now());
      if (b.status === 'finished') return blockState(db, b, now());
      db.transaction(() => {
        if (b.running_since === null) setRunning(db, b, true, now(), 'in_progress');
      })();
      return state(blockId);
    },
    'blocks:suspend': ({ blockId }) => {
      const b = advance(db, blockId, now());
      if (b.status === 'finished') throw new AppError('CONFLICT', 'This block has ended.');
      db.transaction(() => setRunning(db, b, false, now(), 'suspended'))();
      return state(blockId);
    },
    'blocks:end': ({ blockId, keepUnanswered }) => {
      const b = advance(db, blockId, now());
      if (b.status !== 'finished') db.transaction(() => finishBlock(db, b, now(), 'user', keepUnanswered))();
      else if (keepUnanswered) db.transaction(() => keepUnscoredBlock(db, b))();
      return state(blockId);
    },
    'blocks:delete': ({ blockId }) => deleteBlock(db, blockId, now()),
    'blocks:undoDelete': ({ undoId }) => undoDeleteBlock(db, undoId),
  } satisfies HandlerMap<BlockMethods>;
}
