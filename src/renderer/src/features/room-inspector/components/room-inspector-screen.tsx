import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { ChatMessageT } from '../../../../../server/admin-api/contract-channel';
import { isAdminClientError } from '../../../api/admin-client';
import { Badge } from '../../../components/ui/badge';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { PageHeader } from '../../../components/ui/page-header';
import { useRoomDetails, useRoomSummary } from '../api/get-room-summary';
import { useSetRoomDisabled } from '../api/update-room-state';
import { ClearHistoryDialog } from './clear-history-dialog';
import { HistoryPanel } from './history-panel';
import { ModerateMessagesDialog } from './moderate-messages-dialog';
import { ParticipantsPanel } from './participants-panel';
import './room-inspector.css';
import { RoomSettingsPanel, type AddinOption } from './room-settings-panel';
import { SearchPanel } from './search-panel';

interface RoomInspectorScreenProps {
  roomId: string;
  addins: AddinOption[];
  /** Keys outside this feature that a state change makes stale (room lists). */
  relatedKeys: readonly (readonly unknown[])[];
}

type Dialog = { kind: 'moderate'; message?: ChatMessageT } | { kind: 'clear' } | { kind: 'disable' } | null;

const PRIVACY = { open: 'Open', closed: 'Closed', secret: 'Secret' } as const;
const TYPE = { normal: 'Normal', auditorium: 'Auditorium' } as const;

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <section className="stat-card" aria-label={label}>
      <h3 className="stat-card__label">{label}</h3>
      <p className="stat-card__value">{value}</p>
    </section>
  );
}

export function RoomInspectorScreen({ roomId, addins, relatedKeys }: RoomInspectorScreenProps) {
  const room = useRoomSummary(roomId);
  const details = useRoomDetails(roomId);
  const setDisabled = useSetRoomDisabled(roomId, relatedKeys);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (room.isError) {
    const missing = isAdminClientError(room.error) && room.error.code === 'ERR_ROOM_NOT_FOUND';
    return (
      <>
        <PageHeader title="Room" />
        <ErrorBanner
          message={missing ? 'This room does not exist (it may have been deleted).' : room.error.message}
          {...(missing ? {} : { onRetry: () => void room.refetch() })}
        />
        <Link href="/rooms">Back to rooms</Link>
      </>
    );
  }
  if (room.isPending) return <p className="muted">Loading room…</p>;
  const r = room.data;
  const addinName = addins.find((a) => a.id === details.data?.addinId)?.name;

  return (
    <>
      <p>
        <Link href="/rooms">← All rooms</Link>
      </p>
      <PageHeader
        title={r.name}
        description={`${r.categoryName} · ${PRIVACY[r.privacy]} · ${TYPE[r.type]}${r.description ? ` — ${r.description}` : ''}`}
        actions={
          <div className="inspector-toolbar">
            <button type="button" className="button" onClick={() => setDialog({ kind: 'moderate' })}>
              Remove or replace messages…
            </button>
            <button type="button" className="button" onClick={() => setDialog({ kind: 'clear' })}>
              Clear history…
            </button>
            {r.disabled ? (
              <button
                type="button"
                className="button button--primary"
                disabled={setDisabled.isPending}
                onClick={() => setDisabled.mutate({ id: roomId, disabled: false })}
              >
                Enable room
              </button>
            ) : (
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => setDialog({ kind: 'disable' })}
              >
                Disable room
              </button>
            )}
          </div>
        }
      />
      {setDisabled.error && dialog === null ? <ErrorBanner message={setDisabled.error.message} /> : null}
      <div className="stat-grid">
        <Stat
          label="Status"
          value={r.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Enabled</Badge>}
        />
        <Stat label="Online now" value={details.data?.participants ?? '—'} />
        <Stat label="Messages" value={details.data?.messageCount ?? '—'} />
        <Stat label="Add-in" value={addinName ?? <span className="muted">none</span>} />
      </div>
      {details.isError ? <ErrorBanner message={details.error.message} /> : null}
      <div className="panel-grid" style={{ marginBottom: 20 }}>
        <ParticipantsPanel roomId={roomId} />
        {details.data ? (
          <RoomSettingsPanel roomId={roomId} details={details.data} addins={addins} relatedKeys={relatedKeys} />
        ) : null}
      </div>
      <HistoryPanel roomId={roomId} onModerate={(message) => setDialog({ kind: 'moderate', message })} />
      <SearchPanel roomId={roomId} onModerate={(message) => setDialog({ kind: 'moderate', message })} />
      {dialog?.kind === 'moderate' ? (
        <ModerateMessagesDialog
          roomId={roomId}
          roomName={r.name}
          {...(dialog.message ? { message: dialog.message } : {})}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'clear' ? (
        <ClearHistoryDialog
          roomId={roomId}
          roomName={r.name}
          messageCount={details.data?.messageCount ?? 0}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'disable' ? (
        <ConfirmDialog
          title={`Disable ${r.name}`}
          confirmLabel="Disable room"
          pending={setDisabled.isPending}
          error={setDisabled.error?.message}
          onCancel={() => setDialog(null)}
          onConfirm={() => setDisabled.mutate({ id: roomId, disabled: true }, { onSuccess: () => setDialog(null) })}
        >
          <p>
            Everyone in the room is disconnected at once and the room disappears from search. History, membership and
            settings are kept; enabling it again restores everything.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
