/** React Query hooks over the client: one key per method + input, so screens share cached results. */
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, Method, Output } from '../shared/contract';
import { call, type ApiError } from './api';

export function useApi<M extends Method>(method: M, input: Input<M>, options: Partial<UseQueryOptions<Output<M>, ApiError>> = {}) {
  return useQuery<Output<M>, ApiError>({ queryKey: [method, input], queryFn: () => call(method, input), ...options });
}

/** A mutation that refreshes the given methods' cached results when it succeeds. */
export function useApiMutation<M extends Method>(method: M, invalidates: Method[] = []) {
  const client = useQueryClient();
  return useMutation<Output<M>, ApiError, Input<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => Promise.all(invalidates.map((m) => client.invalidateQueries({ queryKey: [m] }))),
  });
}
