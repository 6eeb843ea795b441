import type { ChatMessageT } from '../../../../../server/admin-api/contract-channel';
import { Badge } from '../../../components/ui/badge';
import { formatDateTime } from '../../../components/ui/format';

interface MessageListProps {
  label: string;
  messages: ChatMessageT[];
  /** Shown with each message: remove or replace exactly this post. */
  onModerate?: (message: ChatMessageT) => void;
}

/** Messages oldest first, like a chat transcript. */
export function MessageList({ label, messages, onModerate }: MessageListProps) {
  return (
    <ol className="message-list" aria-label={label}>
      {messages.map((message) => (
        <li
          key={message.id}
          className={message.alert ? 'message message--alert' : 'message'}
          aria-label={`Message ${message.messageId} from ${message.author}`}
        >
          <div className="message__meta">
            <span className="message__author">{message.author}</span>
            <time dateTime={message.at}>{formatDateTime(message.at)}</time>
            <span>#{message.messageId}</span>
            {message.alert ? <Badge tone="danger">Alert</Badge> : null}
            {message.storyTitle ? <Badge tone="info">Story: {message.storyTitle}</Badge> : null}
          </div>
          <div className="message__text">{message.text}</div>
          {onModerate ? (
            <div className="message__actions">
              <button
                type="button"
                className="button button--small"
                aria-label={`Remove or replace message ${message.messageId}`}
                onClick={() => onModerate(message)}
              >
                Remove…
              </button>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
