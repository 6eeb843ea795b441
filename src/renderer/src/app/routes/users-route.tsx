import { useSession } from '../../features/auth/api/get-session';
import { UsersScreen } from '../../features/users/components/users-screen';

export function UsersRoute() {
  const session = useSession();
  return <UsersScreen signedInUserId={session.data?.user.id} />;
}
