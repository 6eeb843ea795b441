import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AdminInput } from '../../../../../server/admin-api/contract';
import { callAdmin } from '../../../api/admin-client';
import { roomKeys } from './room-keys';

type EligibleInput = AdminInput<'rooms.eligiblePrincipals'>;

export const eligibleQueries = {
  /** `Get-CsPersistentChatEligiblePrincipal`: the users (groups expanded) who may hold a role. */
  list: (input: EligibleInput) =>
    queryOptions({
      queryKey: [...roomKeys.all, 'eligible', input] as const,
      queryFn: () => callAdmin('rooms.eligiblePrincipals', input),
      select: (result) => result.items,
    }),
};

export function useEligiblePrincipals(input: EligibleInput | null) {
  return useQuery({ ...eligibleQueries.list(input ?? { role: 'member' }), enabled: input !== null });
}
