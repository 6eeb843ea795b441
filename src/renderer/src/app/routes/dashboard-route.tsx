import { Dashboard } from '../../features/server-status/components/dashboard';

export function DashboardRoute() {
  return <Dashboard />;
}
