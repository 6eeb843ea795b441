import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { policyKeys } from './policy-keys';

export const policyQueries = {
  list: () =>
    queryOptions({
      queryKey: policyKeys.list(),
      queryFn: () => callAdmin('policies.list', {}),
      select: (result) => result.items,
    }),
  /** The policy that decides for a user: per-user → site → global. */
  effective: (userId: string) =>
    queryOptions({
      queryKey: policyKeys.effective(userId),
      queryFn: () => callAdmin('policies.effective', { userId }),
    }),
};

export function usePolicies() {
  return useQuery(policyQueries.list());
}

export function useEffectivePolicies(userIds: string[]) {
  return useQueries({
    queries: userIds.map((id) => policyQueries.effective(id)),
    combine: (results) => new Map(userIds.map((id, index) => [id, results[index]?.data] as const)),
  });
}
