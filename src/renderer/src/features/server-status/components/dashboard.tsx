import { useEffect, useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatBytes, formatDuration } from '../../../components/ui/format';
import { PageHeader } from '../../../components/ui/page-header';
import { useServerStatus, STATUS_REFRESH_MS } from '../api/get-server-status';
import { MemoryChart } from './memory-chart';
import { StatCard } from './stat-card';
import { appendSample, toSample, type StatusSample } from './status-history';

export function Dashboard() {
  const status = useServerStatus();
  const [samples, setSamples] = useState<StatusSample[]>([]);
  const { data, dataUpdatedAt } = status;

  useEffect(() => {
    if (data) setSamples((previous) => appendSample(previous, toSample(data, dataUpdatedAt)));
  }, [data, dataUpdatedAt]);

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Server health at a glance; refreshed every ${STATUS_REFRESH_MS / 1000} seconds.`}
      />
      {status.isError ? (
        <ErrorBanner
          title="Server status unavailable."
          message={status.error.message}
          onRetry={() => void status.refetch()}
        />
      ) : null}
      {status.isPending ? <p className="muted">Loading server status…</p> : null}
      {data ? (
        <>
          <div className="stat-grid">
            <StatCard
              label="Server"
              value={<Badge tone="success">Running</Badge>}
              detail={`Parlance ${data.version} · ${data.host}`}
            />
            <StatCard
              label="Uptime"
              value={formatDuration(data.uptimeSeconds)}
              detail={`since ${new Date(data.startedAt).toLocaleString()}`}
            />
            <StatCard label="SIP domain" value={data.domain} />
            <StatCard
              label="Store"
              value={formatBytes(data.store.sizeBytes)}
              detail={
                <>
                  {data.store.kind} · schema v{data.store.schemaVersion} ·{' '}
                  {data.store.durable ? (
                    <Badge tone="success">durable</Badge>
                  ) : (
                    <Badge tone="warning">not durable</Badge>
                  )}
                </>
              }
            />
            <StatCard label="Categories" value={data.counts.categories} />
            <StatCard label="Rooms" value={data.counts.rooms} />
            <StatCard label="Users" value={data.counts.users} />
            <StatCard
              label="Memory"
              value={formatBytes(data.memory.rssBytes)}
              detail={`heap used ${formatBytes(data.memory.heapUsedBytes)}`}
            />
          </div>
          <section className="panel" aria-labelledby="memory-chart-title">
            <h2 id="memory-chart-title" className="panel__title">
              Memory this session
            </h2>
            <MemoryChart samples={samples} />
          </section>
        </>
      ) : null}
    </>
  );
}
