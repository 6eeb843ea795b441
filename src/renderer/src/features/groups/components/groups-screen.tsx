import { useState } from 'react';
import type { GroupT } from '../../../../../server/admin-api/contract-channel';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { createDataTableColumns, DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { PageHeader } from '../../../components/ui/page-header';
import type { PrincipalOption } from '../../../components/ui/principal-list-editor';
import { useDeleteGroup } from '../api/delete-group';
import { useGroups } from '../api/get-groups';
import { GroupFormDialog } from './group-form-dialog';

const column = createDataTableColumns<GroupT>();
const NO_GROUPS: GroupT[] = [];

type Editing = { kind: 'create' } | { kind: 'edit'; group: GroupT } | { kind: 'delete'; group: GroupT } | null;

function DeleteGroupDialog({ group, onClose }: { group: GroupT; onClose: () => void }) {
  const remove = useDeleteGroup();
  return (
    <ConfirmDialog
      title="Delete group"
      confirmLabel="Delete group"
      pending={remove.isPending}
      error={remove.error?.message}
      onCancel={onClose}
      onConfirm={() => remove.mutate(group.id, { onSuccess: onClose })}
    >
      <p>
        Delete <strong>{group.name}</strong>? Scopes and room roles that name the group lose it.
      </p>
    </ConfirmDialog>
  );
}

export function GroupsScreen({ userOptions }: { userOptions: PrincipalOption[] }) {
  const groups = useGroups();
  const [editing, setEditing] = useState<Editing>(null);
  const columns = [
    column.accessor('name', { header: 'Name', cell: (info) => <strong>{info.getValue()}</strong> }),
    column.accessor('description', {
      header: 'Description',
      enableSorting: false,
      cell: (info) => info.getValue() || <span className="muted">—</span>,
    }),
    column.accessor((group) => group.members.length, {
      id: 'memberCount',
      header: 'Members',
      cell: (info) => <span className="numeric">{info.getValue()}</span>,
    }),
    column.accessor((group) => group.members.join(', '), {
      id: 'memberList',
      header: 'Who',
      enableSorting: false,
      cell: (info) => <span className="truncate">{info.getValue() || <span className="muted">nobody</span>}</span>,
    }),
    column.accessor('id', {
      header: 'Principal',
      enableSorting: false,
      cell: (info) => <code>group:{info.getValue()}</code>,
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => {
        const group = info.row.original;
        return (
          <div className="row-actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`Edit ${group.name}`}
              onClick={() => setEditing({ kind: 'edit', group })}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--danger-outline"
              aria-label={`Delete ${group.name}`}
              onClick={() => setEditing({ kind: 'delete', group })}
            >
              Delete
            </button>
          </div>
        );
      },
    }),
  ];
  return (
    <>
      <PageHeader
        title="Groups"
        description="Named sets of users, usable as principals in category scopes and room roles."
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'create' })}>
            New group
          </button>
        }
      />
      {groups.isError ? (
        <ErrorBanner
          title="Groups could not be loaded."
          message={groups.error.message}
          onRetry={() => void groups.refetch()}
        />
      ) : null}
      {groups.isPending ? (
        <p className="muted">Loading groups…</p>
      ) : (
        <DataTable
          label="Groups"
          columns={columns}
          data={groups.data ?? NO_GROUPS}
          getRowId={(group) => group.id}
          initialSorting={[{ id: 'name', desc: false }]}
          empty="No groups yet."
        />
      )}
      {editing?.kind === 'create' ? (
        <GroupFormDialog userOptions={userOptions} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.kind === 'edit' ? (
        <GroupFormDialog group={editing.group} userOptions={userOptions} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.kind === 'delete' ? <DeleteGroupDialog group={editing.group} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
