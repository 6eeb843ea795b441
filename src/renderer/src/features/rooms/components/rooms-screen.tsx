import { useDeferredValue, useMemo, useState } from 'react';
import type { RoomT } from '../../../../../server/admin-api/contract';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { PageHeader } from '../../../components/ui/page-header';
import type { PrincipalOption } from '../../../components/ui/principal-list-editor';
import { useRoomFacts } from '../api/get-room-roles';
import { useRooms } from '../api/get-rooms';
import { normalizeRoomFilters } from '../api/room-keys';
import { DeleteRoomDialog } from './delete-room-dialog';
import { MoveRoomDialog } from './move-room-dialog';
import { RoomFiltersBar, type AllRoomFilters } from './room-filters';
import { RoomFormDialog } from './room-form-dialog';
import { RoomRolesDialog } from './room-roles-dialog';
import { RoomTable } from './room-table';
import type { AddinOption, CategoryOption } from './rooms-screen-props';

interface RoomsScreenProps {
  categories: CategoryOption[];
  addins: AddinOption[];
  /** Users and groups offered by the role pickers (composed in app/). */
  principalOptions: PrincipalOption[];
  /** Query keys outside this feature that room mutations make stale (category room counts). */
  relatedKeys: readonly (readonly unknown[])[];
}

const NO_ROOMS: RoomT[] = [];

type Editing =
  | { kind: 'create' }
  | { kind: 'edit'; room: RoomT }
  | { kind: 'delete'; room: RoomT }
  | { kind: 'roles'; room: RoomT }
  | { kind: 'move'; room: RoomT }
  | null;

function matches(list: readonly string[], needle: string): boolean {
  const n = needle.trim().toLowerCase();
  return list.some((p) => p.toLowerCase().includes(n));
}

export function RoomsScreen({ categories, addins, principalOptions, relatedKeys }: RoomsScreenProps) {
  const [filters, setFilters] = useState<AllRoomFilters>({});
  const deferredFilters = useDeferredValue(filters);
  const { member, manager, addinId, ...listFilters } = deferredFilters;
  const rooms = useRooms(listFilters);
  const [editing, setEditing] = useState<Editing>(null);
  const roleFiltered = Boolean(member?.trim() || manager?.trim() || addinId);
  const ids = useMemo(() => (rooms.data ?? NO_ROOMS).map((room) => room.id), [rooms.data]);
  // rooms.list filters category, privacy, type, status and text; roles and add-in come from each room's details.
  const facts = useRoomFacts(ids, roleFiltered);
  const visible = useMemo(() => {
    const all = rooms.data ?? NO_ROOMS;
    if (!roleFiltered) return all;
    return all.filter((room) => {
      const f = facts.byId.get(room.id);
      if (!f) return false;
      if (member?.trim() && !matches(f.roles.members, member)) return false;
      if (manager?.trim() && !matches(f.roles.managers, manager)) return false;
      if (addinId === 'none' && f.addinId !== null) return false;
      if (addinId && addinId !== 'none' && f.addinId !== addinId) return false;
      return true;
    });
  }, [rooms.data, facts.byId, roleFiltered, member, manager, addinId]);
  const filtered = roleFiltered || Object.keys(normalizeRoomFilters(listFilters)).length > 0;

  return (
    <>
      <PageHeader
        title="Rooms"
        description="Persistent chat rooms. Every room belongs to a category. Open a room to inspect it."
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'create' })}>
            New room
          </button>
        }
      />
      <RoomFiltersBar filters={filters} categories={categories} addins={addins} onChange={setFilters} />
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
        <div className={rooms.isPlaceholderData || facts.pending ? 'is-stale' : undefined}>
          <RoomTable
            rooms={visible}
            filtered={filtered}
            onEdit={(room) => setEditing({ kind: 'edit', room })}
            onDelete={(room) => setEditing({ kind: 'delete', room })}
            onRoles={(room) => setEditing({ kind: 'roles', room })}
            onMove={(room) => setEditing({ kind: 'move', room })}
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
      {editing?.kind === 'roles' ? (
        <RoomRolesDialog
          room={editing.room}
          principalOptions={principalOptions}
          relatedKeys={relatedKeys}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'move' ? (
        <MoveRoomDialog
          room={editing.room}
          categories={categories}
          relatedKeys={relatedKeys}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
