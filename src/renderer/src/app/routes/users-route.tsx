import { useMemo } from 'react';
import { useSession } from '../../features/auth/api/get-session';
import { PoliciesPanel } from '../../features/policies/components/policies-panel';
import { UserPoliciesPanel } from '../../features/policies/components/user-policies-panel';
import { useRooms } from '../../features/rooms/api/get-rooms';
import { TopicFeedsPanel } from '../../features/topic-feeds/components/topic-feeds-panel';
import { useUsers } from '../../features/users/api/get-users';
import { UsersScreen } from '../../features/users/components/users-screen';

export function UsersRoute() {
  const session = useSession();
  const users = useUsers();
  const rooms = useRooms({});
  const policyUsers = useMemo(
    () =>
      (users.data ?? [])
        .map(({ id, sipUri, displayName }) => ({ id, sipUri, displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    [users.data],
  );
  const feedRooms = useMemo(
    () => (rooms.data ?? []).map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    [rooms.data],
  );
  return (
    <>
      <UsersScreen signedInUserId={session.data?.user.id} />
      <div style={{ marginTop: 24 }}>
        <PoliciesPanel />
        <UserPoliciesPanel users={policyUsers} />
        <TopicFeedsPanel users={policyUsers} rooms={feedRooms} />
      </div>
    </>
  );
}
