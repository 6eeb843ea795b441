import { useDeferredValue, useState } from 'react';
import type { RoomT } from '../../../../../server/admin-api/contract';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { PageHeader } from '../../../components/ui/page-header';
import { useRooms } from '../api/get-rooms';
import { normalizeRoomFilters, type RoomFilters } from '../api/room-keys';
import { DeleteRoomDialog } from './delete-room-dialog';
import { RoomFiltersBar } from './room-filters';
import { RoomFormDialog } from './room-form-dialog';
import { RoomTable } from './room-table';
import type { CategoryOption } from './rooms-screen-props';

interface RoomsScreenProps {
  categories: CategoryOption[];
  /** Query keys outside this feature that room mutations make stale (category room counts). */
  relatedKeys: readonly (readonly unknown[])[];
}

const NO_ROOMS: RoomT[] = [];

type Editing = { kind: 'create' } | { kind: 'edit'; room: RoomT } | { kind: 'delete'; room: RoomT } | null;

export function RoomsScreen({ categories, relatedKeys }: RoomsScreenProps) {
  const [filters, setFilters] = useState<RoomFilters>({});
  const deferredFilters = useDeferredValue(filters);
  const rooms = useRooms(deferredFilters);
  const [editing, setEditing] = useState<Editing>(null);
  const filtered = Object.keys(normalizeRoomFilters(filters)).length > 0;

  return (
    <>
      <PageHeader
        title="Rooms"
        description="Persistent chat rooms. Every room belongs to a category."
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'create' })}>
            New room
          </button>
        }
      />
      <RoomFiltersBar filters={filters} categories={categories} onChange={setFilters} />
      {rooms.isError ? (
        <ErrorBanner
          title="Rooms could not be loaded."
          message={rooms.error.message}
          onRetry={() => void rooms.refetch()}
        />
      ) : null}
      {rooms.isPending ? (
        <p className="muted">Loading rooms…</p>
      ) : (
        <div className={rooms.isPlaceholderData ? 'is-stale' : undefined}>
          <RoomTable
            rooms={rooms.data ?? NO_ROOMS}
            filtered={filtered}
            onEdit={(room) => setEditing({ kind: 'edit', room })}
            onDelete={(room) => setEditing({ kind: 'delete', room })}
          />
        </div>
      )}
      {editing?.kind === 'create' ? (
        <RoomFormDialog categories={categories} relatedKeys={relatedKeys} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.kind === 'edit' ? (
        <RoomFormDialog
          room={editing.room}
          categories={categories}
          relatedKeys={relatedKeys}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'delete' ? (
        <DeleteRoomDialog room={editing.room} relatedKeys={relatedKeys} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
