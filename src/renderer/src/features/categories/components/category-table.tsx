import type { CategoryT } from '../../../../../server/admin-api/contract';
import { Badge } from '../../../components/ui/badge';
import { createDataTableColumns, DataTable } from '../../../components/ui/data-table';

const column = createDataTableColumns<CategoryT>();

function Flag({ on }: { on: boolean }) {
  return on ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>;
}

interface CategoryTableProps {
  categories: CategoryT[];
  onEdit: (category: CategoryT) => void;
  onDelete: (category: CategoryT) => void;
  onScope: (category: CategoryT) => void;
  filtered: boolean;
}

export function CategoryTable({ categories, onEdit, onDelete, onScope, filtered }: CategoryTableProps) {
  const columns = [
    column.accessor('name', { header: 'Name', cell: (info) => <strong>{info.getValue()}</strong> }),
    column.accessor('description', {
      header: 'Description',
      enableSorting: false,
      cell: (info) => info.getValue() || <span className="muted">—</span>,
    }),
    column.accessor('invitations', { header: 'Invitations', cell: (info) => <Flag on={info.getValue()} /> }),
    column.accessor('fileUpload', { header: 'File upload', cell: (info) => <Flag on={info.getValue()} /> }),
    column.accessor('chatHistory', { header: 'Chat history', cell: (info) => <Flag on={info.getValue()} /> }),
    column.accessor('roomCount', {
      header: 'Rooms',
      cell: (info) => <span className="numeric">{info.getValue()}</span>,
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => {
        const category = info.row.original;
        return (
          <div className="row-actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`Scope of ${category.name}`}
              onClick={() => onScope(category)}
            >
              Scope
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Edit ${category.name}`}
              onClick={() => onEdit(category)}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--danger-outline"
              aria-label={`Delete ${category.name}`}
              onClick={() => onDelete(category)}
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
      label="Categories"
      columns={columns}
      data={categories}
      getRowId={(category) => category.id}
      initialSorting={[{ id: 'name', desc: false }]}
      empty={filtered ? 'No categories match the filter.' : 'No categories yet. Create one to start adding rooms.'}
    />
  );
}
