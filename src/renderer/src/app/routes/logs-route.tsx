import { LogsScreen } from '../../features/logs/components/logs-screen';

export function LogsRoute() {
  return <LogsScreen />;
}
