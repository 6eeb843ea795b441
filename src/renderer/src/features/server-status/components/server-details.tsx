import { Badge } from '../../../components/ui/badge';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatBytes, formatDateTime, formatDuration } from '../../../components/ui/format';
import { PageHeader } from '../../../components/ui/page-header';
import { useServerStatus } from '../api/get-server-status';

export function ServerDetails() {
  const status = useServerStatus({ refetchInterval: 15_000 });
  const data = status.data;
  return (
    <>
      <PageHeader
        title="Server"
        description="Where this server runs, how it stores its data, and its Persistent Chat configuration."
      />
      {status.isError ? <ErrorBanner message={status.error.message} onRetry={() => void status.refetch()} /> : null}
      {status.isPending ? <p className="muted">Loading…</p> : null}
      {data ? (
        <div className="panel-grid">
          <section className="panel" aria-labelledby="server-runtime">
            <h2 id="server-runtime" className="panel__title">
              Runtime
            </h2>
            <dl className="details">
              <dt>Version</dt>
              <dd>{data.version}</dd>
              <dt>Host</dt>
              <dd>{data.host}</dd>
              <dt>Console URL</dt>
              <dd>{data.httpUrl ?? <span className="muted">not served over HTTP</span>}</dd>
              <dt>SIP domain</dt>
              <dd>{data.domain}</dd>
              <dt>Started</dt>
              <dd>{formatDateTime(data.startedAt)}</dd>
              <dt>Uptime</dt>
              <dd>{formatDuration(data.uptimeSeconds)}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="server-store">
            <h2 id="server-store" className="panel__title">
              Store
            </h2>
            <dl className="details">
              <dt>Data directory</dt>
              <dd>
                <code>{data.dataDir}</code>
              </dd>
              <dt>Kind</dt>
              <dd>{data.store.kind}</dd>
              <dt>Schema version</dt>
              <dd>{data.store.schemaVersion}</dd>
              <dt>Size</dt>
              <dd>{formatBytes(data.store.sizeBytes)}</dd>
              <dt>Durable</dt>
              <dd>{data.store.durable ? <Badge tone="success">yes</Badge> : <Badge tone="warning">no</Badge>}</dd>
            </dl>
          </section>
        </div>
      ) : null}
    </>
  );
}
