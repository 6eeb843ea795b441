import { useState } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { formatDateTime } from '../../../components/ui/format';
import { useClearHistory } from '../api/clear-history';
import { fromDateTimeLocal, toDateTimeLocal } from './datetime-local';

interface ClearHistoryDialogProps {
  roomId: string;
  roomName: string;
  messageCount: number;
  onClose: () => void;
}

/** `Clear-CsPersistentChatRoom`: removes every message from the oldest up to and including the date. */
export function ClearHistoryDialog({ roomId, roomName, messageCount, onClose }: ClearHistoryDialogProps) {
  const [until, setUntil] = useState(() => toDateTimeLocal(new Date()));
  const [removed, setRemoved] = useState<number | null>(null);
  const clear = useClearHistory(roomId);
  const untilIso = fromDateTimeLocal(until);

  if (removed !== null) {
    return (
      <Dialog
        title="History cleared"
        size="small"
        onClose={onClose}
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        }
      >
        <p role="status">
          Removed {removed} message{removed === 1 ? '' : 's'} from {roomName}. The clear is recorded for compliance.
        </p>
      </Dialog>
    );
  }
  return (
    <Dialog
      title={`Clear history of ${roomName}`}
      size="small"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={!untilIso || clear.isPending}
            onClick={() =>
              untilIso && clear.mutate({ id: roomId, until: untilIso }, { onSuccess: (r) => setRemoved(r.removed) })
            }
          >
            {clear.isPending ? 'Clearing…' : 'Clear history'}
          </button>
        </>
      }
    >
      <p>
        Deletes every message posted up to and including the date below. The room has {messageCount} message
        {messageCount === 1 ? '' : 's'} in total. This cannot be undone.
      </p>
      <Field
        label="Clear up to"
        error={untilIso ? undefined : 'Choose a date and time'}
        hint={untilIso ? `Up to ${formatDateTime(untilIso)}` : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            step={1}
            value={until}
            onChange={(event) => setUntil(event.target.value)}
          />
        )}
      </Field>
      {clear.error ? <ErrorBanner message={clear.error.message} /> : null}
    </Dialog>
  );
}
