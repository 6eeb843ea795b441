/** The toolbar's auto-refresh switch and Refresh button (log and SIP message viewers). */
export interface RefreshControlsProps {
  autoRefresh: boolean;
  onAutoRefreshChange: (on: boolean) => void;
  onRefresh: () => void;
  refreshing: boolean;
}

export function RefreshControls({ autoRefresh, onAutoRefreshChange, onRefresh, refreshing }: RefreshControlsProps) {
  return (
    <>
      <label className="toolbar__check">
        <input type="checkbox" checked={autoRefresh} onChange={(event) => onAutoRefreshChange(event.target.checked)} />
        Auto-refresh
      </label>
      <button type="button" className="button" onClick={onRefresh} disabled={refreshing}>
        Refresh
      </button>
    </>
  );
}
