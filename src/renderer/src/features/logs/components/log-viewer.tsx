import { useDeferredValue, useState } from 'react';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatTime } from '../../../components/ui/format';
import { RefreshControls } from '../../../components/ui/refresh-controls';
import { LOG_LEVELS, useRecentLogs, type LogLevel } from '../api/get-recent-logs';

const LIMIT = 500;
const REFRESH_MS = 3_000;

function extraFields(entry: Record<string, unknown>): string {
  const { time: _time, level: _level, category: _category, msg: _msg, ...rest } = entry;
  return Object.keys(rest).length > 0 ? JSON.stringify(rest) : '';
}

export function LogViewer() {
  const [minLevel, setMinLevel] = useState<LogLevel>('info');
  const [category, setCategory] = useState('');
  const [autoRefresh, setAutoRefresh] = useState(true);
  const deferredCategory = useDeferredValue(category.trim());
  const logs = useRecentLogs(
    { limit: LIMIT, minLevel, ...(deferredCategory ? { category: deferredCategory } : {}) },
    autoRefresh ? REFRESH_MS : false,
  );
  const entries = [...(logs.data ?? [])].reverse();

  return (
    <>
      <div className="toolbar" role="search" aria-label="Filter logs">
        <label className="toolbar__field">
          <span className="toolbar__label">Minimum level</span>
          <select value={minLevel} onChange={(event) => setMinLevel(event.target.value as LogLevel)}>
            {LOG_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar__field toolbar__field--grow">
          <span className="toolbar__label">Category</span>
          <input
            type="search"
            placeholder="Prefix, e.g. store or http"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
          />
        </label>
        <RefreshControls
          autoRefresh={autoRefresh}
          onAutoRefreshChange={setAutoRefresh}
          onRefresh={() => void logs.refetch()}
          refreshing={logs.isFetching}
        />
      </div>
      {logs.isError ? <ErrorBanner title="Logs could not be loaded." message={logs.error.message} /> : null}
      <div className="table-wrap">
        <table className="data-table data-table--logs" aria-label="Log records">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Level</th>
              <th scope="col">Category</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={4} className="data-table__empty">
                  {logs.isPending ? 'Loading…' : 'No log records match.'}
                </td>
              </tr>
            ) : (
              entries.map((entry, index) => (
                <tr key={`${entry.time}-${index}`} className={`log-row log-row--${entry.level}`}>
                  <td className="nowrap" title={entry.time}>
                    {formatTime(entry.time)}
                  </td>
                  <td>
                    <span className={`log-level log-level--${entry.level}`}>{entry.level}</span>
                  </td>
                  <td className="nowrap">
                    <code>{entry.category}</code>
                  </td>
                  <td className="log-message">
                    {entry.msg}
                    {extraFields(entry) ? <span className="log-extra">{extraFields(entry)}</span> : null}
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
