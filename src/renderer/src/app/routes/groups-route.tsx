import { GroupsScreen } from '../../features/groups/components/groups-screen';
import { useUserOptions } from '../use-principal-options';

export function GroupsRoute() {
  const userOptions = useUserOptions();
  return <GroupsScreen userOptions={userOptions} />;
}
