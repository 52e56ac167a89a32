import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { allChanges, blockChanges } from './answerChanges';
import { latestAttempt, listMissed, missedQuestionIds } from './missed';
import { tagReason } from './reasons';
import { blockResults, reviewItem } from './results';

type ReviewMethods = 'review:results' | 'review:item' | 'review:changes' | 'review:tag' | 'review:missed' | 'review:missedIds' | 'review:latest';

export function reviewHandlers(ctx: CoreContext) {
  const { db, clock } = ctx;
  return {
    'review:results': ({ blockId }) => blockResults(db, blockId, clock.now()),
    'review:item': ({ blockId, position }) => reviewItem(db, blockId, position, clock.now()),
    'review:changes': ({ blockId, kind }) => {
      if (blockId === undefined) return allChanges(db, kind);
      const changes = blockChanges(db, blockId);
      return kind ? { ...changes, items: changes.items.filter((i) => i.kind === kind) } : changes;
    },
    'review:tag': ({ blockId, position, reason }) => {
      tagReason(db, blockId, position, reason, clock.now());
      return { reason };
    },
    'review:missed': ({ filters, page, pageSize }) => listMissed(db, filters, page, pageSize),
    'review:missedIds': ({ filters }) => ({ questionIds: missedQuestionIds(db, filters) }),
    'review:latest': ({ questionId }) => latestAttempt(db, questionId),
  } satisfies HandlerMap<ReviewMethods>;
}
