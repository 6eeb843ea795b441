import type { ChatMessageT } from '../../../../../server/admin-api/contract-channel';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useHistory } from '../api/get-history';
import { MessageList } from './message-list';

interface HistoryPanelProps {
  roomId: string;
  onModerate: (message: ChatMessageT) => void;
}

export function HistoryPanel({ roomId, onModerate }: HistoryPanelProps) {
  const history = useHistory(roomId);
  // Pages arrive newest first; the transcript reads oldest first.
  const messages = (history.data?.pages ?? []).flatMap((page) => page.items).reverse();
  return (
    <section className="panel" aria-labelledby="inspector-history">
      <div className="panel__header">
        <h2 id="inspector-history" className="panel__title">
          Recent history
        </h2>
      </div>
      {history.isError ? <ErrorBanner message={history.error.message} onRetry={() => void history.refetch()} /> : null}
      {history.hasNextPage ? (
        <div className="message-list__more">
          <button
            type="button"
            className="button button--small"
            disabled={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {history.isFetchingNextPage ? 'Loading…' : 'Load older messages'}
          </button>
        </div>
      ) : null}
      {history.isPending ? (
        <p className="muted">Loading history…</p>
      ) : messages.length === 0 ? (
        <p className="muted">No messages in this room.</p>
      ) : (
        <MessageList label="Room history" messages={messages} onModerate={onModerate} />
      )}
    </section>
  );
}
