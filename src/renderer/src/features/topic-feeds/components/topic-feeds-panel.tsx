import { useState } from 'react';
import type { TopicFeedT } from '../../../../../server/admin-api/contract-channel';
import { Badge } from '../../../components/ui/badge';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { createDataTableColumns, DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useDeleteTopicFeed } from '../api/delete-topic-feed';
import { useTopicFeeds } from '../api/get-topic-feeds';
import { useMarkFeedSeen } from '../api/mark-feed-seen';
import { FeedMatchesDialog } from './feed-matches-dialog';
import type { FeedRoom, FeedUser } from './feed-room';
import { TopicFeedFormDialog } from './topic-feed-form-dialog';

const column = createDataTableColumns<TopicFeedT>();
const NO_FEEDS: TopicFeedT[] = [];
const MATCH_LABELS = { all: 'All words', any: 'Any word', exact: 'Exact phrase' } as const;

type Editing =
  | { kind: 'create' }
  | { kind: 'edit'; feedId: string }
  | { kind: 'delete'; feedId: string }
  | { kind: 'matches'; feedId: string }
  | null;

/** "12", or "1000+" when the server stopped counting. */
export function formatFeedCount(feed: Pick<TopicFeedT, 'newCount' | 'capped'>): string {
  return feed.capped ? `${feed.newCount}+` : String(feed.newCount);
}

function DeleteFeedDialog({ userId, feed, onClose }: { userId: string; feed: TopicFeedT; onClose: () => void }) {
  const remove = useDeleteTopicFeed();
  return (
    <ConfirmDialog
      title="Delete topic feed"
      confirmLabel="Delete feed"
      pending={remove.isPending}
      error={remove.error?.message}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ userId, feedId: feed.id }, { onSuccess: onClose })}
    >
      <p>
        Delete the topic feed <strong>{feed.name}</strong>? Its seen mark is lost; messages are not affected.
      </p>
    </ConfirmDialog>
  );
}

interface TopicFeedsPanelProps {
  users: FeedUser[];
  rooms: FeedRoom[];
}

/** A selected user's topic feeds (the built-in mentions feed first) with their new-match counts. */
export function TopicFeedsPanel({ users, rooms }: TopicFeedsPanelProps) {
  const [chosen, setChosen] = useState<string>('');
  const user = users.find((u) => u.id === chosen) ?? users[0];
  return (
    <section className="panel" aria-labelledby="topic-feeds-title">
      <div className="panel__header">
        <h2 id="topic-feeds-title" className="panel__title">
          Topic feeds
        </h2>
        {users.length > 0 ? (
          <label>
            <span className="muted">User </span>
            <select aria-label="Show topic feeds of" value={user?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.sipUri})
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {user ? <UserFeeds key={user.id} user={user} rooms={rooms} /> : <p className="muted">No users.</p>}
    </section>
  );
}

function UserFeeds({ user, rooms }: { user: FeedUser; rooms: FeedRoom[] }) {
  const feeds = useTopicFeeds(user.id);
  const markSeen = useMarkFeedSeen();
  const [editing, setEditing] = useState<Editing>(null);
  const data = feeds.data ?? NO_FEEDS;
  const current = editing && editing.kind !== 'create' ? data.find((f) => f.id === editing.feedId) : undefined;
  const roomNames = new Map(rooms.map((r) => [r.id, r.name]));
  const roomName = (id: string) => roomNames.get(id) ?? id;
  const close = () => setEditing(null);

  const columns = [
    column.accessor('name', {
      header: 'Name',
      cell: (info) => (
        <span>
          <strong>{info.getValue()}</strong> {info.row.original.builtIn ? <Badge>Built in</Badge> : null}
        </span>
      ),
    }),
    column.accessor('keywords', { header: 'Keywords', cell: (info) => <code>{info.getValue()}</code> }),
    column.accessor('match', {
      header: 'Match',
      // The mentions feed matches any one of its names, each as a phrase.
      cell: (info) => (info.row.original.builtIn ? 'Any name' : MATCH_LABELS[info.getValue()]),
    }),
    column.accessor('roomIds', {
      header: 'Rooms',
      enableSorting: false,
      cell: (info) => {
        const ids = info.getValue();
        return ids === null ? <span className="muted">All readable rooms</span> : ids.map(roomName).join(', ');
      },
    }),
    column.accessor('newCount', {
      header: 'New matches',
      cell: (info) => {
        const feed = info.row.original;
        return (
          <span className="numeric" aria-label={`New matches of ${feed.name}`}>
            {feed.newCount > 0 ? <Badge tone="info">{formatFeedCount(feed)}</Badge> : formatFeedCount(feed)}
          </span>
        );
      },
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => {
        const feed = info.row.original;
        return (
          <div className="row-actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`Matches of ${feed.name}`}
              onClick={() => setEditing({ kind: 'matches', feedId: feed.id })}
            >
              Matches
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Mark ${feed.name} seen`}
              disabled={feed.newCount === 0 || markSeen.isPending}
              onClick={() => markSeen.mutate({ userId: user.id, feedId: feed.id })}
            >
              Mark seen
            </button>
            {feed.builtIn ? null : (
              <>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Edit ${feed.name}`}
                  onClick={() => setEditing({ kind: 'edit', feedId: feed.id })}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button button--small button--danger-outline"
                  aria-label={`Delete ${feed.name}`}
                  onClick={() => setEditing({ kind: 'delete', feedId: feed.id })}
                >
                  Delete
                </button>
              </>
            )}
          </div>
        );
      },
    }),
  ];

  return (
    <>
      <div className="row-actions" style={{ justifyContent: 'space-between', margin: '8px 0' }}>
        <p className="muted" style={{ margin: 0 }}>
          Keyword filters over the rooms {user.displayName} can read; counts are messages newer than the seen mark.
        </p>
        <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'create' })}>
          New topic feed
        </button>
      </div>
      {feeds.isError ? (
        <ErrorBanner
          title="Topic feeds could not be loaded."
          message={feeds.error.message}
          onRetry={() => void feeds.refetch()}
        />
      ) : null}
      {markSeen.error ? <ErrorBanner message={markSeen.error.message} /> : null}
      {feeds.isPending ? (
        <p className="muted">Loading topic feeds…</p>
      ) : (
        <DataTable
          label={`Topic feeds of ${user.sipUri}`}
          columns={columns}
          data={data}
          getRowId={(feed) => feed.id}
          empty="No topic feeds."
        />
      )}
      {editing?.kind === 'create' ? (
        <TopicFeedFormDialog userId={user.id} userName={user.displayName} rooms={rooms} onClose={close} />
      ) : null}
      {editing?.kind === 'edit' && current ? (
        <TopicFeedFormDialog
          userId={user.id}
          userName={user.displayName}
          rooms={rooms}
          feed={current}
          onClose={close}
        />
      ) : null}
      {editing?.kind === 'delete' && current ? (
        <DeleteFeedDialog userId={user.id} feed={current} onClose={close} />
      ) : null}
      {editing?.kind === 'matches' && current ? (
        <FeedMatchesDialog userId={user.id} feed={current} roomName={roomName} onClose={close} />
      ) : null}
    </>
  );
}
