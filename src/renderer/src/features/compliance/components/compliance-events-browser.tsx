import { useMemo, useState } from 'react';
import {
  COMPLIANCE_EVENT_TYPES,
  type ComplianceEventTypeT,
  type ComplianceQueuedEventT,
} from '../../../../../server/admin-api/contract-compliance';
import { Badge } from '../../../components/ui/badge';
import { createDataTableColumns, DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../components/ui/format';
import type { ComplianceEventFilters } from '../api/compliance-keys';
import { useComplianceEvents } from '../api/search-compliance-events';

const PAGE_SIZE = 25;
const column = createDataTableColumns<ComplianceQueuedEventT>();
const NO_EVENTS: ComplianceQueuedEventT[] = [];

/** `datetime-local` value (local time) → ISO-8601 UTC, or undefined when empty/invalid. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const ms = Date.parse(local);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function ComplianceEventsBrowser() {
  const [form, setForm] = useState({ room: '', user: '', type: '', from: '', to: '', text: '', state: 'all' });
  const [offset, setOffset] = useState(0);
  const filters: ComplianceEventFilters = {
    room: form.room,
    user: form.user,
    text: form.text,
    types: form.type ? [form.type as ComplianceEventTypeT] : undefined,
    from: toIso(form.from),
    to: toIso(form.to),
    state: form.state as 'all' | 'pending' | 'delivered',
    offset,
    limit: PAGE_SIZE,
  };
  const events = useComplianceEvents(filters);
  const patch = (change: Partial<typeof form>) => {
    setForm((previous) => ({ ...previous, ...change }));
    setOffset(0);
  };
  const columns = useMemo(
    () => [
      column.accessor('seq', { header: '#', cell: (info) => info.getValue() }),
      column.accessor('at', { header: 'Time', cell: (info) => formatDateTime(info.getValue()) }),
      column.accessor('type', { header: 'Type', cell: (info) => <Badge tone="info">{info.getValue()}</Badge> }),
      column.accessor((e) => e.room.name || e.room.uri, {
        id: 'room',
        header: 'Room',
        cell: (info) => <span title={info.row.original.room.uri}>{info.getValue()}</span>,
      }),
      column.accessor((e) => e.user.uri, {
        id: 'user',
        header: 'User',
        cell: (info) => <code>{info.getValue()}</code>,
      }),
      column.accessor('content', {
        header: 'Content',
        cell: (info) => (
          <span className="compliance-content">{info.getValue() || <span className="muted">—</span>}</span>
        ),
      }),
      column.accessor('deliveredAt', {
        header: 'Delivered',
        cell: (info) => {
          const at = info.getValue();
          return at ? (
            <Badge tone="success">Batch {info.row.original.batchNo}</Badge>
          ) : (
            <Badge tone="warning">Queued</Badge>
          );
        },
      }),
    ],
    [],
  );
  const total = events.data?.total ?? 0;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + PAGE_SIZE, total);

  return (
    <section className="panel" aria-labelledby="compliance-events-title">
      <h2 id="compliance-events-title" className="panel__title">
        Events
      </h2>
      <p className="muted">Queued events and delivered ones still inside the retention window, newest first.</p>
      <div className="toolbar" role="search" aria-label="Filter compliance events">
        <label className="toolbar__field">
          <span className="toolbar__label">Room</span>
          <input
            type="search"
            placeholder="Name or URI"
            value={form.room}
            onChange={(e) => patch({ room: e.target.value })}
          />
        </label>
        <label className="toolbar__field">
          <span className="toolbar__label">User</span>
          <input
            type="search"
            placeholder="SIP URI or name"
            value={form.user}
            onChange={(e) => patch({ user: e.target.value })}
          />
        </label>
        <label className="toolbar__field">
          <span className="toolbar__label">Type</span>
          <select value={form.type} onChange={(e) => patch({ type: e.target.value })}>
            <option value="">Any type</option>
            {COMPLIANCE_EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar__field">
          <span className="toolbar__label">From</span>
          <input type="datetime-local" value={form.from} onChange={(e) => patch({ from: e.target.value })} />
        </label>
        <label className="toolbar__field">
          <span className="toolbar__label">To</span>
          <input type="datetime-local" value={form.to} onChange={(e) => patch({ to: e.target.value })} />
        </label>
        <label className="toolbar__field toolbar__field--grow">
          <span className="toolbar__label">Content</span>
          <input
            type="search"
            placeholder="Text contains"
            value={form.text}
            onChange={(e) => patch({ text: e.target.value })}
          />
        </label>
        <label className="toolbar__field">
          <span className="toolbar__label">State</span>
          <select value={form.state} onChange={(e) => patch({ state: e.target.value })}>
            <option value="all">All</option>
            <option value="pending">Queued</option>
            <option value="delivered">Delivered</option>
          </select>
        </label>
      </div>
      {events.isError ? (
        <ErrorBanner
          title="Events could not be loaded."
          message={events.error.message}
          onRetry={() => void events.refetch()}
        />
      ) : null}
      <DataTable
        label="Compliance events"
        columns={columns}
        data={events.data?.items ?? NO_EVENTS}
        getRowId={(e) => e.id}
        empty={events.isPending ? 'Loading events…' : 'No events match.'}
      />
      <nav className="pager" aria-label="Event pages">
        <button
          type="button"
          className="button button--small"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        >
          Previous
        </button>
        <span className="muted" role="status">
          {first}–{last} of {total.toLocaleString()}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={last >= total}
          onClick={() => setOffset(offset + PAGE_SIZE)}
        >
          Next
        </button>
      </nav>
    </section>
  );
}
