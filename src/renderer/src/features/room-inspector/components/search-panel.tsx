import { useState, type FormEvent } from 'react';
import type { ChatMessageT } from '../../../../../server/admin-api/contract-channel';
import { ErrorBanner } from '../../../components/ui/error-banner';
import type { RoomSearchParams } from '../api/room-inspector-keys';
import { useRoomSearch } from '../api/search-room-messages';
import { MessageList } from './message-list';

type Mode = NonNullable<RoomSearchParams['mode']>;
const MODE_LABELS: Record<Mode, string> = { all: 'All words', any: 'Any word', phrase: 'Exact phrase' };

export function SearchPanel({ roomId, onModerate }: { roomId: string; onModerate: (m: ChatMessageT) => void }) {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<Mode>('all');
  const [author, setAuthor] = useState('');
  const [params, setParams] = useState<RoomSearchParams | null>(null);
  const search = useRoomSearch(roomId, params);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setParams(null);
    setParams({ text: trimmed, mode, limit: 100, ...(author.trim() ? { author: author.trim() } : {}) });
  }

  const items = search.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="inspector-search">
      <div className="panel__header">
        <h2 id="inspector-search" className="panel__title">
          Search this room
        </h2>
      </div>
      <form className="toolbar" role="search" aria-label="Search messages" onSubmit={submit}>
        <label className="toolbar__field toolbar__field--grow">
          <span className="toolbar__label">Words</span>
          <input type="search" value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <label className="toolbar__field">
          <span className="toolbar__label">Match</span>
          <select value={mode} onChange={(event) => setMode(event.target.value as Mode)}>
            {Object.entries(MODE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar__field">
          <span className="toolbar__label">Author</span>
          <input placeholder="sip:user@domain" value={author} onChange={(event) => setAuthor(event.target.value)} />
        </label>
        <button type="submit" className="button button--primary">
          Search
        </button>
      </form>
      {search.isError ? <ErrorBanner message={search.error.message} /> : null}
      {params === null ? null : search.isPending ? (
        <p className="muted">Searching…</p>
      ) : (
        <>
          <p className="muted" role="status">
            {items.length === 0
              ? 'No messages match.'
              : `${items.length} message${items.length === 1 ? '' : 's'}, newest first`}
            {search.data?.exceeded ? ' — more matched than the search limit; narrow the search.' : ''}
          </p>
          {items.length > 0 ? <MessageList label="Search results" messages={items} onModerate={onModerate} /> : null}
        </>
      )}
    </section>
  );
}
