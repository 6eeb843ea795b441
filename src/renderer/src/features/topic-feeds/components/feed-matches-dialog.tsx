import type { TopicFeedT } from '../../../../../server/admin-api/contract-channel';
import { Badge } from '../../../components/ui/badge';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../components/ui/format';
import { useFeedMatches } from '../api/get-feed-matches';
import { useMarkFeedSeen } from '../api/mark-feed-seen';

interface FeedMatchesDialogProps {
  userId: string;
  feed: TopicFeedT;
  roomName: (roomId: string) => string;
  onClose: () => void;
}

/** The feed's matches, newest first, a page at a time; every page read is a BACKCHAT event. */
export function FeedMatchesDialog({ userId, feed, roomName, onClose }: FeedMatchesDialogProps) {
  const matches = useFeedMatches(userId, feed.id);
  const markSeen = useMarkFeedSeen();
  const items = matches.data?.pages.flatMap((page) => page.items) ?? [];
  const newest = items[0]?.id;
  return (
    <Dialog title={`Matches of ${feed.name}`} onClose={onClose}>
      <p className="muted">
        Keywords <code>{feed.keywords}</code> ({feed.match}); reading matches is recorded for compliance.
      </p>
      {matches.isError ? (
        <ErrorBanner
          title="Matches could not be loaded."
          message={matches.error.message}
          onRetry={() => void matches.refetch()}
        />
      ) : null}
      {markSeen.error ? <ErrorBanner message={markSeen.error.message} /> : null}
      {matches.isPending ? <p className="muted">Loading matches…</p> : null}
      {!matches.isPending && items.length === 0 ? <p className="muted">No matches.</p> : null}
      {items.length > 0 ? (
        <ol className="feed-matches" aria-label="Matches" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((m) => (
            <li key={m.id} style={{ padding: '8px 0', borderBottom: '1px solid var(--border, #ddd)' }}>
              <div>
                <strong>{roomName(m.roomId)}</strong> <span className="muted">{m.author}</span>{' '}
                <span className="muted">{formatDateTime(m.at)}</span> {m.unseen ? <Badge tone="info">New</Badge> : null}
                {m.alert ? <Badge tone="warning">Alert</Badge> : null}
              </div>
              {m.storyTitle ? <div>{m.storyTitle}</div> : null}
              <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="form__actions">
        {matches.hasNextPage ? (
          <button
            type="button"
            className="button"
            disabled={matches.isFetchingNextPage}
            onClick={() => void matches.fetchNextPage()}
          >
            {matches.isFetchingNextPage ? 'Loading…' : 'Load older'}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--primary"
          disabled={markSeen.isPending || feed.newCount === 0}
          onClick={() =>
            markSeen.mutate({ userId, feedId: feed.id, ...(newest === undefined ? {} : { upToId: newest }) })
          }
        >
          {markSeen.isPending ? 'Marking…' : 'Mark seen'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
