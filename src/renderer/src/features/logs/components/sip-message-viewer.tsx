import { useDeferredValue, useState } from 'react';
import type { SipMessageEntryT } from '../../../../../server/admin-api/contract';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatTime } from '../../../components/ui/format';
import { RefreshControls } from '../../../components/ui/refresh-controls';
import { useSipMessages } from '../api/get-sip-messages';
import './sip-message-viewer.css';

const LIMIT = 300;
const REFRESH_MS = 3_000;

export function SipMessageViewer() {
  const [callId, setCallId] = useState('');
  const [text, setText] = useState('');
  const [autoRefresh, setAutoRefresh] = useState(true);
  const [open, setOpen] = useState<number | null>(null);
  const deferredCallId = useDeferredValue(callId.trim());
  const needle = useDeferredValue(text.trim().toLowerCase());
  const messages = useSipMessages(
    { limit: LIMIT, ...(deferredCallId ? { callId: deferredCallId } : {}) },
    autoRefresh ? REFRESH_MS : false,
  );
  const entries: SipMessageEntryT[] = [...(messages.data ?? [])]
    .reverse()
    .filter((m) => !needle || m.text.toLowerCase().includes(needle));

  return (
    <>
      <div className="toolbar" role="search" aria-label="Filter SIP messages">
        <label className="toolbar__field">
          <span className="toolbar__label">Call-ID</span>
          <input type="search" value={callId} onChange={(event) => setCallId(event.target.value)} />
        </label>
        <label className="toolbar__field toolbar__field--grow">
          <span className="toolbar__label">Contains</span>
          <input
            type="search"
            placeholder="e.g. grpchat or a SIP URI"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <RefreshControls
          autoRefresh={autoRefresh}
          onAutoRefreshChange={setAutoRefresh}
          onRefresh={() => void messages.refetch()}
          refreshing={messages.isFetching}
        />
      </div>
      {messages.isError ? (
        <ErrorBanner title="SIP messages could not be loaded." message={messages.error.message} />
      ) : null}
      <div className="table-wrap">
        <table className="data-table data-table--logs" aria-label="SIP messages">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Dir</th>
              <th scope="col">Remote</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={4} className="data-table__empty">
                  {messages.isPending ? 'Loading…' : 'No SIP messages match.'}
                </td>
              </tr>
            ) : (
              entries.map((m) => (
                <tr key={m.seq}>
                  <td className="nowrap" title={m.time}>
                    {formatTime(m.time)}
                  </td>
                  <td>
                    <span className={`sip-dir sip-dir--${m.direction}`}>{m.direction === 'in' ? '→ in' : '← out'}</span>
                  </td>
                  <td className="nowrap">
                    <code>
                      {m.transport} {m.remote}
                    </code>
                  </td>
                  <td className="log-message">
                    <button
                      type="button"
                      className="sip-first-line"
                      aria-expanded={open === m.seq}
                      onClick={() => setOpen(open === m.seq ? null : m.seq)}
                    >
                      <code>{m.firstLine}</code>
                    </button>
                    {open === m.seq ? <pre className="sip-text">{m.text}</pre> : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
