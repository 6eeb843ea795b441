import { Link } from 'wouter';
import type { RoomT } from '../../../../../server/admin-api/contract';
import { Badge } from '../../../components/ui/badge';
import { createDataTableColumns, DataTable } from '../../../components/ui/data-table';
import { PRIVACY_LABELS, TYPE_LABELS } from './room-labels';

const column = createDataTableColumns<RoomT>();

const PRIVACY_TONES = { open: 'success', closed: 'info', secret: 'warning' } as const;

interface RoomTableProps {
  rooms: RoomT[];
  filtered: boolean;
  onEdit: (room: RoomT) => void;
  onDelete: (room: RoomT) => void;
  onRoles: (room: RoomT) => void;
  onMove: (room: RoomT) => void;
}

export function RoomTable({ rooms, filtered, onEdit, onDelete, onRoles, onMove }: RoomTableProps) {
  const columns = [
    column.accessor('name', {
      header: 'Name',
      cell: (info) => (
        <Link href={`/rooms/${info.row.original.id}`} aria-label={`Inspect ${info.getValue()}`}>
          <strong>{info.getValue()}</strong>
        </Link>
      ),
    }),
    column.accessor('categoryName', { header: 'Category' }),
    column.accessor('privacy', {
      header: 'Privacy',
      cell: (info) => <Badge tone={PRIVACY_TONES[info.getValue()]}>{PRIVACY_LABELS[info.getValue()]}</Badge>,
    }),
    column.accessor('type', { header: 'Type', cell: (info) => TYPE_LABELS[info.getValue()] }),
    column.accessor('disabled', {
      header: 'Status',
      cell: (info) => (info.getValue() ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Enabled</Badge>),
    }),
    column.accessor('description', {
      header: 'Description',
      enableSorting: false,
      cell: (info) => <span className="truncate">{info.getValue() || <span className="muted">—</span>}</span>,
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => {
        const room = info.row.original;
        return (
          <div className="row-actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`Roles of ${room.name}`}
              onClick={() => onRoles(room)}
            >
              Roles
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Move ${room.name}`}
              onClick={() => onMove(room)}
            >
              Move
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Edit ${room.name}`}
              onClick={() => onEdit(room)}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--danger-outline"
              aria-label={`Delete ${room.name}`}
              onClick={() => onDelete(room)}
            >
              Delete
            </button>
          </div>
        );
      },
    }),
  ];
  return (
    <DataTable
      label="Rooms"
      columns={columns}
      data={rooms}
      getRowId={(room) => room.id}
      initialSorting={[{ id: 'name', desc: false }]}
      empty={filtered ? 'No rooms match the filters.' : 'No rooms yet.'}
    />
  );
}
