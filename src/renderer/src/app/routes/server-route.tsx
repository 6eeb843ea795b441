import { ServerDetails } from '../../features/server-status/components/server-details';

export function ServerRoute() {
  return <ServerDetails />;
}
