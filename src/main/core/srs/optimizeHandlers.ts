import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { cancelOptimizer, runOptimizer } from './optimizeService';

export function optimizerHandlers(ctx: CoreContext) {
  return {
    'cards:optimize': (input) => runOptimizer(ctx, input.apply),
    'cards:optimizeCancel': () => cancelOptimizer(),
  } satisfies HandlerMap<'cards:optimize' | 'cards:optimizeCancel'>;
}
