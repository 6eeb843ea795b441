import type { ComplianceStatusT } from '../../../../../server/admin-api/contract-compliance';
import { Badge } from '../../../components/ui/badge';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../components/ui/format';
import { useRunComplianceNow } from '../api/run-compliance-now';
import { ComplianceChart } from './compliance-chart';

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <section className="stat-card" aria-label={label}>
      <h3 className="stat-card__label">{label}</h3>
      <p className="stat-card__value">{value}</p>
      {detail ? <p className="stat-card__detail">{detail}</p> : null}
    </section>
  );
}

const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : '—');

export function ComplianceStatusPanel({ status }: { status: ComplianceStatusT }) {
  const run = useRunComplianceNow();
  const running = status.running;
  const last = status.lastRun;
  return (
    <section className="panel" aria-labelledby="compliance-status-title">
      <div className="panel__header">
        <h2 id="compliance-status-title" className="panel__title">
          Status {status.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="warning">Disabled</Badge>}
        </h2>
        <button
          type="button"
          className="button button--primary"
          disabled={!status.enabled || running !== null || run.isPending}
          onClick={() => run.mutate()}
        >
          {running ? 'Running…' : 'Run now'}
        </button>
      </div>
      {run.error ? <ErrorBanner title="The run could not start." message={run.error.message} /> : null}
      {running ? (
        <div className="compliance-progress" role="status" aria-label="Run progress">
          <progress max={Math.max(1, running.queueDepthAtStart)} value={running.eventsProcessed} />
          <span>
            {running.eventsProcessed.toLocaleString()} of {running.queueDepthAtStart.toLocaleString()} events,{' '}
            {running.batches} batches, {running.files} files
          </span>
        </div>
      ) : null}
      <div className="stat-grid">
        <Stat
          label="Queue depth"
          value={status.queueDepth.toLocaleString()}
          detail={`${status.pendingBatches} batches awaiting retry`}
        />
        <Stat
          label="Last run"
          value={last ? last.outcome : 'never'}
          detail={last ? `${when(last.finishedAt)} · ${last.eventsProcessed.toLocaleString()} events` : undefined}
        />
        <Stat label="Last success" value={when(status.lastSuccessAt)} />
        <Stat
          label="Next run"
          value={when(status.nextRunAt)}
          detail={`every ${status.runIntervalMinutes} min · ${status.adapter.toUpperCase()}`}
        />
      </div>
      {status.lastError ? (
        <ErrorBanner
          title={`Last error (${status.consecutiveFailures} consecutive failures)`}
          message={`${status.lastError.code}: ${status.lastError.message} — ${when(status.lastError.at)}`}
        />
      ) : null}
      <p className="muted">
        Output directory: <code>{status.outputDir}</code>
      </p>
      <ComplianceChart history={status.history} />
    </section>
  );
}
