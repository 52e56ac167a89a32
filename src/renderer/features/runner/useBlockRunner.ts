/**
 * The runner's state: the block (from the core, refreshed by every action and a 1-second tick that also persists
 * time) and the item on screen (prefetched one ahead so "Next" answers at once). Every action awaits the core,
 * so what the screen shows has been written to disk.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BlockState, Highlight, ItemView } from '../../../shared/types';
import { call, type ApiError } from '../../api';

const blockKey = (blockId: number) => ['runner:block', blockId];
const itemKey = (blockId: number, position: number) => ['runner:item', blockId, position];

export function useBlockRunner(blockId: number) {
  const client = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [tickAt, setTickAt] = useState(() => performance.now());

  // Opening the runner resumes the block: its clock starts again where it stopped.
  const block = useQuery<BlockState, ApiError>({
    queryKey: blockKey(blockId),
    queryFn: () => call('blocks:resume', { blockId }),
    staleTime: Infinity,
  });
  const state = block.data;
  const position = state?.currentPosition ?? 0;

  const fetchItem = useCallback((p: number) => call('blocks:item', { blockId, position: p }), [blockId]);
  const item = useQuery<ItemView, ApiError>({
    queryKey: itemKey(blockId, position),
    queryFn: () => fetchItem(position),
    enabled: !!state,
    staleTime: Infinity,
  });

  // Prefetch the neighbours so moving between items never waits on the network.
  useEffect(() => {
    if (!state) return;
    for (const p of [position + 1, position - 1]) {
      if (p >= 0 && p < state.itemCount) void client.prefetchQuery({ queryKey: itemKey(blockId, p), queryFn: () => fetchItem(p), staleTime: Infinity });
    }
  }, [client, blockId, position, state, fetchItem]);

  const setState = useCallback(
    (next: BlockState) => {
      client.setQueryData(blockKey(blockId), next);
      setTickAt(performance.now());
    },
    [client, blockId],
  );

  /** Applies an item's new state locally (selection, strikes…) without refetching its question. */
  const patchItem = useCallback(
    (next: BlockState) => {
      setState(next);
      for (const it of next.items) {
        client.setQueryData<ItemView>(itemKey(blockId, it.position), (old) => (old ? { ...old, item: it } : old));
      }
    },
    [client, blockId, setState],
  );

  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        setError(null);
        return await fn();
      } catch (e) {
        setError(e as ApiError);
        // The block may have ended (time up) in the meantime: refresh it.
        void call('blocks:get', { blockId }).then(setState, () => undefined);
        return undefined;
      }
    },
    [blockId, setState],
  );

  const running = !!state && state.status === 'in_progress';
  // The 1-second tick: the core folds elapsed time into the block and answers with the remaining time.
  const tickRef = useRef<number | null>(null);
  useEffect(() => {
    if (!running) return;
    tickRef.current = window.setInterval(() => {
      void call('blocks:tick', { blockId }).then(setState, () => undefined);
    }, 1000);
    return () => {
      if (tickRef.current !== null) window.clearInterval(tickRef.current);
    };
  }, [running, blockId, setState]);

  const actions = {
    goto: (p: number) => {
      if (!state || p < 0 || p >= state.itemCount || p === position) return;
      performance.mark('vignette:navigate');
      return run(async () => setState(await call('blocks:goto', { blockId, position: p })));
    },
    select: (choice: number | null) => run(async () => patchItem(await call('blocks:select', { blockId, position, choice }))),
    strike: (choice: number, struck: boolean) => run(async () => patchItem(await call('blocks:strike', { blockId, position, choice, struck }))),
    mark: (marked: boolean) => run(async () => patchItem(await call('blocks:mark', { blockId, position, marked }))),
    highlight: (highlights: Highlight[]) => run(async () => patchItem(await call('blocks:highlight', { blockId, position, highlights }))),
    note: (text: string) => run(() => call('blocks:note', { blockId, position, text })),
    submit: () =>
      run(async () => {
        const view = await call('blocks:submit', { blockId, position });
        client.setQueryData(itemKey(blockId, position), view);
        setState(await call('blocks:get', { blockId }));
      }),
    pause: () => run(async () => setState(await call('blocks:pause', { blockId }))),
    resume: () => run(async () => setState(await call('blocks:resume', { blockId }))),
    suspend: () => run(async () => setState(await call('blocks:suspend', { blockId }))),
    end: (keepUnanswered?: boolean) => run(async () => setState(await call('blocks:end', { blockId, ...(keepUnanswered ? { keepUnanswered } : {}) }))),
  };

  return { state, item: item.data, loading: block.isLoading || item.isLoading, error: error ?? block.error ?? item.error, tickAt, actions };
}
