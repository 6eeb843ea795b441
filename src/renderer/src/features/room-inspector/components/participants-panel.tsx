import { ErrorBanner } from '../../../components/ui/error-banner';
import { useParticipants } from '../api/get-participants';

export function ParticipantsPanel({ roomId }: { roomId: string }) {
  const participants = useParticipants(roomId);
  const items = participants.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="inspector-participants">
      <div className="panel__header">
        <h2 id="inspector-participants" className="panel__title">
          Participants online <span className="muted">({items.length})</span>
        </h2>
      </div>
      {participants.isError ? <ErrorBanner message={participants.error.message} /> : null}
      {participants.data?.suppressed ? (
        <p className="muted">Large room: join and leave notices are suppressed (above ParticipantUpdateLimit).</p>
      ) : null}
      {participants.isPending ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">Nobody is in the room right now.</p>
      ) : (
        <ul className="participant-list" aria-label="Participants">
          {items.map((p) => (
            <li key={p.uri} className="participant">
              <span className="participant__dot" aria-hidden="true" />
              <span>
                <strong>{p.displayName}</strong> <code className="muted">{p.uri}</code>
              </span>
              {p.endpoints > 1 ? <span className="muted">{p.endpoints} endpoints</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
