import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { dayState, nextBlock, startDay } from './days';

export function dayHandlers(ctx: CoreContext) {
  const { db, clock } = ctx;
  return {
    'days:start': (input) => {
      const id = startDay(db, input, clock.now(), Math.random);
      return dayState(db, id, clock.now());
    },
    'days:get': ({ dayId }) => dayState(db, dayId, clock.now()),
    'days:next': ({ dayId }) => {
      nextBlock(db, dayId, clock.now());
      return dayState(db, dayId, clock.now());
    },
  } satisfies HandlerMap<'days:start' | 'days:get' | 'days:next'>;
}
