/**
 * What the principal pickers offer (category scope, room roles, group members): users by SIP URI
 * and groups as `group:{id}`. Composed here because it joins the users and groups features.
 */
import { useMemo } from 'react';
import type { PrincipalOption } from '../components/ui/principal-list-editor';
import { useGroups } from '../features/groups/api/get-groups';
import { useUsers } from '../features/users/api/get-users';

export function useUserOptions(): PrincipalOption[] {
  const users = useUsers();
  return useMemo(
    () =>
      (users.data ?? [])
        .map((u) => ({ value: u.sipUri, label: `${u.displayName} (${u.sipUri})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [users.data],
  );
}

export function usePrincipalOptions(): PrincipalOption[] {
  const userOptions = useUserOptions();
  const groups = useGroups();
  return useMemo(
    () => [
      ...userOptions,
      ...(groups.data ?? [])
        .map((g) => ({ value: `group:${g.id}`, label: `Group: ${g.name}` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    ],
    [userOptions, groups.data],
  );
}
