import { LogViewer } from '../../features/logs/components/log-viewer';

export function LogsRoute() {
  return <LogViewer />;
}
