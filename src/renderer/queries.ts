/** React Query hooks over the client: one key per method + input, so screens share cached results. */
import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, Method, Output } from '../shared/contract';
import { staleAfter } from '../shared/invalidation';
import { call, type ApiError } from './api';

export function useApi<M extends Method>(method: M, input: Input<M>, options: Partial<UseQueryOptions<Output<M>, ApiError>> = {}) {
  return useQuery<Output<M>, ApiError>({ queryKey: [method, input], queryFn: () => call(method, input), ...options });
}

/**
 * Refetches what a successful call made stale, from the one table in shared/invalidation.ts. A dry run changes nothing.
 * `also` adds methods for a screen that needs more (kept for call sites written before the table).
 */
export function invalidateAfter(client: QueryClient, method: Method, input?: unknown, also: Method[] = []): Promise<unknown> {
  if ((input as { dryRun?: boolean } | undefined)?.dryRun) return Promise.resolve();
  const stale = new Set<Method>([...staleAfter(method), ...also]);
  return client.invalidateQueries({ predicate: (q) => stale.has(q.queryKey[0] as Method) });
}

/** A mutation that refreshes every cached result its method makes stale when it succeeds. */
export function useApiMutation<M extends Method>(method: M, also: Method[] = []) {
  const client = useQueryClient();
  return useMutation<Output<M>, ApiError, Input<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: (_value, input) => invalidateAfter(client, method, input, also),
  });
}
